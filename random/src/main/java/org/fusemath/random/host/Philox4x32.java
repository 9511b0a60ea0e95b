package org.fusemath.random.host;

/**
 * The Philox4x32-10 block function of cuRAND ({@code curand_philox4x32_x.h}): ten rounds mapping a
 * 128-bit counter and a 64-bit key (cuRAND's seed) to four 32-bit outputs.
 *
 * <p>cuRAND's state {@code curand_init(seed, subsequence, offset)} starts at counter
 * {@code (offset/4 as 64 bits, subsequence as 64 bits)}; the host generator gives its 65,536 threads
 * subsequences 0..65535, so only the low 16 bits of the upper half are ever set here.
 */
final class Philox4x32 {
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;
    static final long M0 = 0xD2511F53L;
    static final long M1 = 0xCD9E8D57L;

    private Philox4x32() {
    }

    /**
     * Writes the four outputs for counter {@code (lo as 64 bits, hi as 64 bits)} and key {@code seed} to
     * {@code out[pos..pos+4)}.
     */
    static void block(long lo, long hi, long seed, int[] out, int pos) {
        int c0 = (int) lo;
        int c1 = (int) (lo >>> 32);
        int c2 = (int) hi;
        int c3 = (int) (hi >>> 32);
        int k0 = (int) seed;
        int k1 = (int) (seed >>> 32);
        for (int round = 0; round < 10; round++) {
            long p0 = M0 * (c0 & 0xffffffffL);
            long p1 = M1 * (c2 & 0xffffffffL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
            k0 += W0;
            k1 += W1;
        }
        out[pos] = c0;
        out[pos + 1] = c1;
        out[pos + 2] = c2;
        out[pos + 3] = c3;
    }
}
