package org.fusemath.ejml;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.UtilDecompositons_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.fusemath.solver.host.LapackQr;

/**
 * EJML's {@code QRDecomposition} (Householder A = Q·R of any m×n A) on LAPACK's geqrf/orgqr at or above the
 * decomposition threshold and on EJML's {@code QRDecompositionHouseholderColumn_DDRM} below it. The input is never
 * modified. {@link #getQ} and {@link #getR} follow EJML's rules: a null argument declares the matrix, a given one is
 * reshaped (Q m×min(m, n) when compact, else m×m; R min(m, n)×n when compact, else m×n, zeros below the diagonal).
 * {@link #decompose} returns false, as EJML's, when a column has nothing left to reflect (R(j, j) = 0 exactly).
 *
 * <p>Results: below the threshold bit-identical to EJML; above it LAPACK's reflectors, which differ from EJML's by
 * the signs of matching columns of Q and rows of R (both are valid QR factorisations) and satisfy
 * ‖Q·R − A‖_F ≤ c·n·u·‖A‖_F ({@code Tolerance.factorization()}).
 *
 * <p>Not thread-safe: one thread at a time per instance. The arrays are reused by later calls of the same or a
 * smaller size.
 */
public class QrDecompositionLapack_DDRM implements QRDecomposition<DMatrixRMaj> {
    private static final String KEY = "QrDecompositionLapack_DDRM.decompose(DMatrixRMaj)";

    private final QRDecomposition<DMatrixRMaj> ejml;
    private boolean small;
    private boolean decomposed;
    private int m;
    private int n;
    /** geqrf's output, column-major m×n (ld m): R on and above the diagonal, the reflectors below. */
    private double[] f;
    private double[] tau;
    /** Column-major scratch for forming Q. */
    private double[] q;

    /** A decomposition that chooses EJML's or LAPACK's algorithm by size at each {@link #decompose}. */
    public QrDecompositionLapack_DDRM() {
        this(new QRDecompositionHouseholderColumn_DDRM());
    }

    /** Shares {@code ejml} with a solver that runs EJML's algorithm on it below the threshold. */
    QrDecompositionLapack_DDRM(QRDecomposition<DMatrixRMaj> ejml) {
        this.ejml = ejml;
    }

    /** Factors {@code orig} (left unchanged); false when some R(j, j) is exactly zero. */
    @Override
    public boolean decompose(DMatrixRMaj orig) {
        if (!HostKernels_DDRM.lapackQr(orig)) {
            HostKernels_DDRM.record(false, KEY);
            boolean ok = ejml.decompose(orig);
            adoptEjml(orig);
            return ok;
        }
        HostKernels_DDRM.record(true, KEY);
        return factor(orig);
    }

    /** Factors {@code a} with LAPACK. */
    boolean factor(DMatrixRMaj a) {
        m = a.numRows;
        n = a.numCols;
        small = false;
        decomposed = true;
        int k = Math.min(m, n);
        f = HostKernels_DDRM.atLeast(f, m * n);
        tau = HostKernels_DDRM.atLeast(tau, k);
        HostKernels_DDRM.toColumnMajor(a, f);
        if (k == 0) {
            return true;
        }
        LapackQr.factor(HostKernels_DDRM.threads(), HostKernels_DDRM.TYPE, m, n, f, tau);
        for (int j = 0; j < k; j++) {
            if (f[j * m + j] == 0) {
                return false;
            }
        }
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

    /** geqrf's column-major output (ld m) of the last LAPACK decomposition. */
    double[] factors() {
        return f;
    }

    /**
     * Writes the first {@code cols} (min(m, n) ≤ cols ≤ m) columns of Q, column-major (ld m), into an array this
     * decomposition owns and returns it.
     */
    double[] formQ(int cols) {
        int k = Math.min(m, n);
        q = HostKernels_DDRM.atLeast(q, m * cols);
        Arrays.fill(q, 0, m * cols, 0);
        if (k == 0) {
            for (int j = 0; j < cols; j++) {
                q[j * m + j] = 1;
            }
            return q;
        }
        HostKernels_DDRM.copy(f, q, m * Math.min(cols, n));
        LapackQr.formQ(HostKernels_DDRM.threads(), HostKernels_DDRM.TYPE, m, cols, k, q, tau);
        return q;
    }

    /** EJML's quality of R's leading min(m, n) diagonal: |Π R(i, i)/max|R(i, i)||. */
    double quality() {
        return HostKernels_DDRM.quality(f, m, Math.min(m, n));
    }

    /** Q: m×min(m, n) when {@code compact}, else m×m, written into {@code Q} (reshaped) or a new matrix. */
    @Override
    public DMatrixRMaj getQ(DMatrixRMaj Q, boolean compact) {
        requireDecomposed();
        if (small) {
            return ejml.getQ(Q, compact);
        }
        int cols = compact ? Math.min(m, n) : m;
        DMatrixRMaj out = Q == null ? new DMatrixRMaj(m, cols) : Q;
        out.reshape(m, cols);
        HostKernels_DDRM.fromColumnMajor(formQ(cols), m, cols, out);
        return out;
    }

    /**
     * R: min(m, n)×n when {@code compact}, else m×n, upper triangular, written into {@code R} (reshaped; zeros set
     * below the diagonal) or a new matrix.
     */
    @Override
    public DMatrixRMaj getR(DMatrixRMaj R, boolean compact) {
        requireDecomposed();
        if (small) {
            return ejml.getR(R, compact);
        }
        DMatrixRMaj out = UtilDecompositons_DDRM.checkZerosLT(R, compact ? Math.min(m, n) : m, n);
        for (int j = 0; j < n; j++) {
            int last = Math.min(j, m - 1);
            for (int i = 0; i <= last; i++) {
                out.data[i * n + j] = f[j * m + i];
            }
        }
        return out;
    }

    /** Never: A is copied before it is factored. */
    @Override
    public boolean inputModified() {
        return false;
    }

    private void requireDecomposed() {
        if (!decomposed) {
            throw new IllegalStateException("decompose() has not been called");
        }
    }
}
