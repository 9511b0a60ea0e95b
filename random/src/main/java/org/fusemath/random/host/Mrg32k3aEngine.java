package org.fusemath.random.host;

/**
 * cuRAND's MRG32k3a generator ({@code curand_kernel.h}): L'Ecuyer's combined multiple recursive
 * generator with cuRAND's seeding and its 2^76-step subsequences, in exact integer arithmetic (every
 * cuRAND variant, integer or floating point, computes the same exact residues).
 *
 * <p>A state is six ints {@code s1[0..2], s2[0..2]} (unsigned residues) at some position of an int
 * array; an output is the combination {@code p1 - p2 (+ m1)} in [1, m1], returned as an unsigned int.
 */
final class Mrg32k3aEngine {
    static final int STATE_INTS = 6;
    static final long M1 = 4294967087L;
    static final long M2 = 4294944443L;
    static final long A12 = 1403580L;
    static final long A13N = 810728L;
    static final long A21 = 527612L;
    static final long A23N = 1370589L;
    /** log2 of the subsequence stride in steps. */
    static final int SUBSEQUENCE_BITS = 76;
    private static final long M1C = (1L << 32) - M1; // 2^32 mod m1
    private static final long M2C = (1L << 32) - M2; // 2^32 mod m2

    private Mrg32k3aEngine() {
    }

    /** {@code curand_init(seed, 0, 0)}: writes the state of subsequence 0, position 0, at {@code s[at..]}. */
    static void seed(long seed, int[] s, int at) {
        long x1 = ((int) seed ^ 0x55555555) & 0xffffffffL;
        long x2 = ((int) (seed >>> 32) ^ 0xAAAAAAAA) & 0xffffffffL;
        if (seed == 0) {
            x1 = 1;
            x2 = 1;
        }
        s[at] = (int) (x1 * 12345 % M1);
        s[at + 1] = (int) (x2 * 12345 % M1);
        s[at + 2] = (int) (x1 * 12345 % M1);
        s[at + 3] = (int) (x2 * 12345 % M2);
        s[at + 4] = (int) (x1 * 12345 % M2);
        s[at + 5] = (int) (x2 * 12345 % M2);
    }

    /**
     * Writes {@code count} consecutive raw outputs (the combination in [1, m1], as unsigned ints) of the
     * state at {@code s[at..]} to {@code out[pos..]}, advancing the state.
     */
    static void draw(int[] s, int at, int[] out, int pos, int count) {
        long a0 = s[at] & 0xffffffffL;
        long a1 = s[at + 1] & 0xffffffffL;
        long a2 = s[at + 2] & 0xffffffffL;
        long b0 = s[at + 3] & 0xffffffffL;
        long b1 = s[at + 4] & 0xffffffffL;
        long b2 = s[at + 5] & 0xffffffffL;
        for (int i = 0; i < count; i++) {
            long p1 = A12 * a1 + A13N * (M1 - a0);
            p1 = (p1 >>> 32) * M1C + (p1 & 0xffffffffL);
            if (p1 >= M1) {
                p1 -= M1;
            }
            a0 = a1;
            a1 = a2;
            a2 = p1;
            long p2 = A21 * b2 + A23N * (M2 - b0);
            p2 = (p2 >>> 32) * M2C + (p2 & 0xffffffffL);
            p2 = (p2 >>> 32) * M2C + (p2 & 0xffffffffL);
            if (p2 >= M2) {
                p2 -= M2;
            }
            b0 = b1;
            b1 = b2;
            b2 = p2;
            out[pos + i] = (int) (p1 > p2 ? p1 - p2 : p1 - p2 + M1);
        }
        s[at] = (int) a0;
        s[at + 1] = (int) a1;
        s[at + 2] = (int) a2;
        s[at + 3] = (int) b0;
        s[at + 4] = (int) b1;
        s[at + 5] = (int) b2;
    }

    /**
     * One output of each lane-wise state {@code s[0..5][i]} (see {@link StateLanes}) for lanes [from, to), to
     * {@code out[i]}: the same residues as {@link #draw}, with its conditional subtractions written as masks so
     * that the loop over lanes has no branch and C2 can vectorize it.
     */
    static void drawLanes(int[][] s, int from, int to, int[] out) {
        int[] s0 = s[0];
        int[] s1 = s[1];
        int[] s2 = s[2];
        int[] s3 = s[3];
        int[] s4 = s[4];
        int[] s5 = s[5];
        for (int i = from; i < to; i++) {
            long a0 = s0[i] & 0xffffffffL;
            long a1 = s1[i] & 0xffffffffL;
            long p1 = A12 * a1 + A13N * (M1 - a0);
            p1 = (p1 >>> 32) * M1C + (p1 & 0xffffffffL);
            p1 -= M1 & ~((p1 - M1) >> 63); // minus m1 where p1 >= m1
            long b0 = s3[i] & 0xffffffffL;
            long b2 = s5[i] & 0xffffffffL;
            long p2 = A21 * b2 + A23N * (M2 - b0);
            p2 = (p2 >>> 32) * M2C + (p2 & 0xffffffffL);
            p2 = (p2 >>> 32) * M2C + (p2 & 0xffffffffL);
            p2 -= M2 & ~((p2 - M2) >> 63);
            s0[i] = (int) a1;
            s1[i] = s2[i];
            s2[i] = (int) p1;
            s3[i] = s4[i];
            s4[i] = (int) b2;
            s5[i] = (int) p2;
            long diff = p1 - p2;
            out[i] = (int) (diff + (M1 & ((diff - 1) >> 63))); // plus m1 where p1 <= p2
        }
    }

    /** Skips {@code count * 2^shift} outputs of the state at {@code s[at..]}. */
    static void skip(int[] s, int at, long count, int shift) {
        for (int level = shift; count != 0; level++, count >>>= 1) {
            if ((count & 1) != 0) {
                Mrg32k3aJumps.apply(level, s, at);
            }
        }
    }

    /** (a * b) mod m for residues a, b below 2^32. */
    static long mulMod(long a, long b, long m) {
        return Long.remainderUnsigned(a * b, m);
    }
}
