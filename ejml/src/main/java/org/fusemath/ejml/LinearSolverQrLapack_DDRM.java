package org.fusemath.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.linsol.qr.LinearSolverQrHouseCol_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EJML's QR least-squares solver (X minimising ‖A·X − B‖_F for an m×n A with m ≥ n of full column rank) on LAPACK
 * geqrf/orgqr and row-major BLAS (X = R⁻¹·Qᵀ·B) at or above the decomposition threshold, and on EJML's
 * {@code LinearSolverQrHouseCol_DDRM} below it. EJML's contracts: {@link #setA} throws IllegalArgumentException for
 * a wide A (m &lt; n) and returns false when a column of A has nothing left to reflect (R(j, j) = 0 exactly: rank
 * deficient); {@link #solve} reshapes X to n×(B's columns) and accepts X = B; {@link #invert} wants an output of A's
 * shape; neither A nor B is modified; {@link #getDecomposition()} is the {@link QrDecompositionLapack_DDRM} it uses.
 *
 * <p>The factor storage and the thin Q (formed on the first solve after each setA) are reused across calls of the
 * same or a smaller size. Results: below the threshold bit-identical to EJML; above it, for a well-conditioned A,
 * the same least-squares solution within a normwise bound of c·κ(A)·n·u (QR least squares is backward stable). Not
 * thread-safe: one thread at a time.
 */
public class LinearSolverQrLapack_DDRM implements LinearSolverDense<DMatrixRMaj> {
    private static final String SET_A = "LinearSolverQrLapack_DDRM.setA(DMatrixRMaj)";
    private static final String SOLVE = "LinearSolverQrLapack_DDRM.solve(DMatrixRMaj,DMatrixRMaj)";
    private static final String INVERT = "LinearSolverQrLapack_DDRM.invert(DMatrixRMaj)";

    private final LinearSolverQrHouseCol_DDRM ejml = new LinearSolverQrHouseCol_DDRM();
    private final QrDecompositionLapack_DDRM decomposition = new QrDecompositionLapack_DDRM(ejml.getDecomposition());
    private DMatrixRMaj a;
    /** The thin Q (m×n column-major) of the current A, null until the first solve after setA. */
    private double[] thinQ;
    /** Qᵀ·B when X = B (X cannot receive it while B is read). */
    private double[] scratch;

    /** A solver that picks EJML's or LAPACK's path by the size of each A. */
    public LinearSolverQrLapack_DDRM() {
    }

    /**
     * Factors A (kept by reference, not modified).
     *
     * @return false when A is rank deficient in EJML's sense (some R(j, j) exactly 0)
     * @throws IllegalArgumentException when A has fewer rows than columns (as EJML)
     */
    @Override
    public boolean setA(DMatrixRMaj A) {
        if (A.numRows < A.numCols) {
            throw new IllegalArgumentException("Can't solve for wide systems. More variables than equations.");
        }
        this.a = A;
        this.thinQ = null;
        if (!HostKernels_DDRM.lapackQr(A)) {
            HostKernels_DDRM.record(false, SET_A);
            boolean ok = ejml.setA(A);
            decomposition.adoptEjml(A);
            return ok;
        }
        HostKernels_DDRM.record(true, SET_A);
        return decomposition.factor(A);
    }

    /** EJML's quality of R: |Π R(i, i)/max|R(i, i)||. */
    @Override
    public double quality() {
        requireA();
        return decomposition.isEjml() ? ejml.quality() : decomposition.quality();
    }

    /**
     * The least-squares X; X is reshaped to n×(B's columns) and may be B itself.
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
        solveLapack(B, X);
    }

    private void solveLapack(DMatrixRMaj B, DMatrixRMaj X) {
        int m = a.numRows;
        int n = a.numCols;
        int k = B.numCols;
        if (B.numRows != m) {
            throw new IllegalArgumentException("Unexpected number of rows in B based on shape of A. Found="
                    + B.numRows + " Expected=" + m);
        }
        if (thinQ == null) {
            thinQ = decomposition.formQ(n);
        }
        // The column-major m×n thin Q read row-major (ld m) is Qᵀ: Y = Qᵀ·B is a plain row-major product.
        if (X == B) {
            scratch = HostKernels_DDRM.atLeast(scratch, n * k);
            HostKernels_DDRM.multiply(thinQ, m, B.data, scratch, n, m, k);
            X.reshape(n, k);
            HostKernels_DDRM.copy(scratch, X.data, n * k);
        } else {
            X.reshape(n, k);
            HostKernels_DDRM.multiply(thinQ, m, B.data, X.data, n, m, k);
        }
        // geqrf's column-major R read row-major (ld m) is Rᵀ on and below the diagonal: solve (Rᵀ)ᵀ·X = Y.
        HostKernels_DDRM.triangularSolve(decomposition.factors(), m, true, true, false, n, k, X.data);
    }

    /**
     * The (pseudo-)inverse through solve, as EJML's: {@code A_inv} must have A's shape and receives the n×n result.
     *
     * @throws IllegalArgumentException when it does not have A's shape
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
            throw new IllegalArgumentException("A and A_inv must have the same dimensions");
        }
        CommonOps_DDRM.setIdentity(A_inv);
        solveLapack(A_inv, A_inv);
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

    /** The {@link QrDecompositionLapack_DDRM} of the last A. */
    @Override
    @SuppressWarnings("unchecked")
    public QrDecompositionLapack_DDRM getDecomposition() {
        return decomposition;
    }

    private void requireA() {
        if (a == null) {
            throw new RuntimeException("Must call setA() first");
        }
    }
}
