package org.fusemath.blas;

import static org.fusemath.blas.RoutineChecks.dims;
import static org.fusemath.blas.RoutineChecks.length;
import static org.fusemath.blas.RoutineChecks.op;
import static org.fusemath.blas.RoutineChecks.sameType;
import static org.fusemath.blas.RoutineChecks.scalar;
import static org.fusemath.blas.RoutineChecks.single;
import static org.fusemath.blas.RoutineChecks.square;

import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.host.OpenBlasRoutines;
import org.fusemath.blas.host.SmallGemm;

/**
 * The one-shot function forms of fusemath's BLAS: each call checks its arguments (shapes, types, layouts,
 * aliasing of outputs with inputs), then runs once on the host, with no plan kept (use {@link Matmul} to plan
 * a matmul once and run it many times). The matmul forms that take a {@link FuseContext} run on a CUDA device
 * when it asks for one ({@link org.fusemath.api.Execution#device(int)}), copying the operands in and the
 * results back; the level 1–3 routines are host-only. Real types take real scalars; complex types take any.
 * Level-2/3 routines take single (unbatched) matrices in either storage order, mixed freely: a read-only
 * operand stored in the other order than the output is read as its transpose with adjusted flags (no copy)
 * where the routine allows it, and copied into the output's order where it does not (herk's A, symm's B, a
 * complex triangle under CONJUGATE_TRANSPOSE). Thread-safe: calls on disjoint outputs may run concurrently.
 */
public final class Blas {
    private Blas() {
    }

    /**
     * A·B into a new dense row-major matrix, as NumPy's {@code a @ b}: a batch of products when either operand
     * is batched (an operand with a batch of one is broadcast).
     */
    public static HostMatrix matmul(HostMatrix a, HostMatrix b) {
        return matmul(a, b, Epilogue.DEFAULT, null);
    }

    /**
     * epilogue(A·B [+ bias]) into a new dense row-major matrix, for the epilogues that need no aux operand and
     * write no gradient (DEFAULT, BIAS, RELU, RELU_BIAS, GELU, GELU_BIAS); {@code bias} has length n
     * (null when the epilogue takes none). Use {@link #matmul(MatmulSpec, MatmulOperands)} for the others.
     */
    public static HostMatrix matmul(HostMatrix a, HostMatrix b, Epilogue epilogue, HostMatrix bias) {
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        Arguments.requireNonNull(epilogue, "epilogue");
        if (epilogue.auxKind() != Epilogue.AuxKind.NONE || epilogue.biasGradient() != Epilogue.BiasGradient.NONE) {
            throw new InvalidArgumentException("epilogue", epilogue, "an epilogue without aux operand or bias gradient"
                    + " (DEFAULT, BIAS, RELU, RELU_BIAS, GELU, GELU_BIAS) in this form; use Blas.matmul(spec, operands)");
        }
        HostMatrix c = newResult(a, b);
        if (epilogue == Epilogue.DEFAULT && bias == null && SmallGemm.tryRun(Op.NONE, Op.NONE, 1, a, b, 0, c)) {
            return c;
        }
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        if (bias != null) {
            ops = ops.withBias(bias);
        }
        Matmul.runOnce(ops.specBuilder().epilogue(epilogue).build(), ops, FuseContext.defaults());
        return c;
    }

    private static HostMatrix newResult(HostMatrix a, HostMatrix b) {
        DType t = a.dtype();
        if (b.dtype() != t) {
            throw new InvalidArgumentException("b", "a " + b.dtype() + " matrix", t + " as a");
        }
        long batch = Math.max(a.shape().batch(), b.shape().batch());
        long m = a.shape().rows();
        long n = b.shape().cols();
        long slots = Arguments.multiply("result size", Arguments.multiply("result size", batch, Arguments.multiply(
                "result size", m, n)), t.slotsPerElement());
        int length = Arguments.toInt("result size", slots);
        Object data = t.isSinglePrecision() ? new float[length] : new double[length];
        MatrixShape shape = MatrixShape.rowMajor(m, n);
        return HostMatrix.of(t, data, batch == 1 ? shape : shape.batched(batch));
    }

