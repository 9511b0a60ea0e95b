package org.fusemath.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EJML's Cholesky linear solver (A·X = B, A symmetric positive definite, one triangle read) on LAPACK potrf and
 * row-major triangular solves at or above the decomposition threshold, and on EJML's {@code LinearSolverChol_DDRM}
 * below it. EJML's contracts: {@link #setA} returns false when A is not positive definite and throws
 * IllegalArgumentException when it is not square; {@link #solve} reshapes X and accepts X = B; {@link #invert}
 * wants an n×n output; {@link #getDecomposition()} is the {@link CholeskyDecompositionLapack_DDRM} it uses. Unlike
 * EJML's solver, which factors A in place, A is copied: {@link #modifiesA()} is false (so {@code LinearSolverSafe}
 * makes no copy of its own).
 *
 * <p>The factor storage is allocated on the first {@code setA} and reused by later calls of the same or a smaller
 * size. Results: below the threshold bit-identical to EJML; above it ‖A·X − B‖∞ ≤ c·n·u·(‖A‖∞·‖X‖∞ + ‖B‖∞)
 * ({@code Tolerance.luSolve()}, Cholesky being at least as stable as LU). Not thread-safe: one thread at a time.
 */
public class LinearSolverCholLapack_DDRM implements LinearSolverDense<DMatrixRMaj> {
    private static final String SET_A = "LinearSolverCholLapack_DDRM.setA(DMatrixRMaj)";
    private static final String SOLVE = "LinearSolverCholLapack_DDRM.solve(DMatrixRMaj,DMatrixRMaj)";
    private static final String INVERT = "LinearSolverCholLapack_DDRM.invert(DMatrixRMaj)";

    private final boolean lower;
    private final LinearSolverChol_DDRM ejml;
    private final CholeskyDecompositionLapack_DDRM decomposition;
    private DMatrixRMaj a;

    /** A solver with the lower (A = L·Lᵀ) or upper (A = Rᵀ·R) factor. */
    public LinearSolverCholLapack_DDRM(boolean lower) {
        this.lower = lower;
        CholeskyDecompositionInner_DDRM inner = new CholeskyDecompositionInner_DDRM(lower);
        this.ejml = new LinearSolverChol_DDRM(inner);
        this.decomposition = new CholeskyDecompositionLapack_DDRM(lower, inner);
    }

    /**
     * Factors A (kept by reference, not modified).
     *
     * @return false when A is not positive definite
     * @throws IllegalArgumentException when A is not square (as EJML)
     */
    @Override
    public boolean setA(DMatrixRMaj A) {
        if (A.numRows != A.numCols) {
            throw new IllegalArgumentException("Matrix must be square");
        }
        this.a = A;
        boolean accelerated = HostKernels_DDRM.lapackCholesky(A);
        HostKernels_DDRM.record(accelerated, SET_A);
        return decomposition.factor(A, accelerated, ejml);
    }

    /** EJML's quality of the factor: |Π T(i, i)/max|T(i, i)||. */
    @Override
    public double quality() {
        requireA();
        return decomposition.quality();
    }

    /**
     * X with A·X = B; X is reshaped to n×(B's columns) and may be B itself.
     *
     * @throws IllegalArgumentException when B's row count is not A's (as EJML)
     */
    @Override
    public void solve(DMatrixRMaj B, DMatrixRMaj X) {
        requireA();
        if (decomposition.isEjml()) {
            HostKernels_DDRM.record(false, SOLVE);
            ejml.solve(B, X);
            return;
        }
        HostKernels_DDRM.record(true, SOLVE);
        int n = a.numRows;
        int k = B.numCols;
        if (B.numRows != n) {
            throw new IllegalArgumentException("Unexpected number of rows in B based on shape of A. Found="
                    + B.numRows + " Expected=" + n);
        }
        if (X != B) {
            X.reshape(n, k);
            HostKernels_DDRM.copy(B.data, X.data, n * k);
        }
        solveInPlace(X.data, k);
    }

    /** Overwrites the row-major n×k {@code x} (holding B) with A⁻¹·B = T⁻ᵀ·T⁻¹·B or T⁻¹·T⁻ᵀ·B. */
    private void solveInPlace(double[] x, int k) {
        int n = decomposition.size();
        double[] t = decomposition.factor();
        // lower: A = T·Tᵀ, solve T·Y = B then Tᵀ·X = Y; upper: A = Tᵀ·T, solve Tᵀ·Y = B then T·X = Y.
        HostKernels_DDRM.triangularSolve(t, n, lower, !lower, false, n, k, x);
        HostKernels_DDRM.triangularSolve(t, n, lower, lower, false, n, k, x);
    }

    /**
     * A⁻¹ (symmetric) into {@code A_inv}, which must be n×n.
     *
     * @throws RuntimeException when it is not (as EJML)
     */
    @Override
    public void invert(DMatrixRMaj A_inv) {
        requireA();
        if (decomposition.isEjml()) {
            HostKernels_DDRM.record(false, INVERT);
            ejml.invert(A_inv);
            return;
        }
        HostKernels_DDRM.record(true, INVERT);
        if (A_inv.numRows != a.numCols || A_inv.numCols != a.numCols) {
            throw new RuntimeException("Unexpected matrix dimension");
        }
        CommonOps_DDRM.setIdentity(A_inv);
        solveInPlace(A_inv.data, a.numCols);
    }

    /** False: A is copied before it is factored (EJML's own Cholesky solver factors A in place). */
    @Override
    public boolean modifiesA() {
        return false;
    }

    /** False: B is only read. */
    @Override
    public boolean modifiesB() {
        return false;
    }

    /** The {@link CholeskyDecompositionLapack_DDRM} of the last A. */
    @Override
    @SuppressWarnings("unchecked")
    public CholeskyDecompositionLapack_DDRM getDecomposition() {
        return decomposition;
    }

    private void requireA() {
        if (a == null) {
            throw new RuntimeException("Must call setA() first");
        }
    }
}
