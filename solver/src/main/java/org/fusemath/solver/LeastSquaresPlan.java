package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.solver.host.PlannedLeastSquares;

/**
 * {@link Linalg#lstsq} for m×n systems of one type with k right-hand sides, planned once and run on any number of
 * systems of that shape: LAPACK's gelsd workspaces (work, iwork and, for complex types, rwork) are queried when the
 * plan is made and reused by every {@link #execute}, where the function form queries per call. Results are those of
 * {@code Linalg.lstsq} bit for bit (the same gelsd call with the same workspace sizes).
 *
 * <p>Thread-safe: executions are serialised on the plan (its workspaces are its state); use one plan per thread for
 * parallel solves. Host only.
 */
public final class LeastSquaresPlan {
    private final FuseContext context;
    private final DType dtype;
    private final int m;
    private final int n;
    private final int k;
    private final PlannedLeastSquares gelsd;

    private LeastSquaresPlan(FuseContext context, DType dtype, int m, int n, int k, NativeLapack lapack) {
        this.context = context;
        this.dtype = dtype;
        this.m = m;
        this.n = n;
        this.k = k;
        this.gelsd = new PlannedLeastSquares(lapack, dtype, m, n, k);
    }

    /** A plan for m×n systems of {@code dtype} with {@code rhsCols} right-hand sides, on the host. */
    public static LeastSquaresPlan create(FuseContext context, DType dtype, long rows, long cols, long rhsCols) {
        return create(context, dtype, rows, cols, rhsCols, NativeCalls.lapack());
    }

    /** {@link #create(FuseContext, DType, long, long, long)} over a given call table (tests count its calls). */
    static LeastSquaresPlan create(FuseContext context, DType dtype, long rows, long cols, long rhsCols,
                                   NativeLapack lapack) {
        SpectralInputs.hostOnly(context, "a least-squares plan");
        Arguments.requireNonNull(dtype, "dtype");
        return new LeastSquaresPlan(context, dtype, SpectralInputs.dimension("rows", rows),
                SpectralInputs.dimension("cols", cols), SpectralInputs.dimension("rhsCols", rhsCols), lapack);
    }

    /** numpy.linalg.lstsq(a, b) with NumPy's default rcond, as {@link Linalg#lstsq(HostMatrix, HostMatrix)}. */
    public LeastSquares execute(HostMatrix a, HostMatrix b) {
        return execute(a, b, LeastSquares.defaultRcond(dtype, m, n));
    }

    /**
     * numpy.linalg.lstsq(a, b, rcond) for the plan's shapes ({@code a} m×n, {@code b} m×k; both left unchanged), as
     * {@link Linalg#lstsq(FuseContext, HostMatrix, HostMatrix, double)}.
     *
     * @throws org.fusemath.api.NoConvergenceException when gelsd's SVD does not converge
     */
    public LeastSquares execute(HostMatrix a, HostMatrix b, double rcond) {
        SpectralInputs.matches(a, dtype, m, n);
        Operands.requireOne("a", a);
        Operands.requireRhs(dtype, m, m + "x" + n, b);
        if (b.shape().cols() != k) {
            throw new ShapeMismatchException("b", b.shape().rows() + "x" + b.shape().cols(),
                    m + "x" + k + " (the plan's right-hand sides)");
        }
        return LeastSquares.compute(context, a, b, rcond,
                (threads, t, rows, cols, nrhs, fa, fb, s, rc, rank) -> gelsd.solve(threads, fa, fb, s, rc, rank));
    }
}
