package org.fusemath.random.host;

/**
 * Skip-ahead for XORWOW's 160-bit xorshift part: the one-step map M as a 160x160 matrix over GF(2) and its
 * powers M^(2^j), computed once by repeated squaring and shared (immutable after construction).
 *
 * <p>A matrix is stored as the images of the 160 unit vectors, 5 words each, so applying it XORs the
 * images of the set bits of the input; this is cuRAND's {@code __curand_matvec} layout. The Weyl counter
 * {@code d} is affine, not linear, and is advanced separately ({@code d += 362437 * steps}).
 */
final class XorwowJumps {
    static final int WORDS = 5;
    static final int BITS = WORDS * 32;
    /** Powers up to M^(2^(67+12)): offsets below 2^64 and subsequence strides 2^67 * t for t < 4096. */
    private static final int LEVELS = 80;
    private static final int[][] POWERS = powers();

    private XorwowJumps() {
    }

    /** M^(2^level). */
    static int[] power(int level) {
        return POWERS[level];
    }

    /** Applies {@code matrix} to the 5 words at {@code v[at..at+5)} in place. */
    static void apply(int[] matrix, int[] v, int at) {
        int r0 = 0;
        int r1 = 0;
        int r2 = 0;
        int r3 = 0;
        int r4 = 0;
        for (int w = 0; w < WORDS; w++) {
            int bits = v[at + w];
            while (bits != 0) {
                int b = Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int row = (w * 32 + b) * WORDS;
                r0 ^= matrix[row];
                r1 ^= matrix[row + 1];
                r2 ^= matrix[row + 2];
                r3 ^= matrix[row + 3];
                r4 ^= matrix[row + 4];
            }
        }
        v[at] = r0;
        v[at + 1] = r1;
        v[at + 2] = r2;
        v[at + 3] = r3;
        v[at + 4] = r4;
    }

    /** Advances the 5 words at {@code v[at..]} by {@code steps} xorshift steps (any unsigned 64-bit count). */
    static void advance(int[] v, int at, long steps) {
        advance(v, at, steps, 0);
    }

    /** Advances the 5 words at {@code v[at..]} by {@code count * 2^shift} steps. */
    static void advance(int[] v, int at, long count, int shift) {
        for (int level = shift; count != 0; level++, count >>>= 1) {
            if ((count & 1) != 0) {
                apply(POWERS[level], v, at);
            }
        }
    }

    /** The matrix of {@code steps} steps, for applying one jump to many states. */
    static int[] matrixOf(long steps) {
        int[] result = null;
        for (int level = 0; steps != 0; level++, steps >>>= 1) {
            if ((steps & 1) != 0) {
                result = result == null ? POWERS[level].clone() : compose(POWERS[level], result);
            }
        }
        return result == null ? identity() : result;
    }

    /** The map "first {@code inner}, then {@code outer}". */
    static int[] compose(int[] outer, int[] inner) {
        int[] out = inner.clone();
        for (int row = 0; row < BITS; row++) {
            apply(outer, out, row * WORDS);
        }
        return out;
    }

    static int[] identity() {
        int[] m = new int[BITS * WORDS];
        for (int b = 0; b < BITS; b++) {
            m[b * WORDS + b / 32] = 1 << (b & 31);
        }
        return m;
    }

    private static int[][] powers() {
        int[][] p = new int[LEVELS][];
        int[] step = new int[BITS * WORDS];
        int[] v = new int[WORDS + 1];
        for (int b = 0; b < BITS; b++) {
            java.util.Arrays.fill(v, 0);
            v[b / 32] = 1 << (b & 31);
            XorwowEngine.step(v, 0);
            System.arraycopy(v, 0, step, b * WORDS, WORDS);
        }
        p[0] = step;
        for (int level = 1; level < LEVELS; level++) {
            p[level] = compose(p[level - 1], p[level - 1]);
        }
        return p;
    }
}
