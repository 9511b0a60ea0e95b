package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.host.LapackEig;

/**
 * The eigenvalues and optionally right eigenvectors of general (non-symmetric) n×n matrices of one type: LAPACK's
 * {@code geev} for all four types (real input gives complex values and vectors, as NumPy's {@code eig}), its workspace
 * queried once when the plan is made and reused.
 *
 * <p>Unlike the SVD and the Hermitian solver, a row-major A is copied to column-major order first: geev of Aᵀ (what
 * the row-major array is, read column-major) has the same eigenvalues but may deliver them in another order, and
 * gives left rather than right vectors; copying (O(n²) against geev's O(n³)) keeps LAPACK's order for A itself, the
 * order NumPy returns. NaN or infinity in A is rejected before LAPACK runs (NumPy's eig rejects them too); a failure
 * of the QR algorithm is a {@link org.fusemath.api.NoConvergenceException}.
 *
 * <p>Thread-safe: {@link #execute} is serialised on the plan (the workspace is its state).
 */
public final class EigenPlan {
    private final FuseContext context;
    private final DType dtype;
    private final int n;
    private final boolean vectors;
    private final LapackEig lapack;

    private EigenPlan(FuseContext context, DType dtype, int n, boolean vectors) {
        this.context = context;
        this.dtype = dtype;
        this.n = n;
        this.vectors = vectors;
        this.lapack = LapackEig.create(dtype, n, vectors);
    }

    /** A plan for n×n matrices of {@code dtype}, with right eigenvectors when {@code vectors}. */
    public static EigenPlan create(FuseContext context, DType dtype, long n, boolean vectors) {
        SpectralInputs.hostOnly(context, "the eigen decomposition");
        Arguments.requireNonNull(dtype, "dtype");
        return new EigenPlan(context, dtype, SpectralInputs.dimension("n", n), vectors);
    }

    /** The eigenvalues (and vectors) of {@code a} (left unchanged), which must have the plan's type and size. */
    public synchronized Eigen execute(HostMatrix a) {
        SpectralInputs.matches(a, dtype, n, n);
        SpectralInputs.finite(a, (Uplo) null);
        DType complex = dtype.complexType();
        Object w = Dense.allocate(complex, n);
        Object v = vectors ? Dense.allocate(complex, (long) n * n) : null;
        if (n > 0) {
            lapack.compute(context.threads(), Dense.copy(a, Layout.COLUMN_MAJOR), w, v);
        }
        HostMatrix values = HostMatrix.of(complex, w, MatrixShape.columnMajor(n, 1));
        return new Eigen(values, vectors ? HostMatrix.of(complex, v, MatrixShape.columnMajor(n, n)) : null);
    }
}
