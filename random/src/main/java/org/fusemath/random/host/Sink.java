package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.SampleKind;
import org.fusemath.random.host.libm.GlibcFloat;

/**
 * Where converted samples go: one implementation per Java array type, so that the generators' ordering
 * logic is written once, with the {@link Scratch} its conversions use. Not thread-safe: each worker of a
 * parallel fill uses its own {@link #fork()}.
 */
abstract class Sink {
    final Transforms.Family family;
    final Distribution distribution;
    final int base;
    final Scratch scratch;

    Sink(Transforms.Family family, Distribution distribution, int base, Scratch scratch) {
        this.family = family;
        this.distribution = distribution;
        this.base = base;
        this.scratch = scratch;
    }

    static Sink of(Transforms.Family family, Distribution d, int[] out, int from, Scratch scratch) {
        return new Ints(family, d, out, from, scratch);
    }

    static Sink of(Transforms.Family family, Distribution d, float[] out, int from, Scratch scratch) {
        return new Floats(family, d, out, from, scratch);
    }

    static Sink of(Transforms.Family family, Distribution d, double[] out, int from, Scratch scratch) {
        return new Doubles(family, d, out, from, scratch);
    }

    /** A sink writing to the same array, with a fresh scratch, for another worker. */
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
     * Converts the raw words of {@code items} work items drawn lane-wise (word w of item i at
     * {@code words[w][from + i]}, {@code wordsPerItem} words each) into their samples at output index
     * {@code index}. One-word items are already in {@link #write}'s order; others are interleaved first.
     */
    void writeItems(int[][] words, int wordsPerItem, int from, long index, int items) {
        int samples = distribution.kind().pairs() ? 2 * items : items;
        if (wordsPerItem == 1) {
            write(words[0], from, index, samples);
            return;
        }
        int[] interleaved = scratch.interleaved();
        for (int w = 0; w < wordsPerItem; w++) {
            int[] lane = words[w];
            for (int i = 0; i < items; i++) {
                interleaved[i * wordsPerItem + w] = lane[from + i];
            }
        }
        write(interleaved, 0, index, samples);
    }

    /**
     * Converts raw words for a whole group of {@code groupSize} samples and keeps only {@code count} of them,
     * from {@code skip} on, at output index {@code index}: the edges of a call that starts or ends
     * inside a Philox block.
     */
    abstract void writePart(int[] raw, int rp, int groupSize, int skip, long index, int count);

    private static final class Ints extends Sink {
        private final int[] out;
        private final int[] part = new int[8];

        Ints(Transforms.Family family, Distribution d, int[] out, int from, Scratch scratch) {
            super(family, d, from, scratch);
            this.out = out;
        }

        @Override
        Sink fork() {
            return new Ints(family, distribution, out, base, new Scratch());
        }

        @Override
        boolean writePhiloxGroups(long seed, long g, int groups, long index) {
            if (distribution.kind() != SampleKind.UINT32) {
                return false;
            }
            PhiloxKernels.ints(seed, g, groups, out, base + (int) index, scratch.philoxBatch());
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

        Floats(Transforms.Family family, Distribution d, float[] out, int from, Scratch scratch) {
            super(family, d, from, scratch);
            this.out = out;
        }

        @Override
        Sink fork() {
            return new Floats(family, distribution, out, base, new Scratch());
        }

        @Override
        boolean writePhiloxGroups(long seed, long g, int groups, long index) {
            int at = base + (int) index;
            switch (distribution.kind()) {
                case UNIFORM_FLOAT:
                    PhiloxKernels.uniformFloats(seed, g, groups, out, at, scratch.philoxBatch());
                    return true;
                case NORMAL_FLOAT:
                case LOG_NORMAL_FLOAT:
                    scratch.philoxNormals().fill(seed, g, groups, out, at, (float) distribution.mean(),
                            (float) distribution.stddev());
                    exponentiateIfLogNormal(at, 4 * groups);
                    return true;
                default:
                    return false;
            }
        }

        @Override
        void write(int[] raw, int rp, long index, int n) {
            Transforms.toFloats(family, distribution, raw, rp, out, base + (int) index, n);
        }

        @Override
        void writeItems(int[][] words, int wordsPerItem, int from, long index, int items) {
            SampleKind kind = distribution.kind();
            if (kind != SampleKind.NORMAL_FLOAT && kind != SampleKind.LOG_NORMAL_FLOAT) {
                super.writeItems(words, wordsPerItem, from, index, items);
                return;
            }
            // Box-Muller pairs straight from the lanes (u words in words[0], angle words in words[1]), a block
            // at a time; write() would convert element by element.
            int at = base + (int) index;
            BoxMullerFloats bm = scratch.boxMuller();
            for (int done = 0; done < items; done += BoxMullerFloats.CAPACITY) {
                int pairs = Math.min(BoxMullerFloats.CAPACITY, items - done);
                if (family == Transforms.Family.BITS) {
                    bm.loadBits(words[0], from + done, words[1], from + done, 0, pairs);
                } else {
                    bm.loadMrg(words[0], from + done, words[1], from + done, 0, pairs);
                }
                bm.transform(pairs, (float) distribution.mean(), (float) distribution.stddev());
                bm.writePairs(out, at + 2 * done, pairs);
            }
            exponentiateIfLogNormal(at, 2 * items);
        }

        @Override
        void writePart(int[] raw, int rp, int groupSize, int skip, long index, int count) {
            Transforms.toFloats(family, distribution, raw, rp, part, 0, groupSize);
            System.arraycopy(part, skip, out, base + (int) index, count);
        }

        private void exponentiateIfLogNormal(int at, int n) {
            if (distribution.kind() == SampleKind.LOG_NORMAL_FLOAT) {
                for (int i = at; i < at + n; i++) {
                    out[i] = GlibcFloat.expf(out[i]);
                }
            }
        }
    }

    private static final class Doubles extends Sink {
        private final double[] out;
        private final double[] part = new double[8];

        Doubles(Transforms.Family family, Distribution d, double[] out, int from, Scratch scratch) {
            super(family, d, from, scratch);
            this.out = out;
        }

        @Override
        Sink fork() {
            return new Doubles(family, distribution, out, base, new Scratch());
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
