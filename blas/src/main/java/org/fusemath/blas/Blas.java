package org.fusemath.blas;

import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.device.CublasRoutines;

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
 * complex triangle under CONJUGATE_TRANSPOSE). Every call, a small product included, decides where it runs in
 * one place and logs that decision at DEBUG on the context's logger ({@code gemv on HOST via OpenBLAS: ...}).
 * Thread-safe: calls on disjoint outputs may run concurrently.
 */
public final class Blas {
    private Blas() {
    }

    /**
     * A·B into a new dense row-major matrix, as NumPy's {@code a @ b}: a batch of products when either operand
     * is batched (an operand with a batch of one is broadcast, also to an empty stack of 0), and the empty result
     * for empty operands, whatever their other extents.
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
        FuseContext context = FuseContext.defaults();
        if (epilogue == Epilogue.DEFAULT && bias == null
                && MatmulProviders.tryShortcut("matmul", context, Op.NONE, Op.NONE, 1, 0, a, b, 0, 0, c)) {
            return c;
        }
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        if (bias != null) {
            ops = ops.withBias(bias);
        }
        Matmul.runOnce("matmul", ops.specBuilder().epilogue(epilogue).build(), ops, context);
        return c;
    }

    private static HostMatrix newResult(HostMatrix a, HostMatrix b) {
        DType t = a.dtype();
        if (b.dtype() != t) {
            throw new InvalidArgumentException("b", "a " + b.dtype() + " matrix", t + " as a");
        }
        long batch = MatrixShape.broadcastBatch("a", a.shape().batch(), "b", b.shape().batch());
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
        // Scalars stay doubles up to the shortcut, so that a small product allocates nothing.
        if (!MatmulProviders.tryShortcut("gemm", FuseContext.defaults(), opA, opB, alpha, 0, a, b, beta, 0, c)) {
            generalGemm(opA, opB, Scalar.of(alpha), a, b, Scalar.of(beta), c);
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C (complex scalars for complex types). */
    public static void gemm(Op opA, Op opB, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        if (alpha == null || beta == null || !MatmulProviders.tryShortcut("gemm", FuseContext.defaults(), opA, opB,
                alpha.re(), alpha.im(), a, b, beta.re(), beta.im(), c)) {
            generalGemm(opA, opB, alpha, a, b, beta, c);
        }
    }

