package org.fusemath.ejml;

import java.util.Arrays;
import org.ejml.MatrixDimensionException;
import org.ejml.UtilEjml;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fusemath.solver.host.LapackQr;

/**
 * EJML's SVD pseudo-inverse solver (X = A⁺·B for any m×n A, singular or not) on LAPACK's gelsd (the SVD
 * least-squares solver behind {@code Linalg.lstsq}) at or above the decomposition threshold, and on EJML's
 * {@code SolvePseudoInverseSvd_DDRM} below it. As EJML's, {@link #setA} forms A⁺ (n×m) once, zeroing the singular
 * values below EJML's cut-off u·max(m, n)·σ_max (gelsd's rcond), {@link #solve} is the product A⁺·B (X reshaped, X
 * and B must differ), {@link #invert} copies A⁺, and {@link #quality()} is σ_min/σ_max (0 when a singular value was
 * cut). Neither A nor B is modified. {@link #getDecomposition()} is EJML's SVD on EJML's path and null on
 * LAPACK's, which keeps no separate decomposition object (gelsd factors and solves in one call).
 *
 * <p>Results: below the threshold bit-identical to EJML; above it A⁺ within the perturbation bound of the SVD
 * (normwise c·n·u·κ(A) relative to ‖A⁺‖ for the singular values kept). The threshold is not measured for this
 * solver: it uses the LU one. Not thread-safe: one thread at a time.
 */
public class LinearSolverPseudoInverseLapack_DDRM implements LinearSolverDense<DMatrixRMaj> {
    private static final String SET_A = "LinearSolverPseudoInverseLapack_DDRM.setA(DMatrixRMaj)";
    private static final String SOLVE = "LinearSolverPseudoInverseLapack_DDRM.solve(DMatrixRMaj,DMatrixRMaj)";
    private static final String INVERT = "LinearSolverPseudoInverseLapack_DDRM.invert(DMatrixRMaj)";

    private final SolvePseudoInverseSvd_DDRM ejml = new SolvePseudoInverseSvd_DDRM();
    private final DMatrixRMaj pinv = new DMatrixRMaj(1, 1);
    private boolean small;
    private boolean set;
    private int m;
    private int n;
    private double quality;
    /** gelsd's copy of A (column-major, destroyed by it), right-hand sides, singular values and rank. */
    private double[] a;
    private double[] b;
    private double[] s;
    private final int[] rank = new int[1];

    /** A solver that picks EJML's or LAPACK's path by the size of each A. */
    public LinearSolverPseudoInverseLapack_DDRM() {
    }

    /** Forms A⁺ (A kept unmodified); false only when the SVD does not converge. */
    @Override
    public boolean setA(DMatrixRMaj A) {
        m = A.numRows;
        n = A.numCols;
        set = true;
        if (!HostKernels_DDRM.lapackLu(A)) {
            HostKernels_DDRM.record(false, SET_A);
            small = true;
            return ejml.setA(A);
        }
        HostKernels_DDRM.record(true, SET_A);
        small = false;
        int k = Math.min(m, n);
        int ldb = Math.max(1, Math.max(m, n));
        a = HostKernels_DDRM.atLeast(a, m * n);
        b = HostKernels_DDRM.atLeast(b, ldb * m);
        s = HostKernels_DDRM.atLeast(s, k);
        pinv.reshape(n, m);
        if (k == 0) {
            Arrays.fill(pinv.data, 0, n * m, 0);
            quality = Double.NaN;
            return true;
        }
        HostKernels_DDRM.toColumnMajor(A, a);
        // B = the m×m identity: gelsd's X is then A⁺ (n×m, column-major with ld max(m, n)).
        Arrays.fill(b, 0, ldb * m, 0);
        for (int j = 0; j < m; j++) {
            b[j * ldb + j] = 1;
        }
        double rcond = UtilEjml.EPS * Math.max(m, n);
        int info = LapackQr.leastSquares(HostKernels_DDRM.threads(), HostKernels_DDRM.TYPE, m, n, m, a, b, s,
                rcond, rank);
        if (info != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                pinv.data[i * m + j] = b[j * ldb + i];
            }
        }
        // EJML's value: σ_min/σ_max, 0 once a singular value is cut, NaN for A = 0.
        quality = s[0] == 0 ? Double.NaN : rank[0] < k ? 0 : s[k - 1] / s[0];
        return true;
    }

    /** σ_min/σ_max of A, 0 when a singular value was cut (EJML's definition). */
    @Override
    public double quality() {
        requireA();
        return small ? ejml.quality() : quality;
    }

    /**
     * X = A⁺·B, X reshaped to n×(B's columns).
     *
     * @throws MatrixDimensionException when B does not have m rows (as EJML's product)
     * @throws IllegalArgumentException when X is B
     */
    @Override
    public void solve(DMatrixRMaj B, DMatrixRMaj X) {
        requireA();
        if (small) {
            HostKernels_DDRM.record(false, SOLVE);
            ejml.solve(B, X);
            return;
        }
        HostKernels_DDRM.record(true, SOLVE);
        if (X == B) {
            throw new IllegalArgumentException("Neither 'a' or 'b' can be the same matrix as 'c'");
        }
        if (B.numRows != m) {
            throw new MatrixDimensionException("The 'a' and 'b' matrices do not have compatible dimensions");
        }
        X.reshape(n, B.numCols);
        HostKernels_DDRM.multiply(pinv.data, m, B.data, X.data, n, m, B.numCols);
    }

    /** A⁺ (n×m) into {@code A_inv}, reshaped. */
    @Override
    public void invert(DMatrixRMaj A_inv) {
        requireA();
        HostKernels_DDRM.record(!small, INVERT);
        if (small) {
            ejml.invert(A_inv);
        } else {
            A_inv.setTo(pinv);
        }
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

    /** EJML's SVD on EJML's path; null on LAPACK's (gelsd keeps no decomposition object). */
    @Override
    @SuppressWarnings("unchecked")
    public <D extends DecompositionInterface> D getDecomposition() {
        return small ? (D) ejml.getDecomposition() : null;
    }

    private void requireA() {
        if (!set) {
            throw new RuntimeException("Must call setA() first");
        }
    }
}
