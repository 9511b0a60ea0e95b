package org.fusemath.solver.host;

import org.fusemath.api.DType;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.blas.host.Trans;

/**
 * The host LU provider: LAPACK's getrf, getrs and gecon on dense column-major arrays through fusemath's host call
 * table (which checks the arguments, honours the thread count per call and runs the threaded LU on a thread
 * with a deep enough native stack). Stateless and thread-safe.
 */
public final class LapackLu {
    private LapackLu() {
    }

    static NativeLapack lapack(int threads) {
        NativeCalls.blas().ensureThreads(threads);
        return NativeCalls.lapack();
    }

    /** Factors the column-major n×n {@code a} in place (P·L·U), pivots in {@code ipiv}; returns LAPACK's info. */
    public static int factor(int threads, DType t, int n, Object a, int[] ipiv) {
        return lapack(threads).getrf(t, n, n, a, 0, Math.max(1, n), ipiv, 0);
    }

    /** Factors the column-major m×n {@code a} (ld max(1, m)) in place, min(m, n) pivots in {@code ipiv}; info. */
    public static int factor(int threads, DType t, int m, int n, Object a, int[] ipiv) {
        return lapack(threads).getrf(t, m, n, a, 0, Math.max(1, m), ipiv, 0);
    }

    /**
     * Overwrites the column-major n×k {@code b} with the solution of op(F)·X = B, F being the matrix that
     * {@link #factor} factored; returns LAPACK's info.
     */
    public static int solve(int threads, DType t, Trans op, int n, int k, Object lu, int[] ipiv, Object b) {
        return lapack(threads).getrs(t, op, n, k, lu, 0, Math.max(1, n), ipiv, 0, b, 0, Math.max(1, n));
    }

    /**
     * gecon's estimate of 1/κ(F) from the factors of F and {@code anorm}, F's 1-norm ({@code infinityNorm} false)
     * or infinity norm (true).
     */
    public static double reciprocalCondition(int threads, DType t, boolean infinityNorm, int n, Object lu,
                                             double anorm) {
        double[] rcond = new double[1];
        lapack(threads).gecon(t, infinityNorm ? 'I' : '1', n, lu, 0, Math.max(1, n), anorm, rcond, 0);
        return rcond[0];
    }
}
