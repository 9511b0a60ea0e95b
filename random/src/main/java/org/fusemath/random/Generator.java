package org.fusemath.random;

import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.random.device.CurandDeviceGenerator;
import org.fusemath.random.host.HostGenerator;

/**
 * A stateful cuRAND-compatible pseudo-random generator (the analogue of {@code curandGenerator_t}): a
 * generator type, a 64-bit seed and an offset; each {@code generate*} call writes the next values of the
 * sequence and advances the offset, so that, for the same type, seed, offset and call sequence, the values
 * equal what cuRAND's host and device generators produce in {@code CURAND_ORDERING_PSEUDO_DEFAULT}.
 *
 * <p>Where it runs: heap arrays are filled by the pure-Java host generator, split over the context's
 * threads (the values do not depend on the thread count), unless the context's execution is
 * {@link Execution.Kind#DEVICE}, in which case cuRAND fills device memory and the values are copied back;
 * {@link DeviceBuffer}s are always filled on their device by cuRAND.
 *
 * <p>The offset counts what cuRAND's kernels count: values, except that XORWOW and MRG32k3a normal and
 * log-normal calls count Box–Muller pairs (see {@link RngType#offsetAdvance}). Normal and log-normal
 * calls need an even count, as cuRAND's do ({@code CURAND_STATUS_LENGTH_NOT_MULTIPLE}).
 *
 * <p>Bit-exact with cuRAND (verified against cuRAND's known-answer vectors): 32-bit, uniform and normal
 * values of all three generator types. Log-normal values are {@code exp} of those normals as glibc computes
 * it, like cuRAND's host generator; Poisson values follow cuRAND's device-API sampler and are checked
 * statistically only (see the module README for every modelling assumption).
 *
 * <p>Thread-safe: calls are serialised on the generator, so values depend on the order calls arrive in.
 * Host generation needs no closing; {@link #close()} releases a device generator if one was created, and a
 * {@link java.lang.ref.Cleaner} does so if the caller forgets.
 */
public final class Generator implements AutoCloseable {
    private final RngType type;
    private final FuseContext context;
    private long seed;
    private long offset;
    private HostGenerator host;
    private CurandDeviceGenerator device;
    /** Which provider's internal position matches {@link #offset}: the other one must be re-positioned. */
    private boolean hostCurrent = true;
    private boolean deviceCurrent;

    private Generator(RngType type, long seed, FuseContext context) {
        this.type = Arguments.requireNonNull(type, "type");
        this.context = Arguments.requireNonNull(context, "context");
        this.seed = seed;
    }

    /** A generator of {@code type} at {@code seed} (any 64-bit pattern, read unsigned), offset 0, default context. */
    public static Generator create(RngType type, long seed) {
        return new Generator(type, seed, FuseContext.defaults());
    }

    /** A generator of {@code type} at {@code seed}, offset 0, running where {@code context} says. */
    public static Generator create(RngType type, long seed, FuseContext context) {
        return new Generator(type, seed, context);
    }

    /** The generator type. */
    public RngType type() {
        return type;
    }

    /** The context the generator runs in. */
    public FuseContext context() {
        return context;
    }

    /** The seed. */
    public synchronized long seed() {
        return seed;
    }

    /** The current offset. */
    public synchronized long offset() {
        return offset;
    }

    /** {@code curandSetPseudoRandomGeneratorSeed}: continues the sequence of {@code seed} at the current offset. */
    public synchronized Generator setSeed(long seed) {
        this.seed = seed;
        if (host != null) {
            host.setSeed(seed);
            host.setOffset(offset);
        }
        hostCurrent = true;
        deviceCurrent = false;
        return this;
    }

    /** {@code curandSetGeneratorOffset}: moves to the absolute position {@code offset} (0 to 2^63 - 1). */
    public synchronized Generator setOffset(long offset) {
        Arguments.requireNonNegative("offset", offset);
        this.offset = offset;
        if (host != null) {
            host.setOffset(offset);
        }
        hostCurrent = true;
        deviceCurrent = false;
        return this;
    }

    /** Skips {@code count} offset units: the same as {@code setOffset(offset() + count)}. */
    public synchronized Generator skipAhead(long count) {
        Arguments.requireNonNegative("count", count);
        if (count > Long.MAX_VALUE - offset) {
            throw new InvalidArgumentException("count", count, "at most " + (Long.MAX_VALUE - offset)
                    + " so that the offset stays below 2^63 (offset is " + offset + ")");
        }
        return setOffset(offset + count);
    }

