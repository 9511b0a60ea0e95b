package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * The pure-Java provider of one cuRAND host generator ({@code curandCreateGeneratorHost}) in
 * {@code CURAND_ORDERING_PSEUDO_DEFAULT}: given seed and offset it fills arrays with exactly the values
 * cuRAND writes, and advances the offset as the call consumed it.
 *
 * <p>Callers (the public {@code org.fusemath.random.Generator}) check arguments first; a provider is not
 * thread-safe and is confined to one caller at a time. A fill may split itself over up to {@code workers}
 * threads, never into more parts than it has work for (see {@link #parts}); the values do not depend on the split.
 */
public abstract class HostGenerator {
    /** Fills shorter than this run on the calling thread alone. */
    static final int PARALLEL_THRESHOLD = 1 << 18;
    /** The fewest samples one part of a parallel fill computes: more workers than count / this cannot help. */
    static final int MIN_PART = 1 << 16;

    private long seed;
    private long offset;
    /** The calling thread's buffers, kept between calls. */
    private final Scratch scratch = new Scratch();

    HostGenerator(long seed) {
        this.seed = seed;
    }

    /** A provider of {@code type} at seed {@code seed}, offset 0. */
    public static HostGenerator create(RngType type, long seed) {
        switch (type) {
            case PHILOX4_32_10:
                return new PhiloxGenerator(seed);
            case XORWOW:
                return new XorwowGenerator(seed);
            case MRG32K3A:
                return new Mrg32k3aGenerator(seed);
            default:
                throw new IllegalArgumentException("unknown generator " + type);
        }
    }

    /** The generator type. */
    public abstract RngType type();

    /** The seed. */
    public final long seed() {
        return seed;
    }

    /** The current offset, in the units {@link #offsetAdvance} counts. */
    public final long offset() {
        return offset;
    }

    /** {@code curandSetPseudoRandomGeneratorSeed}: the sequence of {@code seed} at the current offset. */
    public final void setSeed(long seed) {
        this.seed = seed;
        reset();
    }

    /** {@code curandSetGeneratorOffset}: the absolute position {@code offset} of the current seed's sequence. */
    public final void setOffset(long offset) {
        this.offset = offset;
        reset();
    }

    /** How far a call producing {@code count} values of {@code kind} moves the offset ({@link RngType#offsetAdvance}). */
    public final long offsetAdvance(SampleKind kind, long count) {
        return type().offsetAdvance(kind, count);
    }

    /** An independent provider in the same state: same seed, offset and (for XORWOW, MRG32k3a) thread states. */
    public abstract HostGenerator copy();

    /** Fills {@code out[from, from+count)} with the next {@code count} integer samples of {@code d}. */
    public final void fill(Distribution d, int[] out, int from, int count, int workers) {
        generate(d, Sink.of(family(), d, out, from, scratch), count, workers);
    }

    /** Fills {@code out[from, from+count)} with the next {@code count} float samples of {@code d}. */
    public final void fill(Distribution d, float[] out, int from, int count, int workers) {
        generate(d, Sink.of(family(), d, out, from, scratch), count, workers);
    }

    /** Fills {@code out[from, from+count)} with the next {@code count} double samples of {@code d}. */
    public final void fill(Distribution d, double[] out, int from, int count, int workers) {
        generate(d, Sink.of(family(), d, out, from, scratch), count, workers);
    }

    final void copyPositionFrom(HostGenerator other) {
        this.seed = other.seed;
        this.offset = other.offset;
    }

    private void generate(Distribution d, Sink sink, int count, int workers) {
        if (count == 0) {
            return;
        }
        produce(d, sink, count, parts(count, workers));
        offset += offsetAdvance(d.kind(), count);
    }

    /** The parts a fill of {@code count} samples splits into: at most {@code workers}, each of {@link #MIN_PART} or more. */
    static int parts(int count, int workers) {
        return count < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(workers, count / MIN_PART));
    }

    abstract Transforms.Family family();

    /** Forgets derived state after a seed or offset change. */
    abstract void reset();

    /** Writes {@code count} samples starting at the current offset, in {@code parts} parallel parts. */
    abstract void produce(Distribution d, Sink sink, int count, int parts);
}
