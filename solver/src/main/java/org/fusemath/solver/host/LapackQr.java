package org.fusemath.solver.host;

import org.fusemath.api.DType;

/**
 * The host QR and least-squares provider: LAPACK's geqrf, orgqr/ungqr and gelsd on dense column-major arrays
 * through fusemath's host call table. Stateless and thread-safe.
 */
public final class LapackQr {
    private LapackQr() {
    }

    /** Householder QR of the column-major m×n {@code a} (ld m) in place; min(m, n) scalars in {@code tau}. */
    public static int factor(int threads, DType t, int m, int n, Object a, Object tau) {
        return LapackLu.lapack(threads).geqrf(t, m, n, a, 0, Math.max(1, m), tau, 0);
    }

    /** Overwrites the column-major m×n {@code q} (ld m), holding k reflectors, with the first n columns of Q. */
    public static int formQ(int threads, DType t, int m, int n, int k, Object q, Object tau) {
        return LapackLu.lapack(threads).orgqr(t, m, n, k, q, 0, Math.max(1, m), tau, 0);
    }

    /**
     * gelsd on the column-major m×n {@code a} (ld m, destroyed) and max(m, n)×nrhs {@code b} (ld max(1, m, n));
     * singular values into {@code s}, the rank into {@code rank[0]}; returns LAPACK's info.
     */
    public static int leastSquares(int threads, DType t, int m, int n, int nrhs, Object a, Object b, Object s,
                                   double rcond, int[] rank) {
        return LapackLu.lapack(threads).gelsd(t, m, n, nrhs, a, 0, Math.max(1, m), b, 0, Math.max(1, Math.max(m, n)), s,
                0, rcond, rank, 0);
    }
}
