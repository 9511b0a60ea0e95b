package org.fusemath.random.host;

/**
 * Skip-ahead for MRG32k3a: the 3x3 one-step matrices of both component recursions and their powers
 * A^(2^j) modulo m1 and m2, computed once by repeated squaring and shared (immutable after construction).
 */
final class Mrg32k3aJumps {
    /** Powers up to A^(2^(76+17)): offsets below 2^64 and subsequence strides 2^76 * t for t < 2^17. */
    private static final int LEVELS = 94;
    private static final long[][] POWERS1 = powers(new long[] {0, 1, 0, 0, 0, 1, Mrg32k3aEngine.M1 - Mrg32k3aEngine.A13N,
        Mrg32k3aEngine.A12, 0}, Mrg32k3aEngine.M1);
    private static final long[][] POWERS2 = powers(new long[] {0, 1, 0, 0, 0, 1, Mrg32k3aEngine.M2 - Mrg32k3aEngine.A23N,
        0, Mrg32k3aEngine.A21}, Mrg32k3aEngine.M2);

    private Mrg32k3aJumps() {
    }

    /** Advances the state at {@code s[at..]} by 2^level steps. */
    static void apply(int level, int[] s, int at) {
        apply(POWERS1[level], Mrg32k3aEngine.M1, s, at);
        apply(POWERS2[level], Mrg32k3aEngine.M2, s, at + 3);
    }

    /** The pair of matrices advancing by {@code steps} steps (unsigned 64-bit count). */
    static long[][] matrixOf(long steps) {
        long[] r1 = identity();
        long[] r2 = identity();
        for (int level = 0; steps != 0; level++, steps >>>= 1) {
            if ((steps & 1) != 0) {
                r1 = multiply(POWERS1[level], r1, Mrg32k3aEngine.M1);
                r2 = multiply(POWERS2[level], r2, Mrg32k3aEngine.M2);
            }
        }
        return new long[][] {r1, r2};
    }

    /** Applies a pair from {@link #matrixOf} to the state at {@code s[at..]}. */
    static void apply(long[][] pair, int[] s, int at) {
        apply(pair[0], Mrg32k3aEngine.M1, s, at);
        apply(pair[1], Mrg32k3aEngine.M2, s, at + 3);
    }

    private static void apply(long[] a, long m, int[] s, int at) {
        long v0 = s[at] & 0xffffffffL;
        long v1 = s[at + 1] & 0xffffffffL;
        long v2 = s[at + 2] & 0xffffffffL;
        for (int row = 0; row < 3; row++) {
            long sum = Mrg32k3aEngine.mulMod(a[3 * row], v0, m) + Mrg32k3aEngine.mulMod(a[3 * row + 1], v1, m)
                    + Mrg32k3aEngine.mulMod(a[3 * row + 2], v2, m);
            s[at + row] = (int) (sum % m);
        }
    }

    private static long[] multiply(long[] a, long[] b, long m) {
        long[] c = new long[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += Mrg32k3aEngine.mulMod(a[3 * i + k], b[3 * k + j], m);
                }
                c[3 * i + j] = sum % m;
            }
        }
        return c;
    }

    private static long[] identity() {
        return new long[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    private static long[][] powers(long[] step, long m) {
        long[][] p = new long[LEVELS][];
        p[0] = step;
        for (int level = 1; level < LEVELS; level++) {
            p[level] = multiply(p[level - 1], p[level - 1], m);
        }
        return p;
    }
}