    /** C = alpha·op(A)·op(B) + beta·C for real scalars (beta = 0: C is not read); any type, layout or strided batch. */
    public static void gemm(Op opA, Op opB, double alpha, HostMatrix a, HostMatrix b, double beta, HostMatrix c) {
        gemm(opA, opB, Scalar.of(alpha), a, b, Scalar.of(beta), c);
    }

    /** C = alpha·op(A)·op(B) + beta·C (complex scalars for complex types). */
    public static void gemm(Op opA, Op opB, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        if (alpha != null && beta != null && alpha.isReal() && beta.isReal()
                && SmallGemm.tryRun(opA, opB, alpha.re(), a, b, beta.re(), c)) {
            return;
        }
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        Matmul.runOnce(ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta).build(), ops, FuseContext.defaults());
    }

    /** The list-batched form: C[i] = alpha·op(A[i])·op(B[i]) + beta·C[i] over lists of equally shaped matrices. */
    public static void gemm(Op opA, Op opB, Scalar alpha, List<HostMatrix> a, List<HostMatrix> b, Scalar beta,
                            List<HostMatrix> c) {
        MatmulOperands ops = MatmulOperands.ofLists(a, b, c);
        if (ops.entries() == 0) {
            return;
        }
        Matmul.runOnce(ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta).build(), ops, FuseContext.defaults());
    }

    /** The general function form: any spec (epilogues with aux and gradients included) on matching operands. */
    public static void matmul(MatmulSpec spec, MatmulOperands operands) {
        matmul(spec, operands, FuseContext.defaults());
    }

    /** The general function form under a context (execution space, threads, logger). */
    public static void matmul(MatmulSpec spec, MatmulOperands operands, FuseContext context) {
        Arguments.requireNonNull(spec, "spec");
        Arguments.requireNonNull(operands, "operands");
        Arguments.requireNonNull(context, "context");
        Matmul.runOnce(spec, operands, context);
    }

    // ---- level 1 ----

    /** xᵀy = Σ xᵢ·yᵢ (unconjugated for complex types). */
    public static Scalar dot(HostVector x, HostVector y) {
        sameType("x", x, "y", y);
        length("y", y, x.length(), "as x");
        return OpenBlasRoutines.dot(false, x, y);
    }

    /** xᴴy = Σ conj(xᵢ)·yᵢ (the same as {@link #dot} for real types). */
    public static Scalar dotc(HostVector x, HostVector y) {
        sameType("x", x, "y", y);
        length("y", y, x.length(), "as x");
        return OpenBlasRoutines.dot(true, x, y);
    }

    /** y = alpha·x + y. */
    public static void axpy(Scalar alpha, HostVector x, HostVector y) {
        DType t = sameType("x", x, "y", y);
        scalar("alpha", alpha, t);
        length("y", y, x.length(), "as x");
        new Overlaps().add("x", x, false).add("y", y, true).check();
        OpenBlasRoutines.axpy(alpha, x, y);
    }

    /** y = alpha·x + y for a real alpha. */
    public static void axpy(double alpha, HostVector x, HostVector y) {
        axpy(Scalar.of(alpha), x, y);
    }

    /** x = alpha·x (IEEE arithmetic: 0·NaN is NaN). */
    public static void scal(Scalar alpha, HostVector x) {
        scalar("alpha", alpha, sameType("x", x));
        OpenBlasRoutines.scal(alpha, x);
    }

    /** x = alpha·x for a real alpha. */
    public static void scal(double alpha, HostVector x) {
        scal(Scalar.of(alpha), x);
    }

    /** The Euclidean norm ‖x‖₂ (0 for an empty vector). */
    public static double nrm2(HostVector x) {
        sameType("x", x);
        return OpenBlasRoutines.nrm2(x);
    }

    /** Σ |Re xᵢ| + |Im xᵢ| (BLAS asum; 0 for an empty vector). */
    public static double asum(HostVector x) {
        sameType("x", x);
        return OpenBlasRoutines.asum(x);
    }

    /** The 0-based index of the first element of largest |Re| + |Im|; -1 for an empty vector. */
    public static int iamax(HostVector x) {
        sameType("x", x);
        return OpenBlasRoutines.iamax(x);
    }

    // ---- level 2 ----

    /** y = alpha·op(A)·x + beta·y (beta = 0: y is not read; an empty x gives y = beta·y). */
    public static void gemv(Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta, HostVector y) {
        DType t = sameType("a", a, "x", x, "y", y);
        op("op", op);
        scalar("alpha", alpha, t);
        scalar("beta", beta, t);
        MatrixShape s = single("a", a);
        length("x", x, op.colsOf(s.rows(), s.cols()), "the columns of op(A)");
        length("y", y, op.rowsOf(s.rows(), s.cols()), "the rows of op(A)");
        new Overlaps().add("a", a, false).add("x", x, false).add("y", y, true).check();
        OpenBlasRoutines.gemv(FuseContext.defaults(), op, alpha, a, x, beta, y);
    }

    /** A = alpha·x·yᵀ + A for an m×n A, x of m, y of n (unconjugated for complex types). */
    public static void ger(Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        rank1(false, alpha, x, y, a);
    }

    /** A = alpha·x·yᴴ + A (the same as {@link #ger} for real types). */
    public static void gerc(Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        rank1(true, alpha, x, y, a);
    }

    private static void rank1(boolean conjugate, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        DType t = sameType("a", a, "x", x, "y", y);
        scalar("alpha", alpha, t);
        MatrixShape s = single("a", a);
        length("x", x, s.rows(), "the rows of A");
        length("y", y, s.cols(), "the columns of A");
        new Overlaps().add("a", a, true).add("x", x, false).add("y", y, false).check();
        OpenBlasRoutines.ger(FuseContext.defaults(), conjugate, alpha, x, y, a);
    }

    /** Solves op(A)·z = x for the triangular n×n A, overwriting x with z. */
    public static void trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        sameType("a", a, "x", x);
        Arguments.requireNonNull(uplo, "uplo");
        Arguments.requireNonNull(diag, "diag");
        op("op", op);
        length("x", x, square("a", a).rows(), "the order of A");
        new Overlaps().add("a", a, false).add("x", x, true).check();
        OpenBlasRoutines.trsv(uplo, op, diag, a, x);
    }

    // ---- level 3 ----

    /** Solves op(A)·X = alpha·B (LEFT) or X·op(A) = alpha·B (RIGHT) for the triangular A, overwriting B with X. */
    public static void trsm(Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b) {
        triangular(true, side, uplo, op, diag, alpha, a, b);
    }

    /** B = alpha·op(A)·B (LEFT) or alpha·B·op(A) (RIGHT) for the triangular A. */
    public static void trmm(Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b) {
        triangular(false, side, uplo, op, diag, alpha, a, b);
    }

    private static void triangular(boolean solve, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                                   HostMatrix b) {
        DType t = sameType("a", a, "b", b);
        Arguments.requireNonNull(side, "side");
        Arguments.requireNonNull(uplo, "uplo");
        Arguments.requireNonNull(diag, "diag");
        op("op", op);
        scalar("alpha", alpha, t);
        MatrixShape sa = square("a", a);
        MatrixShape sb = single("b", b);
        long needed = side == Side.LEFT ? sb.rows() : sb.cols();
        if (sa.rows() != needed) {
            throw new ShapeMismatchException("a", sa.rows() + "x" + sa.cols(), needed + "x" + needed
                    + " (the " + (side == Side.LEFT ? "rows" : "columns") + " of B)");
        }
        new Overlaps().add("a", a, false).add("b", b, true).check();
        if (sa.layout() != sb.layout()) {
            if (t.isComplex() && op == Op.CONJUGATE_TRANSPOSE) {
                // Aᴴ of the transposed view would be a conjugate without transpose, which BLAS lacks.
                a = StorageOrders.copyIn(a, sb.layout());
            } else {
                // A's storage read in B's order is Aᵀ, a triangle of the other kind: op(A) = op'(Aᵀ).
                a = StorageOrders.transposedView(a);
                uplo = uplo.flipped();
                op = op == Op.NONE ? Op.TRANSPOSE : Op.NONE;
            }
        }
        OpenBlasRoutines.triangular(FuseContext.defaults(), solve, side, uplo, op, diag, alpha, a, b);
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on the {@code uplo} triangle of the n×n C; op is NONE or TRANSPOSE. */
    public static void syrk(Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta, HostMatrix c) {
        DType t = sameType("a", a, "c", c);
        Arguments.requireNonNull(uplo, "uplo");
        if (op("op", op) == Op.CONJUGATE_TRANSPOSE && t.isComplex()) {
            throw new InvalidArgumentException("op", op, "NONE or TRANSPOSE for syrk (herk takes CONJUGATE_TRANSPOSE)");
        }
        scalar("alpha", alpha, t);
        scalar("beta", beta, t);
        rankK(op, a, c);
        if (a.shape().layout() != c.shape().layout()) {
            // op(A)·op(A)ᵀ with A read as its transpose is the same product with the other op.
            a = StorageOrders.transposedView(a);
            op = op == Op.NONE ? Op.TRANSPOSE : Op.NONE;
        }
        OpenBlasRoutines.syrk(FuseContext.defaults(), uplo, op, alpha, a, beta, c);
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on the {@code uplo} triangle (complex types; op NONE or CONJUGATE_TRANSPOSE). */
    public static void herk(Uplo uplo, Op op, double alpha, HostMatrix a, double beta, HostMatrix c) {
        DType t = sameType("a", a, "c", c);
        Arguments.requireNonNull(uplo, "uplo");
        if (!t.isComplex()) {
            throw new InvalidArgumentException("a", "a " + t + " matrix", "C64 or C128 for herk (syrk serves real types)");
        }
        if (op("op", op) == Op.TRANSPOSE) {
            throw new InvalidArgumentException("op", op, "NONE or CONJUGATE_TRANSPOSE for herk");
        }
        rankK(op, a, c);
        // Read as its transpose, A would need op TRANSPOSE, which herk does not take: copy it instead.
        a = StorageOrders.copyIn(a, c.shape().layout());
        OpenBlasRoutines.herk(FuseContext.defaults(), uplo, op, alpha, a, beta, c);
    }

    private static void rankK(Op op, HostMatrix a, HostMatrix c) {
        MatrixShape sa = single("a", a);
        MatrixShape sc = square("c", c);
        long n = op.rowsOf(sa.rows(), sa.cols());
        if (sc.rows() != n) {
            throw new ShapeMismatchException("c", sc.rows() + "x" + sc.cols(), n + "x" + n
                    + " (the rows of op(A))");
        }
        new Overlaps().add("a", a, false).add("c", c, true).check();
    }

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT) with A symmetric (its {@code uplo} triangle read). */
    public static void symm(Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        DType t = sameType("a", a, "b", b, "c", c);
        Arguments.requireNonNull(side, "side");
        Arguments.requireNonNull(uplo, "uplo");
        scalar("alpha", alpha, t);
        scalar("beta", beta, t);
        MatrixShape sa = square("a", a);
        MatrixShape sb = single("b", b);
        MatrixShape sc = single("c", c);
        dims("c", sc, sb.rows(), sb.cols());
        long needed = side == Side.LEFT ? sb.rows() : sb.cols();
        if (sa.rows() != needed) {
            throw new ShapeMismatchException("a", sa.rows() + "x" + sa.cols(), needed + "x" + needed);
        }
        new Overlaps().add("a", a, false).add("b", b, false).add("c", c, true).check();
        if (sa.layout() != sc.layout()) {
            // A symmetric matrix is its own transpose; only the stored triangle changes sides.
            a = StorageOrders.transposedView(a);
            uplo = uplo.flipped();
        }
        b = StorageOrders.copyIn(b, sc.layout());
        OpenBlasRoutines.symm(FuseContext.defaults(), side, uplo, alpha, a, b, beta, c);
    }
}
