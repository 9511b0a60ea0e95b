package org.fusemath.ejml;

import org.ejml.UtilEjml;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;

/**
 * EJML's {@link SingularValueDecomposition_F64} for {@link DMatrixRMaj} on fusemath's LAPACK SVD ({@link SvdPlan}:
 * gesdd, gesvd when gesdd does not converge) for matrices of at least {@link DecompositionThresholds#SVD_F64}
 * elements (or the {@code decomposition} threshold of {@link EjmlExecution}), and on EJML's own implicit-QR SVD below
 * it, where EJML is faster.
 *
 * <p>Contracts as EJML's {@code SvdImplicitQrDecompose}: the input is never modified ({@link #inputModified()} is
 * false on both paths); U and V as requested (asking for one that was not requested is an
 * {@link IllegalArgumentException}); compact gives U m×k, W k×k, V n×k with k = min(m, n), otherwise U m×m, W m×n,
 * V n×n; a non-null output is reshaped and filled, a null one is declared. On fusemath's path the singular values
 * come in descending order (LAPACK's); EJML's interface guarantees no order and EJML's implicit QR leaves them
 * unsorted, so code that needs an order sorts with {@code SingularOps_DDRM.descendingOrder} on either path. The
 * results are not bit-identical to EJML's: the reconstruction U·W·Vᵀ is within the backward bound of
 * {@code Tolerance.factorization()} (‖A − U·W·Vᵀ‖_F ≤ 4·max(m, n)·u·‖A‖_F) and the singular values agree with EJML's
 * to within that bound times ‖A‖₂. A matrix holding NaN or infinity, or an SVD that does not converge, makes
 * {@link #decompose} return false on fusemath's path.
 *
 * <p>Not thread-safe (one instance per thread, as EJML's decompositions).
 */
public final class SvdDecomposition_DDRM implements SingularValueDecomposition_F64<DMatrixRMaj> {
    private static final String KEY = "DecompositionFactory_DDRM.svd(int,int,boolean,boolean,boolean).decompose(DMatrixRMaj)";

    private final boolean needU;
    private final boolean needV;
    private final boolean compact;
    private SingularValueDecomposition_F64<DMatrixRMaj> ejml;
    private boolean delegated;
    private SvdPlan plan;
    private int planRows = -1;
    private int planCols = -1;
    private int numRows;
    private int numCols;
    private double[] values;
    private DMatrixRMaj u;
    private DMatrixRMaj vt;

    /** An SVD computing U when {@code needU}, V when {@code needV}, compact (thin) when {@code compact}. */
    public SvdDecomposition_DDRM(boolean needU, boolean needV, boolean compact) {
        this.needU = needU;
        this.needV = needV;
        this.compact = compact;
    }

    @Override
    public boolean decompose(DMatrixRMaj orig) {
        numRows = orig.numRows;
        numCols = orig.numCols;
        values = null;
        u = null;
        vt = null;
        if (!EjmlExecution.accelerate(EjmlExecution.Family.DECOMPOSITION, (long) numRows * numCols,
                DecompositionThresholds.SVD_F64)) {
            EjmlCoverage.delegated(KEY);
            if (ejml == null) {
                ejml = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(needU, needV, compact);
            }
            delegated = true;
            return ejml.decompose(orig);
        }
        EjmlCoverage.accelerated(KEY);
        delegated = false;
        if (plan == null || planRows != numRows || planCols != numCols) {
            SvdMode mode = !needU && !needV ? SvdMode.VALUES : compact ? SvdMode.THIN : SvdMode.FULL;
            plan = SvdPlan.create(FuseContext.defaults(), DType.F64, numRows, numCols, Layout.ROW_MAJOR, mode);
            planRows = numRows;
            planCols = numCols;
        }
        Svd svd;
        try {
            svd = plan.execute(HostMatrix.of(orig));
        } catch (NoConvergenceException | InvalidArgumentException e) {
            // Non-convergence, or NaN/infinity in A (the only argument the plan can still reject): EJML's
            // contract reports a failed decomposition by returning false.
            return false;
        }
        values = svd.s().doubles();
        if (svd.u() != null) {
            u = DMatrixRMaj.wrap((int) svd.u().shape().rows(), (int) svd.u().shape().cols(), svd.u().doubles());
            vt = DMatrixRMaj.wrap((int) svd.vh().shape().rows(), (int) svd.vh().shape().cols(), svd.vh().doubles());
        }
        return true;
    }

    /** False: neither path writes to the matrix given to {@link #decompose}. */
    @Override
    public boolean inputModified() {
        return false;
    }

    /** The k = min(m, n) singular values, descending on fusemath's path; EJML's order on EJML's path. */
    @Override
    public double[] getSingularValues() {
        return delegated ? ejml.getSingularValues() : values;
    }

    @Override
    public int numberOfSingularValues() {
        if (delegated) {
            return ejml.numberOfSingularValues();
        }
        return values == null ? 0 : values.length;
    }

    @Override
    public boolean isCompact() {
        return compact;
    }

    @Override
    public DMatrixRMaj getU(DMatrixRMaj U, boolean transposed) {
        if (delegated) {
            return ejml.getU(U, transposed);
        }
        if (!needU) {
            throw new IllegalArgumentException("As requested U was not computed.");
        }
        return copy(requireComputed(u), U, transposed);
    }

    @Override
    public DMatrixRMaj getV(DMatrixRMaj V, boolean transposed) {
        if (delegated) {
            return ejml.getV(V, transposed);
        }
        if (!needV) {
            throw new IllegalArgumentException("As requested V was not computed.");
        }
        // vt holds Vᵀ, so V itself is its transpose.
        return copy(requireComputed(vt), V, !transposed);
    }

    @Override
    public DMatrixRMaj getW(DMatrixRMaj W) {
        if (delegated) {
            return ejml.getW(W);
        }
        double[] s = requireComputed(values);
        int k = s.length;
        int rows = compact ? k : numRows;
        int cols = compact ? k : numCols;
        if (W == null) {
            W = new DMatrixRMaj(rows, cols);
        } else {
            W.reshape(rows, cols, false);
            W.zero();
        }
        for (int i = 0; i < k; i++) {
            W.unsafe_set(i, i, s[i]);
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

    /** {@code source} or its transpose into {@code out}, reshaped or declared (never the internal matrix itself). */
    private static DMatrixRMaj copy(DMatrixRMaj source, DMatrixRMaj out, boolean transpose) {
        if (transpose) {
            out = UtilEjml.reshapeOrDeclare(out, source.numCols, source.numRows);
            CommonOps_DDRM.transpose(source, out);
            return out;
        }
        out = UtilEjml.reshapeOrDeclare(out, source.numRows, source.numCols);
        out.setTo(source);
        return out;
    }

    private static <T> T requireComputed(T result) {
        if (result == null) {
            throw new IllegalStateException("no successful decompose() to read results from");
        }
        return result;
    }
}
