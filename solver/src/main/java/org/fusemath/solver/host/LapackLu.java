package org.fusemath.solver.host;

import org.fusemath.api.DType;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.blas.host.Trans;

/**
 * The host LU provider: LAPACK's getrf and getrs on dense column-major arrays through fusemath's host call
 * table (which checks the arguments, honours the thread count per call and runs the threaded LU on a thread
 * with a deep enough native stack). Stateless and thread-safe.
 */
public final class LapackLu {
    private LapackLu() {
    }

    private static NativeLapack lapack(int threads) {
        NativeCalls.blas().ensureThreads(threads);
        return NativeCalls.lapack();
    }

    /** Factors the column-major n×n {@code a} in place (P·L·U), pivots in {@code ipiv}; returns LAPACK's info. */
    public static int factor(int threads, DType t, int n, Object a, int[] ipiv) {
        return lapack(threads).getrf(t, n, n, a, 0, n, ipiv, 0);
    }

    /**
     * Overwrites the column-major n×k {@code b} with the solution of op(F)·X = B, F being the matrix that
     * {@link #factor} factored and op(F) = Fᵀ when {@code transposed}; returns LAPACK's info.
     */
    public static int solve(int threads, DType t, boolean transposed, int n, int k, Object lu, int[] ipiv, Object b) {
        return lapack(threads).getrs(t, transposed ? Trans.T : Trans.N, n, k, lu, 0, n, ipiv, 0, b, 0, Math.max(1, n));
    }
}
