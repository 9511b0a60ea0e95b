package org.fusemath.blas.device;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * The cuBLASLt call a {@link MatmulSpec} becomes, as plain data in cuBLASLt's own terms:
 * {@code D = epilogue(alpha·op(A)·op(B) + beta·C)} with D in place of C, column-major unless a layout says
 * ROW.
 *
 * <p>A row-major result is computed through the operand swap Cᵀ = op(B)ᵀ·op(A)ᵀ: cuBLASLt's A is the
 * user's B and its B the user's A, every layout is column-major (a row-major operand's storage read as its
 * transpose), and m, n exchange. In that view the user's per-column bias is cuBLASLt's native per-row bias
 * (length m of the view), the aux matrices keep the result's row stride as their column-major leading
 * dimension, and BGRADA/BGRADB exchange. A column-major result needs no swap. The one product the swap
 * cannot express, a complex conjugate transpose (its transpose is a conjugate without transpose, which
 * cuBLAS lacks), keeps every operand in its own order instead ({@link Order#ROW} layouts); complex types take
 * no epilogue, so nothing needs the column-major view there.
 *
 * @param dtype          the A, B, C, D and scale type
 * @param computeType    CUBLASLT_MATMUL_DESC_COMPUTE_TYPE
 * @param swapped        whether the operand swap applies
 * @param a              cuBLASLt's A: which user operand, its op (TRANSA) and layout
 * @param b              cuBLASLt's B
 * @param c              the layout of C and D
 * @param m              rows of cuBLASLt's D
 * @param n              columns of cuBLASLt's D
 * @param k              the inner dimension
 * @param batchCount     CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT of every layout
 * @param alpha          alpha
 * @param beta           beta (0: C is not read)
 * @param epilogue       the CUBLASLT_EPILOGUE_* value
 * @param bias           bias vector geometry (BIAS_POINTER, BIAS_BATCH_STRIDE), or null
 * @param aux            aux geometry (EPILOGUE_AUX_LD, _BATCH_STRIDE), or null
 * @param workspaceBytes the workspace limit for the heuristic query
 */
public record CublasLtCall(DType dtype, ComputeType computeType, boolean swapped, Operand a, Operand b,
                           MatrixLayout c, long m, long n, long k, long batchCount, Scalar alpha, Scalar beta,
                           int epilogue, BiasVector bias, AuxMatrix aux, long workspaceBytes) {

    /** CUBLASLT_MATRIX_LAYOUT_ORDER. */
    public enum Order {
        /** CUBLASLT_ORDER_COL. */
        COL,
        /** CUBLASLT_ORDER_ROW. */
        ROW
    }

    /** Which operand of the user's spec feeds a cuBLASLt role. */
    public enum Source {
        /** The spec's A. */
        A,
        /** The spec's B. */
        B
    }

    /** cublasComputeType_t, named as in cublas_api.h without the CUBLAS_ prefix. */
    public enum ComputeType {
        /** CUBLAS_COMPUTE_32F. */
        COMPUTE_32F,
        /** CUBLAS_COMPUTE_32F_PEDANTIC. */
        COMPUTE_32F_PEDANTIC,
        /** CUBLAS_COMPUTE_32F_FAST_TF32. */
        COMPUTE_32F_FAST_TF32,
        /** CUBLAS_COMPUTE_64F. */
        COMPUTE_64F,
        /** CUBLAS_COMPUTE_64F_PEDANTIC. */
        COMPUTE_64F_PEDANTIC
    }

    /**
     * A cublasLtMatrixLayout: order, rows, columns, leading dimension and strided-batch offset in elements
     * (0 broadcasts one matrix to every batch entry).
     *
     * @param order       storage order
     * @param rows        rows
     * @param cols        columns
     * @param ld          leading dimension
     * @param batchStride elements between batch entries
     */
    public record MatrixLayout(Order order, long rows, long cols, long ld, long batchStride) {
    }

    /**
     * One cuBLASLt input: the user operand it reads, the op cuBLASLt applies (TRANSA/TRANSB) and its layout.
     *
     * @param source the user operand
     * @param op     cuBLASLt's op on it
     * @param layout its layout
     */
    public record Operand(Source source, Op op, MatrixLayout layout) {
    }

    /**
     * The bias vector: {@code length} packed elements per batch entry, one per row of cuBLASLt's D (or of its
     * A for BGRADA, per column for BGRADB), {@code batchStride} apart (0: one vector for every entry).
     *
     * @param length      elements
     * @param batchStride elements between entries
     */
    public record BiasVector(long length, long batchStride) {
    }

    /**
     * The aux operand in cuBLASLt's column-major view of D: a GELU input matrix (ld in elements) or a ReLU bit
     * mask (ld in bits, a multiple of 128).
     *
     * @param bitMask     whether it is the ReLU mask
     * @param ld          leading dimension (elements, or bits for the mask)
     * @param batchStride elements (or bits) between entries
     */
    public record AuxMatrix(boolean bitMask, long ld, long batchStride) {
    }

    /**
     * Plans the cuBLASLt call for {@code spec}; rejects what cuBLASLt cannot do in one call: the list-batched
     * form (the device provider packs a list into a strided batch first), aux leading dimensions and batch
     * strides that are not 8-element / 128-bit multiples, and DRELU epilogues with k = 1.
     */
    public static CublasLtCall plan(MatmulSpec spec) {
        Arguments.requireNonNull(spec, "spec");
        if (spec.batchMode() == MatmulSpec.BatchMode.LIST) {
            throw new InvalidArgumentException("spec.batchMode", spec.batchMode(),
                    "STRIDED for cuBLASLt (the device provider packs a list into a strided batch first: DeviceLayout)");
        }
        DType t = spec.dtype();
        Epilogue e = spec.epilogue();
        boolean conjugate = t.isComplex()
                && (spec.opA() == Op.CONJUGATE_TRANSPOSE || spec.opB() == Op.CONJUGATE_TRANSPOSE);
        boolean swapped = spec.c().layout() == Layout.ROW_MAJOR && !conjugate;
        Operand a;
        Operand b;
        MatrixLayout c;
        long m;
        long n;
        if (swapped) {
            a = transposedRole(Source.B, spec.opB(), spec.b(), spec.broadcastsB());
            b = transposedRole(Source.A, spec.opA(), spec.a(), spec.broadcastsA());
            c = new MatrixLayout(Order.COL, spec.n(), spec.m(), spec.c().ld(), stride(spec.c(), false));
            m = spec.n();
            n = spec.m();
        } else {
            a = ownOrder(Source.A, spec.opA(), spec.a(), spec.broadcastsA());
            b = ownOrder(Source.B, spec.opB(), spec.b(), spec.broadcastsB());
            MatrixShape sc = spec.c();
            c = new MatrixLayout(order(sc.layout()), sc.rows(), sc.cols(), sc.ld(), stride(sc, false));
            m = spec.m();
            n = spec.n();
        }
        int value = e.cublasLtValue();
        if (swapped && e == Epilogue.BGRADA) {
            value = Epilogue.BGRADB.cublasLtValue();
        } else if (swapped && e == Epilogue.BGRADB) {
            value = Epilogue.BGRADA.cublasLtValue();
        }
        BiasVector bias = null;
        if (e.usesBiasVector()) {
            MatrixShape sb = spec.bias();
            bias = new BiasVector(e.biasLength(spec.m(), spec.n()), sb.batch() == 1 ? 0 : sb.batchStride());
        }
        AuxMatrix aux = null;
        if (e.auxKind() != Epilogue.AuxKind.NONE) {
            boolean mask = e.auxKind() == Epilogue.AuxKind.RELU_MASK;
            long ld = spec.aux().ld();
            long align = mask ? 128 : 8;
            if (ld % align != 0) {
                throw new InvalidArgumentException("aux.ld", ld, "a multiple of " + align + (mask ? " bits" : " elements")
                        + " for cuBLASLt (Epilogue.alignedAuxLd(" + spec.n() + ") = " + e.alignedAuxLd(spec.n()) + ")");
            }
            long auxStride = spec.aux().batch() == 1 ? 0 : spec.aux().batchStride();
            if (auxStride % align != 0) {
                // Held to the leading dimension's alignment: every entry must start where a row could.
                throw new InvalidArgumentException("aux.batchStride", auxStride, "a multiple of " + align
                        + (mask ? " bits" : " elements") + " for cuBLASLt, as the leading dimension");
            }
            aux = new AuxMatrix(mask, ld, auxStride);
        }
        if (e.derivative() == Epilogue.Activation.RELU && spec.k() == 1) {
            throw new InvalidArgumentException("k", 1, "k > 1 for " + e + " (cuBLASLt does not run DRELU with k = 1)");
        }
        return new CublasLtCall(t, computeType(t, spec.options().computeMode()), swapped, a, b, c, m, n, spec.k(),
                spec.batchCount(), spec.alpha(), spec.beta(), value, bias, aux, spec.options().workspaceLimitBytes());
    }

    private static Order order(Layout layout) {
        return layout == Layout.ROW_MAJOR ? Order.ROW : Order.COL;
    }

    private static long stride(MatrixShape s, boolean broadcast) {
        return broadcast || s.batch() == 1 ? 0 : s.batchStride();
    }

    /** The operand in its own storage order with the user's op. */
    private static Operand ownOrder(Source source, Op op, MatrixShape s, boolean broadcast) {
        return new Operand(source, op, new MatrixLayout(order(s.layout()), s.rows(), s.cols(), s.ld(), stride(s, broadcast)));
    }

    /**
     * The operand for the swapped product, which needs op(X)ᵀ: its storage read column-major is X (column-major
     * X) or Xᵀ (row-major X), and op(X)ᵀ is that storage as is or transposed (a real or non-conjugated op).
     */
    private static Operand transposedRole(Source source, Op op, MatrixShape s, boolean broadcast) {
        boolean rowMajor = s.layout() == Layout.ROW_MAJOR;
        long rows = rowMajor ? s.cols() : s.rows();
        long cols = rowMajor ? s.rows() : s.cols();
        Op cublasOp = rowMajor == (op == Op.NONE) ? Op.NONE : Op.TRANSPOSE;
        return new Operand(source, cublasOp, new MatrixLayout(Order.COL, rows, cols, s.ld(), stride(s, broadcast)));
    }

    private static ComputeType computeType(DType t, MatmulOptions.ComputeMode mode) {
        if (t.isSinglePrecision()) {
            return switch (mode) {
                case DEFAULT -> ComputeType.COMPUTE_32F;
                case PEDANTIC -> ComputeType.COMPUTE_32F_PEDANTIC;
                case FAST_TF32 -> ComputeType.COMPUTE_32F_FAST_TF32;
            };
        }
        return mode == MatmulOptions.ComputeMode.PEDANTIC ? ComputeType.COMPUTE_64F_PEDANTIC : ComputeType.COMPUTE_64F;
    }
}
