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
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.device.CublasRoutines;
import org.fusemath.blas.host.OpenBlasRoutines;
import org.fusemath.blas.host.SmallGemm;

/**
 * The one-shot function forms of fusemath's BLAS: each call checks its arguments (shapes, types, layouts,
 * aliasing of outputs with inputs), then runs once on the host, with no plan kept (use {@link Matmul} to plan
 * a matmul once and run it many times). The matmul forms that take a {@link FuseContext} run on a CUDA device
 * when it asks for one ({@link org.fusemath.api.Execution#device(int)}), copying the operands in and the
 * results back, and so do the level 1–3 routines that take one (on cuBLAS: {@link CublasRoutines}); HOST and AUTO
 * compute on the host (OpenBLAS). Real types take real scalars; complex types take any.
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
        if (!SmallGemm.tryRun(opA, opB, alpha, a, b, beta, c)) {
            generalGemm(opA, opB, Scalar.of(alpha), a, b, Scalar.of(beta), c);
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C (complex scalars for complex types). */
    public static void gemm(Op opA, Op opB, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        if (!SmallGemm.tryRun(opA, opB, alpha, a, b, beta, c)) {
            generalGemm(opA, opB, alpha, a, b, beta, c);
        }
    }

    private static void generalGemm(Op opA, Op opB, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
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

    /** Whether the level 1–3 routine runs on the context's device (DEVICE) rather than on the host (HOST, AUTO). */
    private static boolean onDevice(FuseContext context) {
        return Arguments.requireNonNull(context, "context").execution().kind() == Execution.Kind.DEVICE;
    }

    /** xᵀy = Σ xᵢ·yᵢ (unconjugated for complex types). */
    public static Scalar dot(HostVector x, HostVector y) {
        return dot(FuseContext.defaults(), x, y);
    }

    /** xᵀy under a context (DEVICE: on cuBLAS, operands copied in). */
    public static Scalar dot(FuseContext context, HostVector x, HostVector y) {
        return dot(context, false, x, y);
    }

    /** xᴴy = Σ conj(xᵢ)·yᵢ (the same as {@link #dot} for real types). */
    public static Scalar dotc(HostVector x, HostVector y) {
        return dotc(FuseContext.defaults(), x, y);
    }

    /** xᴴy under a context. */
    public static Scalar dotc(FuseContext context, HostVector x, HostVector y) {
        return dot(context, true, x, y);
    }

    private static Scalar dot(FuseContext context, boolean conjugateX, HostVector x, HostVector y) {
        boolean device = onDevice(context);
        sameType("x", x, "y", y);
        length("y", y, x.length(), "as x");
        return device ? CublasRoutines.dot(context, conjugateX, x, y) : OpenBlasRoutines.dot(conjugateX, x, y);
    }

    /** y = alpha·x + y. */
    public static void axpy(Scalar alpha, HostVector x, HostVector y) {
        axpy(FuseContext.defaults(), alpha, x, y);
    }

    /** y = alpha·x + y under a context. */
    public static void axpy(FuseContext context, Scalar alpha, HostVector x, HostVector y) {
        boolean device = onDevice(context);
        DType t = sameType("x", x, "y", y);
        scalar("alpha", alpha, t);
        length("y", y, x.length(), "as x");
        new Overlaps().add("x", x, false).add("y", y, true).check();
        if (device) {
            CublasRoutines.axpy(context, alpha, x, y);
        } else {
            OpenBlasRoutines.axpy(alpha, x, y);
        }
    }

    /** y = alpha·x + y for a real alpha. */
    public static void axpy(double alpha, HostVector x, HostVector y) {
        axpy(Scalar.of(alpha), x, y);
    }

    /** x = alpha·x (IEEE arithmetic: 0·NaN is NaN). */
    public static void scal(Scalar alpha, HostVector x) {
        scal(FuseContext.defaults(), alpha, x);
    }

    /** x = alpha·x under a context. */
    public static void scal(FuseContext context, Scalar alpha, HostVector x) {
        boolean device = onDevice(context);
        scalar("alpha", alpha, sameType("x", x));
        if (device) {
            CublasRoutines.scal(context, alpha, x);
        } else {
            OpenBlasRoutines.scal(alpha, x);
        }
    }

    /** x = alpha·x for a real alpha. */
    public static void scal(double alpha, HostVector x) {
        scal(Scalar.of(alpha), x);
    }

    /** The Euclidean norm ‖x‖₂ (0 for an empty vector). */
    public static double nrm2(HostVector x) {
        return nrm2(FuseContext.defaults(), x);
    }

    /** ‖x‖₂ under a context. */
    public static double nrm2(FuseContext context, HostVector x) {
        boolean device = onDevice(context);
        sameType("x", x);
        return device ? CublasRoutines.nrm2(context, x) : OpenBlasRoutines.nrm2(x);
    }

    /** Σ |Re xᵢ| + |Im xᵢ| (BLAS asum; 0 for an empty vector). */
    public static double asum(HostVector x) {
        return asum(FuseContext.defaults(), x);
    }

    /** Σ |Re xᵢ| + |Im xᵢ| under a context. */
    public static double asum(FuseContext context, HostVector x) {
        boolean device = onDevice(context);
        sameType("x", x);
        return device ? CublasRoutines.asum(context, x) : OpenBlasRoutines.asum(x);
    }

    /** The 0-based index of the first element of largest |Re| + |Im|; -1 for an empty vector. */
    public static int iamax(HostVector x) {
        return iamax(FuseContext.defaults(), x);
    }

    /** The 0-based index of the first largest |Re| + |Im| under a context (0-based on the device too); -1 when empty. */
    public static int iamax(FuseContext context, HostVector x) {
        boolean device = onDevice(context);
        sameType("x", x);
        return device ? CublasRoutines.iamax(context, x) : OpenBlasRoutines.iamax(x);
    }

    // ---- level 2 ----

    /** y = alpha·op(A)·x + beta·y (beta = 0: y is not read; an empty x gives y = beta·y). */
    public static void gemv(Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta, HostVector y) {
        gemv(FuseContext.defaults(), op, alpha, a, x, beta, y);
    }

    /** y = alpha·op(A)·x + beta·y under a context. */
    public static void gemv(FuseContext context, Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta,
                            HostVector y) {
        boolean device = onDevice(context);
        DType t = sameType("a", a, "x", x, "y", y);
        op("op", op);
        scalar("alpha", alpha, t);
        scalar("beta", beta, t);
        MatrixShape s = single("a", a);
        length("x", x, op.colsOf(s.rows(), s.cols()), "the columns of op(A)");
        length("y", y, op.rowsOf(s.rows(), s.cols()), "the rows of op(A)");
        new Overlaps().add("a", a, false).add("x", x, false).add("y", y, true).check();
        if (device) {
            CublasRoutines.gemv(context, op, alpha, a, x, beta, y);
        } else {
            OpenBlasRoutines.gemv(context, op, alpha, a, x, beta, y);
        }
    }

    /** A = alpha·x·yᵀ + A for an m×n A, x of m, y of n (unconjugated for complex types). */
    public static void ger(Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        rank1(FuseContext.defaults(), false, alpha, x, y, a);
    }

    /** A = alpha·x·yᵀ + A under a context. */
    public static void ger(FuseContext context, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        rank1(context, false, alpha, x, y, a);
    }

    /** A = alpha·x·yᴴ + A (the same as {@link #ger} for real types). */
    public static void gerc(Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        rank1(FuseContext.defaults(), true, alpha, x, y, a);
    }

    /**
     * A = alpha·x·yᴴ + A under a context. On the device a row-major A takes a conjugated copy of y (cuBLAS's gerc
     * conjugates the other vector of the transposed view).
     */
    public static void gerc(FuseContext context, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        rank1(context, true, alpha, x, y, a);
    }

    private static void rank1(FuseContext context, boolean conjugate, Scalar alpha, HostVector x, HostVector y,
                              HostMatrix a) {
        boolean device = onDevice(context);
        DType t = sameType("a", a, "x", x, "y", y);
        scalar("alpha", alpha, t);
        MatrixShape s = single("a", a);
        length("x", x, s.rows(), "the rows of A");
        length("y", y, s.cols(), "the columns of A");
        new Overlaps().add("a", a, true).add("x", x, false).add("y", y, false).check();
        if (device) {
            CublasRoutines.ger(context, conjugate, alpha, x, y, a);
        } else {
            OpenBlasRoutines.ger(context, conjugate, alpha, x, y, a);
        }
    }

    /** Solves op(A)·z = x for the triangular n×n A, overwriting x with z. */
    public static void trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        trsv(FuseContext.defaults(), uplo, op, diag, a, x);
    }

    /** Solves op(A)·z = x in place of x under a context. */
    public static void trsv(FuseContext context, Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        boolean device = onDevice(context);
        sameType("a", a, "x", x);
        Arguments.requireNonNull(uplo, "uplo");
        Arguments.requireNonNull(diag, "diag");
        op("op", op);
        length("x", x, square("a", a).rows(), "the order of A");
        new Overlaps().add("a", a, false).add("x", x, true).check();
        if (device) {
            CublasRoutines.trsv(context, uplo, op, diag, a, x);
        } else {
            OpenBlasRoutines.trsv(uplo, op, diag, a, x);
        }
    }

    // ---- level 3 ----

    /** Solves op(A)·X = alpha·B (LEFT) or X·op(A) = alpha·B (RIGHT) for the triangular A, overwriting B with X. */
    public static void trsm(Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b) {
        triangular(FuseContext.defaults(), true, side, uplo, op, diag, alpha, a, b);
    }

    /** trsm under a context. */
    public static void trsm(FuseContext context, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                            HostMatrix b) {
        triangular(context, true, side, uplo, op, diag, alpha, a, b);
    }

    /** B = alpha·op(A)·B (LEFT) or alpha·B·op(A) (RIGHT) for the triangular A. */
    public static void trmm(Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b) {
        triangular(FuseContext.defaults(), false, side, uplo, op, diag, alpha, a, b);
    }

    /** trmm under a context. */
    public static void trmm(FuseContext context, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                            HostMatrix b) {
        triangular(context, false, side, uplo, op, diag, alpha, a, b);
    }

    private static void triangular(FuseContext context, boolean solve, Side side, Uplo uplo, Op op, Diag diag,
                                   Scalar alpha, HostMatrix a, HostMatrix b) {
        boolean device = onDevice(context);
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
        if (device) {
            CublasRoutines.triangular(context, solve, side, uplo, op, diag, alpha, a, b);
        } else {
            OpenBlasRoutines.triangular(context, solve, side, uplo, op, diag, alpha, a, b);
        }
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on the {@code uplo} triangle of the n×n C; op is NONE or TRANSPOSE. */
    public static void syrk(Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta, HostMatrix c) {
        syrk(FuseContext.defaults(), uplo, op, alpha, a, beta, c);
    }

    /** syrk under a context. */
    public static void syrk(FuseContext context, Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta,
                            HostMatrix c) {
        boolean device = onDevice(context);
        DType t = sameType("a", a, "c", c);
        Arguments.requireNonNull(uplo, "uplo");
        if (op("op", op) == Op.CONJUGATE_TRANSPOSE && t.isComplex()) {
            throw new InvalidArgumentException("op", op, "NONE or TRANSPOSE for syrk (herk takes CONJUGATE_TRANSPOSE)");
        }
        scalar("alpha", alpha, t);
        scalar("beta", beta, t);
        rankK(op, a, c);
        if (op == Op.CONJUGATE_TRANSPOSE) {
            op = Op.TRANSPOSE; // a real type: the same product
        }
        if (a.shape().layout() != c.shape().layout()) {
            // op(A)·op(A)ᵀ with A read as its transpose is the same product with the other op.
            a = StorageOrders.transposedView(a);
            op = op == Op.NONE ? Op.TRANSPOSE : Op.NONE;
        }
        if (device) {
            CublasRoutines.syrk(context, uplo, op, alpha, a, beta, c);
        } else {
            OpenBlasRoutines.syrk(context, uplo, op, alpha, a, beta, c);
        }
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on the {@code uplo} triangle (complex types; op NONE or CONJUGATE_TRANSPOSE). */
    public static void herk(Uplo uplo, Op op, double alpha, HostMatrix a, double beta, HostMatrix c) {
        herk(FuseContext.defaults(), uplo, op, alpha, a, beta, c);
    }

    /** herk under a context. */
    public static void herk(FuseContext context, Uplo uplo, Op op, double alpha, HostMatrix a, double beta,
                            HostMatrix c) {
        boolean device = onDevice(context);
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
        if (device) {
            CublasRoutines.herk(context, uplo, op, alpha, a, beta, c);
        } else {
            OpenBlasRoutines.herk(context, uplo, op, alpha, a, beta, c);
        }
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
        symm(FuseContext.defaults(), side, uplo, alpha, a, b, beta, c);
    }

    /** symm under a context. */
    public static void symm(FuseContext context, Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b,
                            Scalar beta, HostMatrix c) {
        boolean device = onDevice(context);
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
        if (device) {
            CublasRoutines.symm(context, side, uplo, alpha, a, b, beta, c);
        } else {
            OpenBlasRoutines.symm(context, side, uplo, alpha, a, b, beta, c);
        }
    }
}
