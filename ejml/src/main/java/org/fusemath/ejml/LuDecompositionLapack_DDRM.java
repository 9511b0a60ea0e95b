package org.fusemath.ejml;

import org.ejml.UtilEjml;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.IGrowArray;
import org.ejml.dense.row.SpecializedOps_DDRM;
import org.ejml.dense.row.decomposition.UtilDecompositons_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionBase_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.fusemath.solver.host.LapackLu;

/**
 * EJML's {@code LUDecomposition_F64} (Pᵀ·L·U = A with row pivoting, any m×n shape) on LAPACK's getrf for matrices
 * at or above the decomposition threshold, and on EJML's own {@code LUDecompositionAlt_DDRM} below it (where EJML
 * is faster); either way the results follow EJML's contracts: the input is never modified, getLower/getUpper/
 * getRowPivot fill a given matrix or declare one, {@link #decompose} returns true even for a singular matrix
 * (EJML's behaviour; {@link #isSingular} reports it).
 *
 * <p>Results: below the threshold bit-identical to EJML; above it the factors are LAPACK's, which choose the same
 * pivots as EJML except between entries equal in magnitude to rounding, and satisfy the backward bound
 * ‖Pᵀ·L·U − A‖_F ≤ c·n·u·‖A‖_F of {@code Tolerance.factorization()}.
 *
 * <p>Not thread-safe (as EJML's decompositions): one thread at a time per instance. The factor and pivot arrays are
 * kept and reused by later calls with matrices of the same or a smaller size.
 */
public class LuDecompositionLapack_DDRM implements LUDecomposition_F64<DMatrixRMaj> {
    private static final String KEY = "LuDecompositionLapack_DDRM.decompose(DMatrixRMaj)";

    private final LUDecompositionBase_DDRM ejml;
    private final Complex_F64 det = new Complex_F64();
    /** Whether the last decomposition was EJML's (below the threshold). */
    private boolean small;
    private boolean decomposed;
    private int m;
    private int n;
    /** getrf's factors of A, column-major m×n (ld m). */
    private double[] lu;
    private int[] ipiv;
    /** pivot[i]: the row of A that row i of L·U is. */
    private int[] pivot;
    private double pivsign;

    /** A decomposition that chooses EJML's or LAPACK's algorithm by size at each {@link #decompose}. */
    public LuDecompositionLapack_DDRM() {
        this(new LUDecompositionAlt_DDRM());
    }

    /** Shares {@code ejml} with a solver that runs EJML's algorithm on it below the threshold. */
    LuDecompositionLapack_DDRM(LUDecompositionBase_DDRM ejml) {
        this.ejml = ejml;
    }

    /** Factors {@code orig} (left unchanged); always true, as EJML's LU (a singular A is reported by isSingular). */
    @Override
    public boolean decompose(DMatrixRMaj orig) {
        HostKernels_DDRM.record(factor(orig), KEY);
        return true;
    }

