package org.fusemath.ejml;

import java.util.Arrays;
import org.ejml.UtilEjml;
import org.ejml.data.DMatrix1Row;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Blas;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Uplo;
import org.fusemath.ejml.EjmlExecution.Family;

/**
 * The mult family of {@code CommonOps_DDRM} on fusemath's host BLAS with all processors (or the device when allowed): above the
 * threshold ({@link MultThresholds}, in multiply-adds m*n*k) one GEMM, or one SYRK for multInner/multOuter,
 * computes straight on the matrices' own {@code data} arrays (zero-copy views); below it, and for every call
 * EJML would reject or treat specially (incompatible shapes, the output aliasing an input, a vector right-hand
 * side), EJML's own method runs, so its checks, exceptions and messages are EJML's.
 *
 * <p>Results: below the threshold bit-identical to EJML (EJML runs). Above it not bit-identical (the same
 * products summed in another order): within verify's {@code Tolerance.gemm} of the exact product,
 * |error(i,j)| <= 2*gamma(k+2)*(|A|*|B|)(i,j), as EJML's result is, so the two differ by at most twice that
 * (multAdd: the bound of [alpha*op(A) | C]*[op(B) ; I], i.e. with |C| included). Outputs are reshaped or declared exactly as EJML does ({@code UtilEjml.reshapeOrDeclare}).
 * Thread-safe: nothing is shared between calls but the matrices the caller passes.
 */
