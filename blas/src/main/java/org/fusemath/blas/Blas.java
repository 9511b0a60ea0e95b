package org.fusemath.blas;

import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;

/**
 * The one-shot function forms of fusemath's BLAS: each call checks its arguments, plans and runs once, with no
 * plan kept (use {@link Matmul} to plan once and run many times). Thread-safe: calls on disjoint outputs may
 * run concurrently.
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
}
