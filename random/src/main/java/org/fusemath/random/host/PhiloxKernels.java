package org.fusemath.random.host;

/**
 * Fused loops for the Philox kinds that need speed: raw words and uniform floats written straight to the
 * output, two independent blocks per iteration so their multiply chains overlap, no allocation and no
 * per-sample branches. Group g of the default ordering is thread {@code g mod 65536}, iteration
 * {@code g / 65536}, i.e. the block with counter {@code (g >>> 16, g & 0xffff)}. Where the JIT vectorizes
 * {@link PhiloxBatch} the entry points taking one go through it instead. Thread-safe (stateless).
 */
final class PhiloxKernels {
    /**
     * Whether to compute blocks lane-wise ({@link PhiloxBatch}) for raw words and uniform floats. Measured with
     * 2^22 uniform floats on one thread (AVX-512 EPYC): JDK 25 vectorizes the batch's rounds, 2.0 ns per sample
     * against 3.9 for the two-block loop below; JDK 17 does not (4.4 against 3.5). JDK 21 to 24 were not
     * measured and keep the two-block loop.
     */
    static final boolean LANE_WISE = Runtime.version().feature() >= 25;
    private static final long MASK = 0xffffffffL;

    private PhiloxKernels() {
    }

    /** {@link #ints(long, long, int, int[], int)}, through {@code batch} where {@link #LANE_WISE}. */
    static void ints(long seed, long g, int groups, int[] out, int pos, PhiloxBatch batch) {
        if (!LANE_WISE) {
            ints(seed, g, groups, out, pos);
            return;
        }
        for (int done = 0; done < groups; done += PhiloxBatch.CAPACITY) {
            int n = Math.min(PhiloxBatch.CAPACITY, groups - done);
            batch.generate(seed, g + done, n);
            batch.writeInts(out, pos + 4 * done, n);
        }
    }

    /** {@link #uniformFloats(long, long, int, float[], int)}, through {@code batch} where {@link #LANE_WISE}. */
    static void uniformFloats(long seed, long g, int groups, float[] out, int pos, PhiloxBatch batch) {
        if (!LANE_WISE) {
            uniformFloats(seed, g, groups, out, pos);
            return;
        }
        for (int done = 0; done < groups; done += PhiloxBatch.CAPACITY) {
            int n = Math.min(PhiloxBatch.CAPACITY, groups - done);
            batch.generate(seed, g + done, n);
            batch.writeUniformFloats(out, pos + 4 * done, n);
        }
    }

    /** Writes the 4 * {@code groups} raw words of groups [g, g + groups) to {@code out[pos..]}. */
    static void ints(long seed, long g, int groups, int[] out, int pos) {
        int[] k = roundKeys(seed);
        int j = 0;
        for (; j + 1 < groups; j += 2, g += 2, pos += 8) {
            long ga = g;
            long gb = g + 1;
            int a0 = (int) (ga >>> 16);
            int a1 = (int) (ga >>> 48);
            int a2 = (int) ga & 0xffff;
            int a3 = 0;
            int b0 = (int) (gb >>> 16);
            int b1 = (int) (gb >>> 48);
            int b2 = (int) gb & 0xffff;
            int b3 = 0;
            for (int r = 0; r < 20; r += 2) {
                long pa0 = Philox4x32.M0 * (a0 & MASK);
                long pa1 = Philox4x32.M1 * (a2 & MASK);
                long pb0 = Philox4x32.M0 * (b0 & MASK);
                long pb1 = Philox4x32.M1 * (b2 & MASK);
                a0 = (int) (pa1 >>> 32) ^ a1 ^ k[r];
                a2 = (int) (pa0 >>> 32) ^ a3 ^ k[r + 1];
                a1 = (int) pa1;
                a3 = (int) pa0;
                b0 = (int) (pb1 >>> 32) ^ b1 ^ k[r];
                b2 = (int) (pb0 >>> 32) ^ b3 ^ k[r + 1];
                b1 = (int) pb1;
                b3 = (int) pb0;
            }
            out[pos] = a0;
            out[pos + 1] = a1;
            out[pos + 2] = a2;
            out[pos + 3] = a3;
            out[pos + 4] = b0;
            out[pos + 5] = b1;
            out[pos + 6] = b2;
            out[pos + 7] = b3;
        }
        if (j < groups) {
            Philox4x32.block(g >>> 16, g & 0xffff, seed, out, pos);
        }
    }

    /** Writes the 4 * {@code groups} uniform floats ({@code _curand_uniform}) of groups [g, g + groups). */
    static void uniformFloats(long seed, long g, int groups, float[] out, int pos) {
        int[] k = roundKeys(seed);
        int j = 0;
        for (; j + 1 < groups; j += 2, g += 2, pos += 8) {
            long ga = g;
            long gb = g + 1;
            int a0 = (int) (ga >>> 16);
            int a1 = (int) (ga >>> 48);
            int a2 = (int) ga & 0xffff;
            int a3 = 0;
            int b0 = (int) (gb >>> 16);
            int b1 = (int) (gb >>> 48);
            int b2 = (int) gb & 0xffff;
            int b3 = 0;
            for (int r = 0; r < 20; r += 2) {
                long pa0 = Philox4x32.M0 * (a0 & MASK);
                long pa1 = Philox4x32.M1 * (a2 & MASK);
                long pb0 = Philox4x32.M0 * (b0 & MASK);
                long pb1 = Philox4x32.M1 * (b2 & MASK);
                a0 = (int) (pa1 >>> 32) ^ a1 ^ k[r];
                a2 = (int) (pa0 >>> 32) ^ a3 ^ k[r + 1];
                a1 = (int) pa1;
                a3 = (int) pa0;
                b0 = (int) (pb1 >>> 32) ^ b1 ^ k[r];
                b2 = (int) (pb0 >>> 32) ^ b3 ^ k[r + 1];
                b1 = (int) pb1;
                b3 = (int) pb0;
            }
            out[pos] = Transforms.uniformFloat(a0);
            out[pos + 1] = Transforms.uniformFloat(a1);
            out[pos + 2] = Transforms.uniformFloat(a2);
            out[pos + 3] = Transforms.uniformFloat(a3);
            out[pos + 4] = Transforms.uniformFloat(b0);
            out[pos + 5] = Transforms.uniformFloat(b1);
            out[pos + 6] = Transforms.uniformFloat(b2);
            out[pos + 7] = Transforms.uniformFloat(b3);
        }
        if (j < groups) {
            int[] w = new int[4];
            Philox4x32.block(g >>> 16, g & 0xffff, seed, w, 0);
            for (int i = 0; i < 4; i++) {
                out[pos + i] = Transforms.uniformFloat(w[i]);
            }
        }
    }

    /** The ten round keys, interleaved (k0, k1) per round. */
    private static int[] roundKeys(long seed) {
        int[] k = new int[20];
        int k0 = (int) seed;
        int k1 = (int) (seed >>> 32);
        for (int r = 0; r < 10; r++) {
            k[2 * r] = k0;
            k[2 * r + 1] = k1;
            k0 += Philox4x32.W0;
            k1 += Philox4x32.W1;
        }
        return k;
    }
}
