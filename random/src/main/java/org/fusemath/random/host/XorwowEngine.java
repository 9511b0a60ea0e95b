package org.fusemath.random.host;

/**
 * cuRAND's XORWOW generator ({@code curand_kernel.h}): Marsaglia's xorshift on five words plus a Weyl
 * counter, with cuRAND's seeding and its 2^67-step subsequences.
 *
 * <p>A state is six ints {@code v0..v4, d} at some position of an int array.
 */
final class XorwowEngine {
    static final int STATE_INTS = 6;
    static final int WEYL = 362437;
    /** log2 of the subsequence stride in steps. */
    static final int SUBSEQUENCE_BITS = 67;

    private XorwowEngine() {
    }

    /** {@code curand_init(seed, 0, 0)}: writes the state of subsequence 0, position 0, at {@code s[at..]}. */
    static void seed(long seed, int[] s, int at) {
        int s0 = (int) seed ^ 0xaad26b49;
        int s1 = (int) (seed >>> 32) ^ 0xf7dcefdd;
        int t0 = 1099087573 * s0;
        int t1 = (int) 2591861531L * s1;
        s[at] = 123456789 + t0;
        s[at + 1] = 362436069 ^ t0;
        s[at + 2] = 521288629 + t1;
        s[at + 3] = 88675123 ^ t1;
        s[at + 4] = 5783321 + t0;
        s[at + 5] = 6615241 + t1 + t0;
    }

    /** One step of the xorshift part only (the Weyl counter is not touched); used to build jump matrices. */
    static void step(int[] s, int at) {
        int t = s[at] ^ (s[at] >>> 2);
        s[at] = s[at + 1];
        s[at + 1] = s[at + 2];
        s[at + 2] = s[at + 3];
        s[at + 3] = s[at + 4];
        s[at + 4] = (s[at + 4] ^ (s[at + 4] << 4)) ^ (t ^ (t << 1));
    }

    /** Skips {@code steps} outputs of the state at {@code s[at..]} (curand's {@code skipahead}). */
    static void skip(int[] s, int at, long steps) {
        XorwowJumps.advance(s, at, steps);
        s[at + 5] += WEYL * (int) steps;
    }

    /**
     * Writes {@code count} consecutive outputs ({@code curand()}) of the state at {@code s[at..]} to
     * {@code out[pos..]}, advancing the state.
     */
    static void draw(int[] s, int at, int[] out, int pos, int count) {
        int v0 = s[at];
        int v1 = s[at + 1];
        int v2 = s[at + 2];
        int v3 = s[at + 3];
        int v4 = s[at + 4];
        int d = s[at + 5];
        for (int i = 0; i < count; i++) {
            int t = v0 ^ (v0 >>> 2);
            v0 = v1;
            v1 = v2;
            v2 = v3;
            v3 = v4;
            v4 = (v4 ^ (v4 << 4)) ^ (t ^ (t << 1));
            d += WEYL;
            out[pos + i] = v4 + d;
        }
        s[at] = v0;
        s[at + 1] = v1;
        s[at + 2] = v2;
        s[at + 3] = v3;
        s[at + 4] = v4;
        s[at + 5] = d;
    }

    /**
     * One output of each lane-wise state {@code s[0..5][i]} (see {@link StateLanes}) for lanes [from, to), to
     * {@code out[i]}: the same step as {@link #draw}, as a loop over independent lanes that C2 vectorizes.
     */
    static void drawLanes(int[][] s, int from, int to, int[] out) {
        int[] v0 = s[0];
        int[] v1 = s[1];
        int[] v2 = s[2];
        int[] v3 = s[3];
        int[] v4 = s[4];
        int[] d = s[5];
        for (int i = from; i < to; i++) {
            int x0 = v0[i];
            int x4 = v4[i];
            int t = x0 ^ (x0 >>> 2);
            int next = (x4 ^ (x4 << 4)) ^ (t ^ (t << 1));
            int weyl = d[i] + WEYL;
            v0[i] = v1[i];
            v1[i] = v2[i];
            v2[i] = v3[i];
            v3[i] = x4;
            v4[i] = next;
            d[i] = weyl;
            out[i] = next + weyl;
        }
    }
}
