package org.fusemath.solver.host;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;

/**
 * The host symmetric (real types, {@code syevd}) / Hermitian (complex types, {@code heevd}) eigen solver for dense
 * column-major n×n matrices of one type and size, by divide and conquer; {@link NoConvergenceException} when LAPACK
 * reports that it failed to converge. The workspace is queried once, at construction, and reused.
 *
 * <p>Not thread-safe: one instance per thread, or the caller serialises calls.
 */
public final class LapackEigh {
    private final NativeLapack lapack;
    private final DType dtype;
    private final int n;
    private final char job;
    private final Object work;
    private final int lwork;
    private final Object rwork;
    private final int lrwork;
    private final int[] iwork;

    /** A solver for n×n matrices of {@code dtype}; {@code job} 'N' (values only) or 'V' (values and vectors). */
    public static LapackEigh create(DType dtype, int n, char job) {
        return new LapackEigh(NativeCalls.lapack(), dtype, n, job);
    }

    /** The same over a given call table (tests substitute one). */
    public LapackEigh(NativeLapack lapack, DType dtype, int n, char job) {
        this.lapack = Arguments.requireNonNull(lapack, "lapack");
        this.dtype = Arguments.requireNonNull(dtype, "dtype");
        if (n < 0) {
            throw new InvalidArgumentException("n", n, "a value >= 0");
        }
        if (job != 'N' && job != 'V') {
            throw new InvalidArgumentException("job", "'" + job + "'", "'N' or 'V'");
        }
        this.n = n;
        this.job = job;
        Object query = Workspace.allocate(dtype, 1);
        Object rquery = dtype.isComplex() ? Workspace.allocate(dtype.componentType(), 1) : null;
        int[] iquery = new int[1];
        int info = lapack.syevd(dtype, job, Uplo.LOWER, n, Workspace.allocate(dtype, (long) n * n), 0, Math.max(1, n),
                Workspace.allocate(dtype.componentType(), n), 0, query, -1, rquery, -1, iquery, -1);
        if (info != 0) {
            throw new IllegalStateException("syevd workspace query returned info = " + info);
        }
        this.lwork = Workspace.optimal(query, 1);
        this.work = Workspace.allocate(dtype, lwork);
        this.lrwork = dtype.isComplex() ? Workspace.optimal(rquery, 1) : 0;
        this.rwork = dtype.isComplex() ? Workspace.allocate(dtype.componentType(), lrwork) : null;
        this.iwork = new int[Math.max(1, iquery[0])];
    }

    /**
     * Eigenvalues of the column-major n×n {@code a}, read from its {@code uplo} triangle, ascending into {@code w}
     * (component type); for job 'V' {@code a} is overwritten by the orthonormal eigenvectors (column j for w[j]).
     */
    public void compute(int threads, Uplo uplo, Object a, Object w) {
        NativeCalls.blas().ensureThreads(threads);
        int info = lapack.syevd(dtype, job, uplo, n, a, 0, Math.max(1, n), w, 0, work, lwork, rwork,
                Math.max(1, lrwork), iwork, iwork.length);
        if (info != 0) {
            throw new NoConvergenceException(dtype.isComplex() ? "the Hermitian eigensolver (heevd)"
                    : "the symmetric eigensolver (syevd)", info);
        }
    }
}
