package org.fusemath.ejml;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.UtilDecompositons_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionCommon_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.host.LapackCholesky;

/**
 * EJML's {@code CholeskyDecomposition_F64} (A = L·Lᵀ or A = Rᵀ·R of a symmetric positive definite A) on LAPACK's
 * potrf at or above the decomposition threshold and on EJML's {@code CholeskyDecompositionInner_DDRM} below it.
 * Only the chosen triangle of A is read (lower: the lower one, as EJML). Unlike EJML's, which factors A in place,
 * this decomposition copies A first: {@link #inputModified()} is false.
 *
 * <p>{@link #decompose} returns false when A is not positive definite (a pivot ≤ 0), as EJML. Results: below the
 * threshold bit-identical to EJML's (on the copy); above it within ‖T·Tᵀ − A‖_F ≤ c·n·u·‖A‖_F
 * ({@code Tolerance.factorization()}).
 *
 * <p>Not thread-safe: one thread at a time per instance. The factor array is reused by later calls of the same or a
 * smaller size.
 */
public class CholeskyDecompositionLapack_DDRM implements CholeskyDecomposition_F64<DMatrixRMaj> {
    private static final String KEY = "CholeskyDecompositionLapack_DDRM.decompose(DMatrixRMaj)";

    private final boolean lower;
    private final CholeskyDecompositionCommon_DDRM ejml;
    private final Complex_F64 det = new Complex_F64();
    /** The copy of A that EJML's algorithm factors in place below the threshold. */
    private final DMatrixRMaj ejmlInput = new DMatrixRMaj(1, 1);
    private boolean small;
    private boolean decomposed;
    private int n;
    /** A's data factored by potrf: read row-major, the requested triangle T (the other one holds A's). */
    private double[] t;

    /** A decomposition into the lower (L·Lᵀ) or upper (Rᵀ·R) factor. */
    public CholeskyDecompositionLapack_DDRM(boolean lower) {
        this(lower, new CholeskyDecompositionInner_DDRM(lower));
    }

    /** Shares {@code ejml} (same triangle) with a solver that runs EJML's algorithm on it below the threshold. */
    CholeskyDecompositionLapack_DDRM(boolean lower, CholeskyDecompositionCommon_DDRM ejml) {
        this.lower = lower;
        this.ejml = ejml;
    }

    /**
     * Factors {@code orig} (left unchanged).
     *
     * @return false when it is not positive definite
     * @throws IllegalArgumentException when it is not square (as EJML)
     */
    @Override
    public boolean decompose(DMatrixRMaj orig) {
        boolean accelerated = HostKernels_DDRM.lapackCholesky(orig);
        HostKernels_DDRM.record(accelerated, KEY);
        return factor(orig, accelerated, null);
    }

    /**
     * Factors {@code a} by EJML (below the threshold: through {@code ejmlSolver}'s setA when a solver shares this
     * decomposition's EJML algorithm, else directly) or LAPACK; returns whether it is positive definite.
     */
    boolean factor(DMatrixRMaj a, boolean accelerated, LinearSolverDense<DMatrixRMaj> ejmlSolver) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("Must be a square matrix.");
        }
        n = a.numRows;
        decomposed = true;
        if (!accelerated) {
            small = true;
            ejmlInput.setTo(a);
            return ejmlSolver != null ? ejmlSolver.setA(ejmlInput) : ejml.decompose(ejmlInput);
        }
        small = false;
        t = HostKernels_DDRM.atLeast(t, n * n);
        HostKernels_DDRM.copy(a.data, t, n * n);
        if (n == 0) {
            return true;
        }
        // Read column-major the row-major data is Aᵀ = A, whose "other" triangle is the one asked for: factoring
        // it there leaves T in row-major order (potrf reads and writes only that triangle).
        int info = LapackCholesky.factor(HostKernels_DDRM.threads(), HostKernels_DDRM.TYPE,
                lower ? Uplo.UPPER : Uplo.LOWER, n, t);
        return info == 0;
    }

    boolean isEjml() {
        return small;
    }

    int size() {
        return n;
    }

    /** The row-major factor array (T in the requested triangle) of the last LAPACK decomposition. */
    double[] factor() {
        return t;
    }

    /** EJML's quality of T: |Π T(i, i)/max|T(i, i)||. */
    double quality() {
        return small ? HostKernels_DDRM.quality(ejml.getT().data, n, n) : HostKernels_DDRM.quality(t, n, n);
    }

    @Override
    public boolean isLower() {
        return lower;
    }

    /**
     * T (L or R, zeros in the other triangle). A given lower-factor {@code T} must be n×n (EJML throws otherwise);
     * a given upper-factor one is reshaped.
     */
    @Override
    public DMatrixRMaj getT(DMatrixRMaj T) {
        requireDecomposed();
        if (small) {
            return ejml.getT(T);
        }
        DMatrixRMaj out = lower ? UtilDecompositons_DDRM.checkZerosUT(T, n, n)
                : UtilDecompositons_DDRM.checkZerosLT(T, n, n);
        for (int i = 0; i < n; i++) {
            int from = lower ? 0 : i;
            int to = lower ? i + 1 : n;
            System.arraycopy(t, i * n + from, out.data, i * n + from, to - from);
        }
        return out;
    }

    /** Never: A is copied before it is factored. */
    @Override
    public boolean inputModified() {
        return false;
    }

    /** det(A) = (Π T(i, i))², in an object this decomposition reuses. */
    @Override
    public Complex_F64 computeDeterminant() {
        requireDecomposed();
        if (small) {
            return ejml.computeDeterminant();
        }
        double prod = 1;
        for (int i = 0; i < n; i++) {
            prod *= t[i * (n + 1)];
        }
        det.real = prod * prod;
        det.imaginary = 0;
        return det;
    }

    private void requireDecomposed() {
        if (!decomposed) {
            throw new IllegalStateException("decompose() has not been called");
        }
    }
}
