package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.SampleKind;

/**
 * Where converted samples go: one implementation per Java array type, so that the generators' ordering
 * logic is written once. Not thread-safe: each worker of a parallel fill uses its own {@link #fork()}.
 */
abstract class Sink {
    final Transforms.Family family;
    final Distribution distribution;
    final int base;

    Sink(Transforms.Family family, Distribution distribution, int base) {
        this.family = family;
        this.distribution = distribution;
        this.base = base;
    }

    static Sink of(Transforms.Family family, Distribution d, int[] out, int from) {
        return new Ints(family, d, out, from);
    }

    static Sink of(Transforms.Family family, Distribution d, float[] out, int from) {
        return new Floats(family, d, out, from);
    }

    static Sink of(Transforms.Family family, Distribution d, double[] out, int from) {
        return new Doubles(family, d, out, from);
    }

    /** A sink writing to the same array, with its own scratch, for another worker. */
    abstract Sink fork();

    /**
     * Writes the samples of whole Philox groups [g, g + groups) at output index {@code index} with a fused
     * kernel, when one exists for this kind; false when the caller must go through raw words.
     */
    boolean writePhiloxGroups(long seed, long g, int groups, long index) {
        return false;
    }

    /** Converts raw words {@code raw[rp..]} into the {@code n} samples at output index {@code index}. */
    abstract void write(int[] raw, int rp, long index, int n);

    /**
     * Converts raw words for a whole group of {@code groupSize} samples and keeps only {@code count} of them,
     * from {@code skip} on, at output index {@code index}: the edges of a call that starts or ends
     * inside a Philox block.
     */
    abstract void writePart(int[] raw, int rp, int groupSize, int skip, long index, int count);

    private static final class Ints extends Sink {
        private final int[] out;
        private final int[] part = new int[8];

        Ints(Transforms.Family family, Distribution d, int[] out, int from) {
            super(family, d, from);
            this.out = out;
        }

        @Override
        Sink fork() {
            return new Ints(family, distribution, out, base);
        }

        @Override
        boolean writePhiloxGroups(long seed, long g, int groups, long index) {
            if (distribution.kind() != SampleKind.UINT32) {
                return false;
            }
            PhiloxKernels.ints(seed, g, groups, out, base + (int) index);
            return true;
        }

        @Override
        void write(int[] raw, int rp, long index, int n) {
            Transforms.toInts(family, distribution, raw, rp, out, base + (int) index, n);
        }

        @Override
        void writePart(int[] raw, int rp, int groupSize, int skip, long index, int count) {
            Transforms.toInts(family, distribution, raw, rp, part, 0, groupSize);
            System.arraycopy(part, skip, out, base + (int) index, count);
        }
    }

    private static final class Floats extends Sink {
        private final float[] out;
        private final float[] part = new float[8];

        Floats(Transforms.Family family, Distribution d, float[] out, int from) {
            super(family, d, from);
            this.out = out;
        }

        @Override
        Sink fork() {
            return new Floats(family, distribution, out, base);
        }

        @Override
        boolean writePhiloxGroups(long seed, long g, int groups, long index) {
            if (distribution.kind() != SampleKind.UNIFORM_FLOAT) {
                return false;
            }
            PhiloxKernels.uniformFloats(seed, g, groups, out, base + (int) index);
            return true;
        }

        @Override
        void write(int[] raw, int rp, long index, int n) {
            Transforms.toFloats(family, distribution, raw, rp, out, base + (int) index, n);
        }

        @Override
        void writePart(int[] raw, int rp, int groupSize, int skip, long index, int count) {
            Transforms.toFloats(family, distribution, raw, rp, part, 0, groupSize);
            System.arraycopy(part, skip, out, base + (int) index, count);
        }
    }

    private static final class Doubles extends Sink {
        private final double[] out;
        private final double[] part = new double[8];

        Doubles(Transforms.Family family, Distribution d, double[] out, int from) {
            super(family, d, from);
            this.out = out;
        }

        @Override
        Sink fork() {
            return new Doubles(family, distribution, out, base);
        }

        @Override
        void write(int[] raw, int rp, long index, int n) {
            Transforms.toDoubles(family, distribution, raw, rp, out, base + (int) index, n);
        }

        @Override
        void writePart(int[] raw, int rp, int groupSize, int skip, long index, int count) {
            Transforms.toDoubles(family, distribution, raw, rp, part, 0, groupSize);
            System.arraycopy(part, skip, out, base + (int) index, count);
        }
    }
}