    /** Factors {@code a} by size; returns whether LAPACK did it. */
    boolean factor(DMatrixRMaj a) {
        if (!HostKernels_DDRM.lapackLu(a)) {
            ejml.decompose(a);
            adoptEjml(a);
            return false;
        }
        m = a.numRows;
        n = a.numCols;
        small = false;
        int k = Math.min(m, n);
        lu = HostKernels_DDRM.atLeast(lu, m * n);
        ipiv = HostKernels_DDRM.atLeast(ipiv, k);
        pivot = HostKernels_DDRM.atLeast(pivot, m);
        HostKernels_DDRM.toColumnMajor(a, lu);
        if (k > 0) {
            LapackLu.factor(HostKernels_DDRM.threads(), HostKernels_DDRM.TYPE, m, n, lu, ipiv);
        }
        pivsign = 1;
        for (int i = 0; i < m; i++) {
            pivot[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int other = ipiv[i] - 1;
            if (other != i) {
                int t = pivot[i];
                pivot[i] = pivot[other];
                pivot[other] = t;
                pivsign = -pivsign;
            }
        }
        decomposed = true;
        return true;
    }

    /** Marks the shared EJML decomposition, just made on {@code a} by a solver, as the current one. */
    void adoptEjml(DMatrixRMaj a) {
        m = a.numRows;
        n = a.numCols;
        small = true;
        decomposed = true;
    }

    boolean isEjml() {
        return small;
    }

    int rows() {
        return m;
    }

    int cols() {
        return n;
    }

    /** The column-major factors (ld m) of the last LAPACK decomposition. */
    double[] factors() {
        return lu;
    }

    /** getrf's 1-based interchanges of the last LAPACK decomposition. */
    int[] interchanges() {
        return ipiv;
    }

    /** EJML's quality of U: |Π U(i, i)/max|U(i, i)||. */
    double quality() {
        requireDecomposed();
        return small ? ejml.quality() : HostKernels_DDRM.quality(lu, m, Math.min(m, n));
    }

    /** Never: A is copied before it is factored. */
    @Override
    public boolean inputModified() {
        return false;
    }

    /** L (m×min(m, n), unit lower); a given {@code lower} must have that shape (EJML throws otherwise). */
    @Override
    public DMatrixRMaj getLower(DMatrixRMaj lower) {
        requireDecomposed();
        if (small) {
            return ejml.getLower(lower);
        }
        int k = Math.min(m, n);
        DMatrixRMaj l = UtilDecompositons_DDRM.checkZerosUT(lower, m, k);
        for (int i = 0; i < m; i++) {
            int row = i * k;
            int below = Math.min(i, k);
            for (int j = 0; j < below; j++) {
                l.data[row + j] = lu[j * m + i];
            }
            if (i < k) {
                l.data[row + i] = 1;
            }
        }
        return l;
    }

    /** U (min(m, n)×n, upper); a given {@code upper} is reshaped to that. */
    @Override
    public DMatrixRMaj getUpper(DMatrixRMaj upper) {
        requireDecomposed();
        if (small) {
            return ejml.getUpper(upper);
        }
        int k = Math.min(m, n);
        DMatrixRMaj u = UtilDecompositons_DDRM.checkZerosLT(upper, k, n);
        for (int i = 0; i < k; i++) {
            int row = i * n;
            for (int j = i; j < n; j++) {
                u.data[row + j] = lu[j * m + i];
            }
        }
        return u;
    }

    /** The m×m P with P·A = L·U, written into {@code pivot} (reshaped) or a new matrix. */
    @Override
    public DMatrixRMaj getRowPivot(DMatrixRMaj pivot) {
        requireDecomposed();
        if (small) {
            return ejml.getRowPivot(pivot);
        }
        return SpecializedOps_DDRM.pivotMatrix(pivot, this.pivot, m, false);
    }

    /** The pivot vector: entry i is the row of A that row i of L·U came from. */
    @Override
    public int[] getRowPivotV(IGrowArray pivot) {
        requireDecomposed();
        if (small) {
            return ejml.getRowPivotV(pivot);
        }
        return UtilEjml.pivotVector(this.pivot, m, pivot);
    }

    /** Whether some |U(i, i)| is below EJML's machine epsilon (EJML's test). */
    @Override
    public boolean isSingular() {
        requireDecomposed();
        if (small) {
            return ejml.isSingular();
        }
        int k = Math.min(m, n);
        for (int i = 0; i < k; i++) {
            if (Math.abs(lu[i * m + i]) < UtilEjml.EPS) {
                return true;
            }
        }
        return false;
    }

    /**
     * det(A) = ±Π U(i, i) (real part; imaginary 0), in an object this decomposition reuses.
     *
     * @throws IllegalArgumentException when A is not square (as EJML)
     */
    @Override
    public Complex_F64 computeDeterminant() {
        requireDecomposed();
        if (small) {
            return ejml.computeDeterminant();
        }
        if (m != n) {
            throw new IllegalArgumentException("Must be a square matrix.");
        }
        double ret = pivsign;
        for (int i = 0; i < n; i++) {
            ret *= lu[i * m + i];
        }
        det.real = ret;
        det.imaginary = 0;
        return det;
    }

    private void requireDecomposed() {
        if (!decomposed) {
            throw new IllegalStateException("decompose() has not been called");
        }
    }
}