    /**
     * An independent generator at this one's seed and offset (for XORWOW and MRG32k3a on the host, with its
     * thread states, so both continue identically); the substream primitive for parallel use together
     * with {@link #skipAhead}.
     */
    public synchronized Generator copy() {
        Generator c = new Generator(type, seed, context);
        c.offset = offset;
        if (host != null && hostCurrent) {
            c.host = host.copy();
        }
        return c;
    }

    /** {@code curandGenerate}: fills {@code out} with 32-bit values (unsigned, in Java ints). */
    public void generate(int[] out) {
        fill(Distribution.uint32(), out, 0, length(out));
    }

    /** {@code curandGenerate} into {@code out[from, from+length)}. */
    public void generate(int[] out, int from, int length) {
        fill(Distribution.uint32(), out, from, length);
    }

    /** {@code curandGenerateUniform}: floats in (0, 1]. */
    public void generateUniform(float[] out) {
        fill(Distribution.uniformFloat(), out, 0, length(out));
    }

    /** {@code curandGenerateUniform} into {@code out[from, from+length)}. */
    public void generateUniform(float[] out, int from, int length) {
        fill(Distribution.uniformFloat(), out, from, length);
    }

    /** {@code curandGenerateUniformDouble}: doubles in (0, 1]. */
    public void generateUniformDouble(double[] out) {
        fill(Distribution.uniformDouble(), out, 0, length(out));
    }

    /** {@code curandGenerateUniformDouble} into {@code out[from, from+length)}. */
    public void generateUniformDouble(double[] out, int from, int length) {
        fill(Distribution.uniformDouble(), out, from, length);
    }

    /** {@code curandGenerateNormal}: {@code mean + stddev * z} in float; an even count. */
    public void generateNormal(float[] out, float mean, float stddev) {
        fill(Distribution.normalFloat(mean, stddev), out, 0, length(out));
    }

    /** {@code curandGenerateNormal} into {@code out[from, from+length)}; {@code length} even. */
    public void generateNormal(float[] out, int from, int length, float mean, float stddev) {
        fill(Distribution.normalFloat(mean, stddev), out, from, length);
    }

    /** {@code curandGenerateNormalDouble}: {@code mean + stddev * z} in double; an even count. */
    public void generateNormalDouble(double[] out, double mean, double stddev) {
        fill(Distribution.normalDouble(mean, stddev), out, 0, length(out));
    }

    /** {@code curandGenerateNormalDouble} into {@code out[from, from+length)}; {@code length} even. */
    public void generateNormalDouble(double[] out, int from, int length, double mean, double stddev) {
        fill(Distribution.normalDouble(mean, stddev), out, from, length);
    }

    /** {@code curandGenerateLogNormal}: {@code exp(mean + stddev * z)} in float; an even count. */
    public void generateLogNormal(float[] out, float mean, float stddev) {
        fill(Distribution.logNormalFloat(mean, stddev), out, 0, length(out));
    }

    /** {@code curandGenerateLogNormalDouble}: {@code exp(mean + stddev * z)} in double; an even count. */
    public void generateLogNormalDouble(double[] out, double mean, double stddev) {
        fill(Distribution.logNormalDouble(mean, stddev), out, 0, length(out));
    }

    /**
     * {@code curandGeneratePoisson}: Poisson counts of mean {@code lambda}, by cuRAND's one-word sampler
     * (inversion below lambda 1000, rounded normal approximation above); not verified bit for bit against
     * cuRAND's host API, whose method is undocumented. Like cuRAND, lambda must lie in (0,
     * {@link Distribution#MAX_POISSON_LAMBDA}]; a larger one is refused rather than letting counts overflow 32 bits.
     */
    public void generatePoisson(int[] out, double lambda) {
        fill(Distribution.poisson(lambda), out, 0, length(out));
    }

    /** Fills {@code out[from, from+length)} with integer samples of {@code d} (uint32 or Poisson). */
    public void fill(Distribution d, int[] out, int from, int length) {
        fillArray(d, SampleKind.ElementType.INT, out == null ? -1 : out.length, from, length,
                () -> device().fillHost(d, out, from, length),
                () -> hostProvider().fill(d, out, from, length, context.threads()));
    }

    /** Fills {@code out[from, from+length)} with float samples of {@code d}. */
    public void fill(Distribution d, float[] out, int from, int length) {
        fillArray(d, SampleKind.ElementType.FLOAT, out == null ? -1 : out.length, from, length,
                () -> device().fillHost(d, out, from, length),
                () -> hostProvider().fill(d, out, from, length, context.threads()));
    }

    /** Fills {@code out[from, from+length)} with double samples of {@code d}. */
    public void fill(Distribution d, double[] out, int from, int length) {
        fillArray(d, SampleKind.ElementType.DOUBLE, out == null ? -1 : out.length, from, length,
                () -> device().fillHost(d, out, from, length),
                () -> hostProvider().fill(d, out, from, length, context.threads()));
    }

