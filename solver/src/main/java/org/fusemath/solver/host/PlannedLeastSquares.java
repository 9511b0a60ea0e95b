package org.fusemath.solver.host;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;

/**
 * The host minimum-norm least squares (gelsd) of column-major m×n systems with nrhs right-hand sides, one type,
 * with LAPACK's three workspaces (work, and iwork and for complex types rwork) queried once, when made, and reused
 * by every call (the one-shot {@link LapackQr#leastSquares} queries per call).
 *
 * <p>Thread-safe: calls are serialised on the instance, whose workspaces are its state.
 */
public final class PlannedLeastSquares {
    private final NativeLapack lapack;
    private final DType dtype;
    private final int m;
    private final int n;
    private final int nrhs;
    private final Object work;
    private final int lwork;
    private final Object rwork;
    private final int[] iwork;

    /** gelsd for m×n systems of {@code dtype} with nrhs right-hand sides through fusemath's host LAPACK table. */
    public static PlannedLeastSquares create(DType dtype, int m, int n, int nrhs) {
        return new PlannedLeastSquares(NativeCalls.lapack(), dtype, m, n, nrhs);
    }

    /** The same over a given call table (tests count its calls). */
    public PlannedLeastSquares(NativeLapack lapack, DType dtype, int m, int n, int nrhs) {
        this.lapack = Arguments.requireNonNull(lapack, "lapack");
        this.dtype = Arguments.requireNonNull(dtype, "dtype");
        if (m < 0 || n < 0 || nrhs < 0) {
            throw new InvalidArgumentException("shape", m + "x" + n + " with " + nrhs + " right-hand sides",
                    "non-negative dimensions");
        }
        this.m = m;
        this.n = n;
        this.nrhs = nrhs;
        Object query = Workspace.allocate(dtype, 1);
        Object rquery = dtype.isComplex() ? Workspace.allocate(dtype.componentType(), 1) : null;
        int[] iquery = new int[1];
        int info = lapack.gelsd(dtype, m, n, nrhs, null, 0, Math.max(1, m), null, 0, ldb(), null, 0, -1, new int[1], 0,
                query, -1, rquery, iquery);
        if (info != 0) {
            throw new IllegalStateException("gelsd workspace query returned info = " + info);
        }
        this.lwork = Workspace.optimal(query, 1);
        this.work = Workspace.allocate(dtype, lwork);
        this.rwork = dtype.isComplex() ? Workspace.allocate(dtype.componentType(), Workspace.optimal(rquery, 1)) : null;
        this.iwork = new int[Math.max(1, iquery[0])];
    }

    private int ldb() {
        return Math.max(1, Math.max(m, n));
    }

    /**
     * gelsd on the column-major m×n {@code a} (ld max(1, m), destroyed) and max(m, n)×nrhs {@code b} (ld max(1, m, n));
     * singular values into {@code s}, the rank into {@code rank[0]}; returns LAPACK's info.
     */
    public synchronized int solve(int threads, Object a, Object b, Object s, double rcond, int[] rank) {
        NativeCalls.blas().ensureThreads(threads);
        return lapack.gelsd(dtype, m, n, nrhs, a, 0, Math.max(1, m), b, 0, ldb(), s, 0, rcond, rank, 0, work, lwork,
                rwork, iwork);
    }
}
