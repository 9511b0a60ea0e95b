package org.fusemath.ejml;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;

/**
 * The singular value decomposition A = U·W·Vᴴ of a complex {@link ZMatrixRMaj}, which EJML lacks, behind EJML's own
 * generic {@link SingularValueDecomposition_F64} interface, on fusemath's LAPACK ({@link SvdPlan}: zgesdd, zgesvd
 * when zgesdd does not converge) at every size.
 *
 * <p>The conventions of EJML's real SVD carried over: compact gives U m×k, W k×k, V n×k with k = min(m, n), otherwise
 * U m×m, W m×n, V n×n; W is real (imaginary parts zero) with the singular values, descending, on its diagonal;
 * {@code transposed} asks for the conjugate transpose (Uᴴ, Vᴴ), the complex counterpart of EJML's real transpose; a
 * non-null output is reshaped and filled, a null one declared; asking for a factor that was not requested is an
 * {@link IllegalArgumentException}; the input is never modified. Bound: ‖A − U·W·Vᴴ‖_F / ‖A‖_F within
 * {@code Tolerance.factorization()} (4·max(m, n)·u). NaN or infinity, or an SVD that does not converge, makes
 * {@link #decompose} return false.
 *
 * <p>Not thread-safe (one instance per thread, as EJML's decompositions).
 */
public final class SvdDecomposition_ZDRM implements SingularValueDecomposition_F64<ZMatrixRMaj> {
    private static final String KEY = "SvdDecomposition_ZDRM.decompose(ZMatrixRMaj)";

    private final boolean needU;
    private final boolean needV;
    private final boolean compact;
    private SvdPlan plan;
    private int planRows = -1;
    private int planCols = -1;
    private int numRows;
    private int numCols;
    private double[] values;
    private ZMatrixRMaj u;
    private ZMatrixRMaj vh;

    /** An SVD computing U when {@code needU}, V when {@code needV}, compact (thin) when {@code compact}. */
    public SvdDecomposition_ZDRM(boolean needU, boolean needV, boolean compact) {
        this.needU = needU;
        this.needV = needV;
        this.compact = compact;
    }

    @Override
    public boolean decompose(ZMatrixRMaj orig) {
        numRows = orig.numRows;
        numCols = orig.numCols;
        values = null;
        u = null;
        vh = null;
        EjmlCoverage.accelerated(KEY);
        if (plan == null || planRows != numRows || planCols != numCols) {
            SvdMode mode = !needU && !needV ? SvdMode.VALUES : compact ? SvdMode.THIN : SvdMode.FULL;
            plan = SvdPlan.create(DecompositionThresholds.context((long) numRows * numCols), DType.C128, numRows,
                    numCols, Layout.ROW_MAJOR, mode);
            planRows = numRows;
            planCols = numCols;
        }
        Svd svd;
        try {
            svd = plan.execute(HostMatrix.of(orig));
        } catch (NoConvergenceException | InvalidArgumentException e) {
            // Non-convergence, or NaN/infinity in A: reported by false, as EJML's decompositions do.
            return false;
        }
        values = svd.s().doubles();
        if (svd.u() != null) {
            u = wrap(svd.u());
            vh = wrap(svd.vh());
        }
        return true;
    }

    /** False: the matrix given to {@link #decompose} is never written. */
    @Override
    public boolean inputModified() {
        return false;
    }

    /** The k = min(m, n) singular values, descending. */
    @Override
    public double[] getSingularValues() {
        return values;
    }

    @Override
    public int numberOfSingularValues() {
        return values == null ? 0 : values.length;
    }

    @Override
    public boolean isCompact() {
        return compact;
    }

    /** U, or Uᴴ when {@code transposed}. */
    @Override
    public ZMatrixRMaj getU(ZMatrixRMaj U, boolean transposed) {
        if (!needU) {
            throw new IllegalArgumentException("As requested U was not computed.");
        }
        return copy(requireComputed(u), U, transposed);
    }

    /** V, or Vᴴ when {@code transposed}. */
    @Override
    public ZMatrixRMaj getV(ZMatrixRMaj V, boolean transposed) {
        if (!needV) {
            throw new IllegalArgumentException("As requested V was not computed.");
        }
        // vh holds Vᴴ, so V itself is its conjugate transpose.
        return copy(requireComputed(vh), V, !transposed);
    }

    @Override
    public ZMatrixRMaj getW(ZMatrixRMaj W) {
        double[] s = requireComputed(values);
        int k = s.length;
        int rows = compact ? k : numRows;
        int cols = compact ? k : numCols;
        if (W == null) {
            W = new ZMatrixRMaj(rows, cols);
        } else {
            W.reshape(rows, cols);
            W.zero();
        }
        for (int i = 0; i < k; i++) {
            W.set(i, i, s[i], 0);
        }
        return W;
    }

    @Override
    public int numRows() {
        return numRows;
    }

    @Override
    public int numCols() {
        return numCols;
    }

    private static ZMatrixRMaj wrap(HostMatrix m) {
        ZMatrixRMaj z = new ZMatrixRMaj((int) m.shape().rows(), (int) m.shape().cols());
        double[] d = m.doubles();
        System.arraycopy(d, 0, z.data, 0, z.getDataLength());
        return z;
    }

    /** {@code source} or its conjugate transpose into {@code out}, reshaped or declared (never the internal one). */
    private static ZMatrixRMaj copy(ZMatrixRMaj source, ZMatrixRMaj out, boolean conjugateTranspose) {
        int rows = conjugateTranspose ? source.numCols : source.numRows;
        int cols = conjugateTranspose ? source.numRows : source.numCols;
        if (out == null) {
            out = new ZMatrixRMaj(rows, cols);
        } else {
            out.reshape(rows, cols);
        }
        if (conjugateTranspose) {
            CommonOps_ZDRM.transposeConjugate(source, out);
        } else {
            out.setTo(source);
        }
        return out;
    }

    private static <T> T requireComputed(T result) {
        if (result == null) {
            throw new IllegalStateException("no successful decompose() to read results from");
        }
        return result;
    }
}