    private static void generalGemm(Op opA, Op opB, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        Matmul.runOnce("gemm", ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta).build(), ops,
                FuseContext.defaults());
    }

    /** The list-batched form: C[i] = alpha·op(A[i])·op(B[i]) + beta·C[i] over lists of equally shaped matrices. */
    public static void gemm(Op opA, Op opB, Scalar alpha, List<HostMatrix> a, List<HostMatrix> b, Scalar beta,
                            List<HostMatrix> c) {
        MatmulOperands ops = MatmulOperands.ofLists(a, b, c);
        if (ops.entries() == 0) {
            return;
        }
        Matmul.runOnce("gemm (list)", ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta).build(), ops,
                FuseContext.defaults());
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
        Matmul.runOnce("matmul", spec, operands, context);
    }

    // ---- level 1 to 3: each a RoutineCall (checks, storage-order rewrite, kernels), run by Dispatch ----

    /** xᵀy = Σ xᵢ·yᵢ (unconjugated for complex types). */
    public static Scalar dot(HostVector x, HostVector y) {
        return dot(FuseContext.defaults(), x, y);
    }

    /** xᵀy under a context (DEVICE: on cuBLAS, operands copied in). */
    public static Scalar dot(FuseContext context, HostVector x, HostVector y) {
        return Dispatch.run(context, Level1Calls.Dot.of(false, x, y));
    }

    /** xᴴy = Σ conj(xᵢ)·yᵢ (the same as {@link #dot} for real types). */
    public static Scalar dotc(HostVector x, HostVector y) {
        return dotc(FuseContext.defaults(), x, y);
    }

    /** xᴴy under a context. */
    public static Scalar dotc(FuseContext context, HostVector x, HostVector y) {
        return Dispatch.run(context, Level1Calls.Dot.of(true, x, y));
    }

    /** y = alpha·x + y. */
    public static void axpy(Scalar alpha, HostVector x, HostVector y) {
        axpy(FuseContext.defaults(), alpha, x, y);
    }

    /** y = alpha·x + y under a context. */
    public static void axpy(FuseContext context, Scalar alpha, HostVector x, HostVector y) {
        Dispatch.run(context, Level1Calls.Axpy.of(alpha, x, y));
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
        Dispatch.run(context, Level1Calls.Scal.of(alpha, x));
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
        return Dispatch.run(context, Level1Calls.Reduction.nrm2(x));
    }

    /** Σ |Re xᵢ| + |Im xᵢ| (BLAS asum; 0 for an empty vector). */
    public static double asum(HostVector x) {
        return asum(FuseContext.defaults(), x);
    }

    /** Σ |Re xᵢ| + |Im xᵢ| under a context. */
    public static double asum(FuseContext context, HostVector x) {
        return Dispatch.run(context, Level1Calls.Reduction.asum(x));
    }

    /** The 0-based index of the first element of largest |Re| + |Im|; -1 for an empty vector. */
    public static int iamax(HostVector x) {
        return iamax(FuseContext.defaults(), x);
    }

    /** The 0-based index of the first largest |Re| + |Im| under a context (0-based on the device too); -1 when empty. */
    public static int iamax(FuseContext context, HostVector x) {
        return Dispatch.run(context, Level1Calls.Reduction.iamax(x));
    }

    /** y = alpha·op(A)·x + beta·y (beta = 0: y is not read; an empty x gives y = beta·y). */
    public static void gemv(Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta, HostVector y) {
        gemv(FuseContext.defaults(), op, alpha, a, x, beta, y);
    }

    /** y = alpha·op(A)·x + beta·y under a context. */
    public static void gemv(FuseContext context, Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta,
                            HostVector y) {
        Dispatch.run(context, Level2Calls.Gemv.of(op, alpha, a, x, beta, y));
    }

    /** A = alpha·x·yᵀ + A for an m×n A, x of m, y of n (unconjugated for complex types). */
    public static void ger(Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        ger(FuseContext.defaults(), alpha, x, y, a);
    }

    /** A = alpha·x·yᵀ + A under a context. */
    public static void ger(FuseContext context, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        Dispatch.run(context, Level2Calls.Rank1.of(false, alpha, x, y, a));
    }

    /** A = alpha·x·yᴴ + A (the same as {@link #ger} for real types). */
    public static void gerc(Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        gerc(FuseContext.defaults(), alpha, x, y, a);
    }

    /**
     * A = alpha·x·yᴴ + A under a context. On the device a row-major A takes a conjugated copy of y (cuBLAS's gerc
     * conjugates the other vector of the transposed view).
     */
    public static void gerc(FuseContext context, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        Dispatch.run(context, Level2Calls.Rank1.of(true, alpha, x, y, a));
    }

    /** Solves op(A)·z = x for the triangular n×n A, overwriting x with z. */
    public static void trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        trsv(FuseContext.defaults(), uplo, op, diag, a, x);
    }

    /** Solves op(A)·z = x in place of x under a context. */
    public static void trsv(FuseContext context, Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        Dispatch.run(context, Level2Calls.Trsv.of(uplo, op, diag, a, x));
    }

    /** Solves op(A)·X = alpha·B (LEFT) or X·op(A) = alpha·B (RIGHT) for the triangular A, overwriting B with X. */
    public static void trsm(Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b) {
        trsm(FuseContext.defaults(), side, uplo, op, diag, alpha, a, b);
    }

    /** trsm under a context. */
    public static void trsm(FuseContext context, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                            HostMatrix b) {
        Dispatch.run(context, Level3Calls.Triangular.of(true, side, uplo, op, diag, alpha, a, b));
    }

    /** B = alpha·op(A)·B (LEFT) or alpha·B·op(A) (RIGHT) for the triangular A. */
    public static void trmm(Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b) {
        trmm(FuseContext.defaults(), side, uplo, op, diag, alpha, a, b);
    }

    /** trmm under a context. */
    public static void trmm(FuseContext context, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                            HostMatrix b) {
        Dispatch.run(context, Level3Calls.Triangular.of(false, side, uplo, op, diag, alpha, a, b));
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on the {@code uplo} triangle of the n×n C; op is NONE or TRANSPOSE. */
    public static void syrk(Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta, HostMatrix c) {
        syrk(FuseContext.defaults(), uplo, op, alpha, a, beta, c);
    }

    /** syrk under a context. */
    public static void syrk(FuseContext context, Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta,
                            HostMatrix c) {
        Dispatch.run(context, Level3Calls.Syrk.of(uplo, op, alpha, a, beta, c));
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on the {@code uplo} triangle (complex types; op NONE or CONJUGATE_TRANSPOSE). */
    public static void herk(Uplo uplo, Op op, double alpha, HostMatrix a, double beta, HostMatrix c) {
        herk(FuseContext.defaults(), uplo, op, alpha, a, beta, c);
    }

    /** herk under a context. */
    public static void herk(FuseContext context, Uplo uplo, Op op, double alpha, HostMatrix a, double beta,
                            HostMatrix c) {
        Dispatch.run(context, Level3Calls.Herk.of(uplo, op, alpha, a, beta, c));
    }

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT) with A symmetric (its {@code uplo} triangle read). */
    public static void symm(Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        symm(FuseContext.defaults(), side, uplo, alpha, a, b, beta, c);
    }

    /** symm under a context. */
    public static void symm(FuseContext context, Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b,
                            Scalar beta, HostMatrix c) {
        Dispatch.run(context, Level3Calls.Symm.of(side, uplo, alpha, a, b, beta, c));
    }
}
