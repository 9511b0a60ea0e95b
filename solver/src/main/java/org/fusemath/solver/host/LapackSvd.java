package org.fusemath.solver.host;

import java.util.function.Consumer;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host SVD of dense column-major m×n matrices of one type and shape: LAPACK's divide-and-conquer {@code gesdd},
 * and QR-iteration {@code gesvd} when gesdd reports no convergence (it can fail where gesvd succeeds, on some
 * highly clustered spectra); {@link NoConvergenceException} when both fail. The workspace is queried once, at
 * construction, and reused by every call (gesvd's on its first use).
 *
 * <p>Not thread-safe: one instance per thread, or the caller serialises calls (the workspace is shared state).
 */
public final class LapackSvd {
    private static final Logger LOG = LoggerFactory.getLogger(LapackSvd.class);

    private final NativeLapack lapack;
    private final DType dtype;
    private final int m;
    private final int n;
    private final char job;
    private final Object work;
    private final int lwork;
    /** Complex types only; sized for gesdd, which needs at least gesvd's 5·min(m, n). */
    private final Object rwork;
    private final int[] iwork;
    private Object gesvdWork;
    private int gesvdLwork;

    /** An SVD of column-major m×n matrices of {@code dtype}; {@code job} 'N' (values only), 'S' (thin) or 'A' (full). */
    public static LapackSvd create(DType dtype, int m, int n, char job) {
        return new LapackSvd(NativeCalls.lapack(), dtype, m, n, job);
    }

    /** The same over a given call table (tests substitute one to provoke no-convergence). */
    public LapackSvd(NativeLapack lapack, DType dtype, int m, int n, char job) {
        this.lapack = Arguments.requireNonNull(lapack, "lapack");
        this.dtype = Arguments.requireNonNull(dtype, "dtype");
        if (m < 0 || n < 0) {
            throw new InvalidArgumentException("shape", m + "x" + n, "non-negative dimensions");
        }
        if (job != 'N' && job != 'S' && job != 'A') {
            throw new InvalidArgumentException("job", "'" + job + "'", "'N', 'S' or 'A'");
        }
        this.m = m;
        this.n = n;
        this.job = job;
        int mn = Math.min(m, n);
        int mx = Math.max(m, n);
        long rworkSize = job == 'N' ? 7L * mn : (long) mn * Math.max(5L * mn + 7, 2L * mx + 2L * mn + 1);
        this.rwork = dtype.isComplex() ? Workspace.allocate(dtype.componentType(), rworkSize) : null;
        this.iwork = new int[Math.max(1, 8 * mn)];
        Object query = Workspace.allocate(dtype, 1);
        int info = lapack.gesdd(dtype, job, m, n, Workspace.allocate(dtype, (long) m * n), 0, Math.max(1, m),
                Workspace.allocate(dtype.componentType(), mn), 0, null, 0, Math.max(1, m), null, 0, vtRows(), query, -1,
                rwork, iwork);
        if (info != 0) {
            throw new IllegalStateException("gesdd workspace query returned info = " + info);
        }
        this.lwork = Workspace.optimal(query, 1);
        this.work = Workspace.allocate(dtype, lwork);
    }

    private int vtRows() {
        return Math.max(1, job == 'A' ? n : Math.min(m, n));
    }

    /** Slots of the workspace arrays this instance holds (work, rwork; iwork counted as one slot an entry). */
    public long workspaceSlots() {
        long r = rwork == null ? 0 : java.lang.reflect.Array.getLength(rwork);
        return java.lang.reflect.Array.getLength(work) + r + iwork.length;
    }

    /** Columns of U for this job (m for 'A', min(m, n) for 'S', none for 'N'). */
    public int uCols() {
        return job == 'A' ? m : job == 'S' ? Math.min(m, n) : 0;
    }

    /** Rows of Vᴴ for this job (n for 'A', min(m, n) for 'S', none for 'N'). */
    public int vtRowCount() {
        return job == 'A' ? n : job == 'S' ? Math.min(m, n) : 0;
    }

    /**
     * Decomposes the column-major m×n {@code a} (overwritten) into s (min(m, n) values, descending, component type)
     * and, unless the job is 'N', the column-major U (m×{@link #uCols()}) and Vᴴ ({@link #vtRowCount()}×n). When
     * gesdd does not converge, {@code refill} is called to rewrite {@code a} with the input before gesvd runs.
     */
    public void compute(int threads, Object a, Consumer<Object> refill, Object s, Object u, Object vt) {
        NativeCalls.blas().ensureThreads(threads);
        boolean vectors = job != 'N';
        int ldu = Math.max(1, m);
        int ldvt = vtRows();
        int info = lapack.gesdd(dtype, job, m, n, a, 0, ldu, s, 0, vectors ? u : null, 0, ldu, vectors ? vt : null, 0,
                ldvt, work, lwork, rwork, iwork);
        if (info == 0) {
            return;
        }
        LOG.warn("gesdd did not converge on a {}x{} {} matrix (info = {}); retrying with gesvd", m, n, dtype, info);
        refill.accept(a);
        if (gesvdWork == null) {
            Object query = Workspace.allocate(dtype, 1);
            int q = lapack.gesvd(dtype, job, job, m, n, a, 0, ldu, s, 0, vectors ? u : null, 0, ldu,
                    vectors ? vt : null, 0, ldvt, query, -1, rwork);
            if (q != 0) {
                throw new IllegalStateException("gesvd workspace query returned info = " + q);
            }
            gesvdLwork = Workspace.optimal(query, 1);
            gesvdWork = Workspace.allocate(dtype, gesvdLwork);
        }
        int second = lapack.gesvd(dtype, job, job, m, n, a, 0, ldu, s, 0, vectors ? u : null, 0, ldu,
                vectors ? vt : null, 0, ldvt, gesvdWork, gesvdLwork, rwork);
        if (second != 0) {
            throw new NoConvergenceException("the SVD (gesdd info = " + info + ", then gesvd)", second);
        }
    }
}