final class MultAcceleration_DDRM {
    private static final String P = "CommonOps_DDRM.";
    private static final String MULT = P + "mult(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String MULT_A = P + "mult(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String TA = P + "multTransA(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String TA_A = P + "multTransA(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String TB = P + "multTransB(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String TB_A = P + "multTransB(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String TAB = P + "multTransAB(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String TAB_A = P + "multTransAB(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String INNER = P + "multInner(DMatrix1Row,DMatrix1Row)";
    private static final String OUTER = P + "multOuter(DMatrix1Row,DMatrix1Row)";
    private static final String ADD = P + "multAdd(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_A = P + "multAdd(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_TA = P + "multAddTransA(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_TA_A = P + "multAddTransA(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_TB = P + "multAddTransB(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_TB_A = P + "multAddTransB(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_TAB = P + "multAddTransAB(DMatrix1Row,DMatrix1Row,DMatrix1Row)";
    private static final String ADD_TAB_A = P + "multAddTransAB(double,DMatrix1Row,DMatrix1Row,DMatrix1Row)";

    private MultAcceleration_DDRM() {
    }

    /** EJML's {@code mult}: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T mult(T a, T b, T output) {
        long size = size(a.numRows, b.numCols, a.numCols);
        if (b.numCols == 1 || a.numCols != b.numRows || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(MULT);
            return org.ejml.dense.row.CommonOps_DDRM.mult(a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numRows, b.numCols);
        gemm(Op.NONE, Op.NONE, 1, a, b, 0, output, size);
        EjmlCoverage.accelerated(MULT);
        return output;
    }

    /** EJML's {@code mult} with alpha: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T mult(double alpha, T a, T b, T output) {
        long size = size(a.numRows, b.numCols, a.numCols);
        if (a.numCols != b.numRows || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(MULT_A);
            return org.ejml.dense.row.CommonOps_DDRM.mult(alpha, a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numRows, b.numCols);
        gemm(Op.NONE, Op.NONE, alpha, a, b, 0, output, size);
        EjmlCoverage.accelerated(MULT_A);
        return output;
    }

    /** EJML's {@code multTransA}: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T multTransA(T a, T b, T output) {
        long size = size(a.numCols, b.numCols, a.numRows);
        if (b.numCols == 1 || a.numRows != b.numRows || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(TA);
            return org.ejml.dense.row.CommonOps_DDRM.multTransA(a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numCols, b.numCols);
        gemm(Op.TRANSPOSE, Op.NONE, 1, a, b, 0, output, size);
        EjmlCoverage.accelerated(TA);
        return output;
    }

    /** EJML's {@code multTransA} with alpha: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T multTransA(double alpha, T a, T b, T output) {
        long size = size(a.numCols, b.numCols, a.numRows);
        if (a.numRows != b.numRows || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(TA_A);
            return org.ejml.dense.row.CommonOps_DDRM.multTransA(alpha, a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numCols, b.numCols);
        gemm(Op.TRANSPOSE, Op.NONE, alpha, a, b, 0, output, size);
        EjmlCoverage.accelerated(TA_A);
        return output;
    }

    /** EJML's {@code multTransB}: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T multTransB(T a, T b, T output) {
        long size = size(a.numRows, b.numRows, a.numCols);
        if (b.numRows == 1 || a.numCols != b.numCols || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(TB);
            return org.ejml.dense.row.CommonOps_DDRM.multTransB(a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numRows, b.numRows);
        gemm(Op.NONE, Op.TRANSPOSE, 1, a, b, 0, output, size);
        EjmlCoverage.accelerated(TB);
        return output;
    }

    /** EJML's {@code multTransB} with alpha: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T multTransB(double alpha, T a, T b, T output) {
        long size = size(a.numRows, b.numRows, a.numCols);
        if (a.numCols != b.numCols || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(TB_A);
            return org.ejml.dense.row.CommonOps_DDRM.multTransB(alpha, a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numRows, b.numRows);
        gemm(Op.NONE, Op.TRANSPOSE, alpha, a, b, 0, output, size);
        EjmlCoverage.accelerated(TB_A);
        return output;
    }

    /** EJML's {@code multTransAB}: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T multTransAB(T a, T b, T output) {
        long size = size(a.numCols, b.numRows, a.numRows);
        if (b.numRows == 1 || a.numRows != b.numCols || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(TAB);
            return org.ejml.dense.row.CommonOps_DDRM.multTransAB(a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numCols, b.numRows);
        gemm(Op.TRANSPOSE, Op.TRANSPOSE, 1, a, b, 0, output, size);
        EjmlCoverage.accelerated(TAB);
        return output;
    }

    /** EJML's {@code multTransAB} with alpha: fusemath's GEMM above the threshold. */
    static <T extends DMatrix1Row> T multTransAB(double alpha, T a, T b, T output) {
        long size = size(a.numCols, b.numRows, a.numRows);
        if (a.numRows != b.numCols || aliased(output, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(TAB_A);
            return org.ejml.dense.row.CommonOps_DDRM.multTransAB(alpha, a, b, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numCols, b.numRows);
        gemm(Op.TRANSPOSE, Op.TRANSPOSE, alpha, a, b, 0, output, size);
        EjmlCoverage.accelerated(TAB_A);
        return output;
    }

    /** EJML's {@code multAdd}: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAdd(DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numRows, b.numCols, a.numCols);
        if (b.numCols == 1 || a.numCols != b.numRows || c.numRows != a.numRows || c.numCols != b.numCols || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD);
            org.ejml.dense.row.CommonOps_DDRM.multAdd(a, b, c);
            return;
        }
        gemm(Op.NONE, Op.NONE, 1, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD);
    }

    /** EJML's {@code multAdd} with alpha: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAdd(double alpha, DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numRows, b.numCols, a.numCols);
        if (a.numCols != b.numRows || c.numRows != a.numRows || c.numCols != b.numCols || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_A);
            org.ejml.dense.row.CommonOps_DDRM.multAdd(alpha, a, b, c);
            return;
        }
        gemm(Op.NONE, Op.NONE, alpha, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_A);
    }

    /** EJML's {@code multAddTransA}: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAddTransA(DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numCols, b.numCols, a.numRows);
        if (b.numCols == 1 || a.numRows != b.numRows || c.numRows != a.numCols || c.numCols != b.numCols || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_TA);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransA(a, b, c);
            return;
        }
        gemm(Op.TRANSPOSE, Op.NONE, 1, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_TA);
    }

    /** EJML's {@code multAddTransA} with alpha: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAddTransA(double alpha, DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numCols, b.numCols, a.numRows);
        if (a.numRows != b.numRows || c.numRows != a.numCols || c.numCols != b.numCols || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_TA_A);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransA(alpha, a, b, c);
            return;
        }
        gemm(Op.TRANSPOSE, Op.NONE, alpha, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_TA_A);
    }

    /** EJML's {@code multAddTransB}: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAddTransB(DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numRows, b.numRows, a.numCols);
        if (a.numCols != b.numCols || c.numRows != a.numRows || c.numCols != b.numRows || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_TB);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransB(a, b, c);
            return;
        }
        gemm(Op.NONE, Op.TRANSPOSE, 1, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_TB);
    }

    /** EJML's {@code multAddTransB} with alpha: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAddTransB(double alpha, DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numRows, b.numRows, a.numCols);
        if (a.numCols != b.numCols || c.numRows != a.numRows || c.numCols != b.numRows || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_TB_A);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransB(alpha, a, b, c);
            return;
        }
        gemm(Op.NONE, Op.TRANSPOSE, alpha, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_TB_A);
    }

    /** EJML's {@code multAddTransAB}: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAddTransAB(DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numCols, b.numRows, a.numRows);
        if (a.numRows != b.numCols || c.numRows != a.numCols || c.numCols != b.numRows || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_TAB);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransAB(a, b, c);
            return;
        }
        gemm(Op.TRANSPOSE, Op.TRANSPOSE, 1, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_TAB);
    }

    /** EJML's {@code multAddTransAB} with alpha: fusemath's GEMM with beta = 1 above the threshold. */
    static void multAddTransAB(double alpha, DMatrix1Row a, DMatrix1Row b, DMatrix1Row c) {
        long size = size(a.numCols, b.numRows, a.numRows);
        if (a.numRows != b.numCols || c.numRows != a.numCols || c.numCols != b.numRows || aliased(c, a, b) || !accelerate(size)) {
            EjmlCoverage.delegated(ADD_TAB_A);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
            return;
        }
        gemm(Op.TRANSPOSE, Op.TRANSPOSE, alpha, a, b, 1, c, size);
        EjmlCoverage.accelerated(ADD_TAB_A);
    }

    /** EJML's {@code multInner} (output = aᵀ·a): fusemath's SYRK above the threshold, mirrored to the full matrix. */
    static <T extends DMatrix1Row> T multInner(T a, T output) {
        long size = size(a.numCols, a.numCols, a.numRows);
        if (aliased(output, a, a) || !accelerate(size)) {
            EjmlCoverage.delegated(INNER);
            return org.ejml.dense.row.CommonOps_DDRM.multInner(a, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numCols, a.numCols);
        syrk(Op.TRANSPOSE, a, output, size);
        EjmlCoverage.accelerated(INNER);
        return output;
    }

    /** EJML's {@code multOuter} (output = a·aᵀ): fusemath's SYRK above the threshold, mirrored to the full matrix. */
    static <T extends DMatrix1Row> T multOuter(T a, T output) {
        long size = size(a.numRows, a.numRows, a.numCols);
        if (aliased(output, a, a) || !accelerate(size)) {
            EjmlCoverage.delegated(OUTER);
            return org.ejml.dense.row.CommonOps_DDRM.multOuter(a, output);
        }
        output = UtilEjml.reshapeOrDeclare(output, a, a.numRows, a.numRows);
        syrk(Op.NONE, a, output, size);
        EjmlCoverage.accelerated(OUTER);
        return output;
    }

    // ---- shared by the methods above ----

    private static long size(int rows, int cols, int k) {
        return (long) rows * cols * k;
    }

    private static boolean accelerate(long size) {
        return EjmlExecution.accelerate(Family.MULT, size, MultThresholds.DDRM);
    }

    private static FuseContext context(long size) {
        return MultContexts.single(size);
    }

    /** Whether the output is an input or shares its array: EJML rejects the first; BLAS must not see either. */
    private static boolean aliased(DMatrix1Row output, DMatrix1Row a, DMatrix1Row b) {
        return output != null && (output == a || output == b || output.data == a.data || output.data == b.data);
    }

    private static HostMatrix view(DMatrix1Row m) {
        return HostMatrix.of(DType.F64, m.data, MatrixShape.rowMajor(m.numRows, m.numCols));
    }

    /** c = alpha·op(a)·op(b) + beta·c on the arrays themselves; c already has its final shape. */
    private static void gemm(Op opA, Op opB, double alpha, DMatrix1Row a, DMatrix1Row b, double beta, DMatrix1Row c,
                             long size) {
        int m = c.numRows;
        int n = c.numCols;
        int k = opA == Op.NONE ? a.numCols : a.numRows;
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // EJML: an empty inner dimension gives zeros (mult) or leaves c (multAdd).
            if (beta == 0) {
                Arrays.fill(c.data, 0, m * n, 0);
            }
            return;
        }
        FuseContext context = context(size);
        if (context == FuseContext.defaults()) {
            // The function form: its small-product shortcut builds no spec or plan (measured ~40 µs less per call).
            Blas.gemm(opA, opB, alpha, view(a), view(b), beta, view(c));
            return;
        }
        MatmulSpec spec = MatmulSpec.builder(DType.F64).a(view(a).shape(), opA).b(view(b).shape(), opB)
                .c(view(c).shape()).alpha(alpha).beta(beta).build();
        Blas.matmul(spec, MatmulOperands.of(view(a), view(b), view(c)), context);
    }

    /** c = op(a)·op(a)ᵀ (one triangle by SYRK, then mirrored, as EJML fills both); c is square already. */
    private static void syrk(Op op, DMatrix1Row a, DMatrix1Row c, long size) {
        int n = c.numRows;
        int k = op == Op.NONE ? a.numCols : a.numRows;
        if (n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c.data, 0, n * n, 0);
            return;
        }
        FuseContext context = context(size);
        if (context == FuseContext.defaults()) {
            Blas.syrk(Uplo.UPPER, op, Scalar.of(1), view(a), Scalar.of(0), view(c));
        } else {
            Blas.syrk(context, Uplo.UPPER, op, Scalar.of(1), view(a), Scalar.of(0), view(c));
        }
        mirrorUpper(c.data, n);
    }

    /** Copies the upper triangle of the row-major n×n array onto the lower one, in tiles to stay in cache. */
    private static void mirrorUpper(double[] c, int n) {
        final int tile = 64;
        for (int i0 = 0; i0 < n; i0 += tile) {
            for (int j0 = 0; j0 <= i0; j0 += tile) {
                int iEnd = Math.min(n, i0 + tile);
                for (int i = i0; i < iEnd; i++) {
                    int jEnd = Math.min(i, j0 + tile);
                    for (int j = j0; j < jEnd; j++) {
                        c[i * n + j] = c[j * n + i];
                    }
                }
            }
        }
    }
}
