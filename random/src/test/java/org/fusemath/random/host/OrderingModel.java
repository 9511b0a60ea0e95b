package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * An element-by-element model of cuRAND's default ordering, written from the documentation rather than
 * from the generators' loops: value {@code index} of a call that starts at offset O on a freshly positioned
 * generator, computed from a state built with {@code curand_init}-style jumps for that value alone.
 */
final class OrderingModel {
    private OrderingModel() {
    }

    /** The raw bit pattern of output {@code index} of a call of {@code d} at offset {@code offset}. */
    static long expectedBits(RngType type, long seed, long offset, Distribution d, long index) {
        SampleKind kind = d.kind();
        if (type == RngType.PHILOX4_32_10) {
            long g = offset + index;
            long group = g >>> 2;
            long thread = group % 65536;
            long iteration = group / 65536;
            int counters = kind == SampleKind.UNIFORM_DOUBLE || kind == SampleKind.NORMAL_DOUBLE
                    || kind == SampleKind.LOG_NORMAL_DOUBLE ? 2 : 1;
            int[] raw = new int[4 * counters];
            for (int c = 0; c < counters; c++) {
                Philox4x32.block(iteration * counters + c, thread, seed, raw, 4 * c);
            }
            return bitsOf(Transforms.Family.BITS, d, raw, 4, (int) (g & 3));
        }
        int threads = type == RngType.XORWOW ? 4096 : 81920;
        Transforms.Family family = type == RngType.XORWOW ? Transforms.Family.BITS : Transforms.Family.MRG;
        int perItem = kind.pairs() ? 2 : 1;
        int words = Transforms.rawWords(family, kind, perItem);
        long item = offset + index / perItem;
        long thread = item % threads;
        // Words thread t used before the offset (one per item), then words per item for this call's items.
        long before = offset / threads + (thread < offset % threads ? 1 : 0);
        long firstItemOfThread = offset + Math.floorMod(thread - offset, (long) threads);
        long k = (item - firstItemOfThread) / threads;
        int[] s = new int[6];
        int[] raw = new int[words];
        if (type == RngType.XORWOW) {
            XorwowEngine.seed(seed, s, 0);
            XorwowJumps.advance(s, 0, thread, XorwowEngine.SUBSEQUENCE_BITS);
            XorwowEngine.skip(s, 0, before + k * words);
            XorwowEngine.draw(s, 0, raw, 0, words);
        } else {
            Mrg32k3aEngine.seed(seed, s, 0);
            Mrg32k3aEngine.skip(s, 0, thread, Mrg32k3aEngine.SUBSEQUENCE_BITS);
            Mrg32k3aEngine.skip(s, 0, before + k * words, 0);
            Mrg32k3aEngine.draw(s, 0, raw, 0, words);
        }
        return bitsOf(family, d, raw, perItem, (int) (index % perItem));
    }

    private static long bitsOf(Transforms.Family family, Distribution d, int[] raw, int outputs, int lane) {
        switch (d.kind().elementType()) {
            case INT: {
                int[] o = new int[outputs];
                Transforms.toInts(family, d, raw, 0, o, 0, outputs);
                return o[lane] & 0xffffffffL;
            }
            case FLOAT: {
                float[] o = new float[outputs];
                Transforms.toFloats(family, d, raw, 0, o, 0, outputs);
                return Float.floatToRawIntBits(o[lane]) & 0xffffffffL;
            }
            default: {
                double[] o = new double[outputs];
                Transforms.toDoubles(family, d, raw, 0, o, 0, outputs);
                return Double.doubleToRawLongBits(o[lane]);
            }
        }
    }
}