    // One checked, ordered fill for every array type; the lambdas pick the provider overload for the array.
    private void fillArray(Distribution d, SampleKind.ElementType type, int arrayLength, int from, int length,
                           Runnable deviceFill, Runnable hostFill) {
        check(d, type, arrayLength, from, length);
        synchronized (this) {
            long advance = advanceFor(d.kind(), length);
            log(d, length);
            if (onDevice()) {
                deviceFill.run();
                deviceDone(advance);
            } else {
                hostFill.run();
                hostDone(advance);
            }
        }
    }

    /**
     * Fills the whole device buffer with samples of {@code d} by cuRAND on the buffer's device; the buffer's
     * dtype must match the kind (F32 for float kinds, F64 for double kinds; integer kinds need a buffer of
     * F32 elements, reinterpreted, since 32-bit integers share their size).
     */
    public void fill(Distribution d, DeviceBuffer buffer) {
        Arguments.requireNonNull(d, "distribution");
        Arguments.requireNonNull(buffer, "buffer");
        long length = buffer.elementCount();
        CurandDeviceGenerator.checkBuffer(d, buffer);
        if (d.kind().pairs() && length % 2 != 0) {
            throw new InvalidArgumentException("buffer", "a buffer of " + length + " elements",
                    "an even element count: cuRAND generates " + d.kind().cliName() + " values in Box-Muller pairs");
        }
        synchronized (this) {
            long advance = advanceFor(d.kind(), length);
            context.logger().debug("random: {} {} x {} at offset {} into a device buffer (cuRAND)", type, d.kind().cliName(),
                    length, offset);
            device().fillDevice(d, buffer);
            deviceDone(advance);
        }
    }

    /** Releases the device generator, if one was created; the generator stays usable on the host. */
    @Override
    public synchronized void close() {
        if (device != null) {
            device.close();
            device = null;
            deviceCurrent = false;
        }
    }

    private void log(Distribution d, long length) {
        if (context.logger().isDebugEnabled()) {
            context.logger().debug("random: {} {} x {} at offset {} on {}{}", type, d.kind().cliName(), length, offset,
                    onDevice() ? "the device (cuRAND)" : "the host", onDevice() ? "" : ", up to " + context.threads() + " threads");
        }
    }

    private boolean onDevice() {
        return context.execution().kind() == Execution.Kind.DEVICE;
    }

    private HostGenerator hostProvider() {
        if (host == null) {
            host = HostGenerator.create(type, seed);
            host.setOffset(offset);
        } else if (!hostCurrent) {
            host.setOffset(offset);
        }
        hostCurrent = true;
        return host;
    }

    private CurandDeviceGenerator device() {
        if (device == null) {
            device = CurandDeviceGenerator.open(type, context);
        }
        if (!deviceCurrent) {
            device.position(seed, offset);
            deviceCurrent = true;
        }
        return device;
    }

    private void hostDone(long advance) {
        offset += advance;
        deviceCurrent = false;
    }

    private void deviceDone(long advance) {
        offset += advance;
        hostCurrent = false;
    }

    private long advanceFor(SampleKind kind, long length) {
        long advance = type.offsetAdvance(kind, length);
        if (advance > Long.MAX_VALUE - offset) {
            throw new InvalidArgumentException("length", length, "a count that keeps the offset below 2^63 (offset is "
                    + offset + ", the call would advance it by " + advance + ")");
        }
        return advance;
    }

    private static void check(Distribution d, SampleKind.ElementType type, int arrayLength, int from, int length) {
        Arguments.requireNonNull(d, "distribution");
        if (d.kind().elementType() != type) {
            throw new InvalidArgumentException("distribution", d.kind().cliName(),
                    "a kind that produces " + type.name().toLowerCase(java.util.Locale.ROOT) + " values for this array");
        }
        if (arrayLength < 0) {
            throw new InvalidArgumentException("out", "null", "a non-null array");
        }
        Arguments.requireNonNegative("from", from);
        Arguments.requireNonNegative("length", length);
        if ((long) from + length > arrayLength) {
            throw new InvalidArgumentException("out", "an array of length " + arrayLength,
                    "at least from + length = " + ((long) from + length) + " elements");
        }
        if (d.kind().pairs() && length % 2 != 0) {
            throw new InvalidArgumentException("length", length,
                    "an even count: cuRAND generates " + d.kind().cliName() + " values in Box-Muller pairs");
        }
    }

    private static int length(int[] out) {
        return out == null ? 0 : out.length;
    }

    private static int length(float[] out) {
        return out == null ? 0 : out.length;
    }

    private static int length(double[] out) {
        return out == null ? 0 : out.length;
    }
}
