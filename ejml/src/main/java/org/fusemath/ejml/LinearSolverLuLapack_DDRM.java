package org.fusemath.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EJML's LU linear solver (A·X = B, A square) on LAPACK getrf and row-major triangular solves at or above the
 * decomposition threshold, and on EJML's {@code LinearSolverLu_DDRM} below it. It honours EJML's contracts:
 * {@link #setA} keeps a reference to A without modifying it and returns true even for a singular A (as EJML's LU;
 * check {@link #quality()}), {@link #solve} reshapes X to A's columns × B's columns and accepts X = B,
 * {@link #invert} wants an n×n output, {@link #modifiesA()} and {@link #modifiesB()} are false, and
 * {@link #getDecomposition()} is the {@link LuDecompositionLapack_DDRM} it factors with.
 *
 * <p>In the shape of a planned direct solver: the factor, pivot and right-hand-side storage is allocated on the
 * first {@code setA} and reused by later calls with matrices of the same or a smaller size (a new A of the same
 * shape allocates nothing). Results: below the threshold bit-identical to EJML; above it backward stable,
 * ‖A·X − B‖∞ ≤ c·n·u·(‖A‖∞·‖X‖∞ + ‖B‖∞) ({@code Tolerance.luSolve()}). Not thread-safe: one thread at a time.
 */
public class LinearSolverLuLapack_DDRM implements LinearSolverDense<DMatrixRMaj> {
    private static final String SET_A = "LinearSolverLuLapack_DDRM.setA(DMatrixRMaj)";
    private static final String SOLVE = "LinearSolverLuLapack_DDRM.solve(DMatrixRMaj,DMatrixRMaj)";
    private static final String INVERT = "LinearSolverLuLapack_DDRM.invert(DMatrixRMaj)";

    private final LinearSolverLu_DDRM ejml;
    private final LuDecompositionLapack_DDRM decomposition;
    private DMatrixRMaj a;

    /** A solver that picks EJML's or LAPACK's path by the size of each A. */
    public LinearSolverLuLapack_DDRM() {
        LUDecompositionAlt_DDRM alt = new LUDecompositionAlt_DDRM();
        this.ejml = new LinearSolverLu_DDRM(alt);
        this.decomposition = new LuDecompositionLapack_DDRM(alt);
    }

    /** Factors A (kept by reference, not modified); true, as EJML's LU, even when A is singular. */
    @Override
    public boolean setA(DMatrixRMaj A) {
        this.a = A;
        // A non-square A (which EJML's LU accepts without a meaningful solution) stays on EJML's path.
        if (A.numRows != A.numCols || !HostKernels_DDRM.lapackLu(A)) {
            HostKernels_DDRM.record(false, SET_A);
            boolean ok = ejml.setA(A);
            decomposition.adoptEjml(A);
            return ok;
        }
        HostKernels_DDRM.record(true, SET_A);
        return decomposition.factor(A);
    }

    /** EJML's quality of the LU: |Π U(i, i)/max|U(i, i)||, scale-invariant, 0 for an exactly singular A. */
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
        int n = a.numCols;
        int k = B.numCols;
        if (B.numRows != a.numRows) {
            throw new IllegalArgumentException("Unexpected number of rows in B based on shape of A. Found="
                    + B.numRows + " Expected=" + a.numRows);
        }
        if (X != B) {
            // A is square on this path, so X = B already has X's shape and holds B.
            X.reshape(n, k);
            HostKernels_DDRM.copy(B.data, X.data, n * k);
        }
        solveInPlace(X.data, k);
    }

    /** Overwrites the row-major n×k {@code x} (holding B) with A⁻¹·B. */
    private void solveInPlace(double[] x, int k) {
        int n = decomposition.cols();
        double[] f = decomposition.factors();
        HostKernels_DDRM.swapRows(decomposition.interchanges(), n, x, k);
        // Read row-major the column-major factors are their transpose: L's transpose above the diagonal (unit),
        // U's transpose on and below it.
        HostKernels_DDRM.triangularSolve(f, n, false, true, true, n, k, x);
        HostKernels_DDRM.triangularSolve(f, n, true, true, false, n, k, x);
    }

    /**
     * A⁻¹ into {@code A_inv}, which must be n×n (as EJML).
     *
     * @throws IllegalArgumentException when it is not
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
        if (A_inv.numRows != a.numRows || A_inv.numCols != a.numCols) {
            throw new IllegalArgumentException("Unexpected matrix dimension");
        }
        CommonOps_DDRM.setIdentity(A_inv);
        solveInPlace(A_inv.data, a.numCols);
    }

    /** False: A is copied before it is factored. */
    @Override
    public boolean modifiesA() {
        return false;
    }

    /** False: B is only read. */
    @Override
    public boolean modifiesB() {
        return false;
    }

    /** The {@link LuDecompositionLapack_DDRM} of the last A. */
    @Override
    @SuppressWarnings("unchecked")
    public LuDecompositionLapack_DDRM getDecomposition() {
        return decomposition;
    }

    private void requireA() {
        if (a == null) {
            throw new RuntimeException("Must call setA() first");
        }
    }
}

