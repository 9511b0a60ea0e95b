package org.fusemath.blas.device;

import org.fusemath.api.DType;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * A {@code cublasGemmStridedBatchedEx_64} call as plain data: C = alpha·op(A)·op(B) + beta·C for
 * {@code batchCount} column-major entries, with cuBLAS's BLAS semantics (k = 0 or alpha = 0: A and B are not
 * read; beta = 0: C is not read).
 *
 * <p>The device matmul uses it where those semantics matter and cuBLASLt documents none: a product with
 * k = 0 or alpha = 0 and no epilogue, which is C scaled by beta ({@link #scaleByBeta}).
 *
 * @param dtype       A, B, C and scale type
 * @param computeType cublasComputeType_t of the call
 * @param transa      op on A
 * @param transb      op on B
 * @param m           rows of C
 * @param n           columns of C
 * @param k           inner dimension
 * @param alpha       alpha
 * @param lda         leading dimension of A
 * @param strideA     elements between entries of A
 * @param ldb         leading dimension of B
 * @param strideB     elements between entries of B
 * @param beta        beta
 * @param ldc         leading dimension of C
 * @param strideC     elements between entries of C
 * @param batchCount  entries
 */
public record CublasGemmCall(DType dtype, CublasLtCall.ComputeType computeType, Op transa, Op transb, long m, long n,
                             long k, Scalar alpha, long lda, long strideA, long ldb, long strideB, Scalar beta, long ldc,
                             long strideC, long batchCount) {

    /**
     * The gemm that computes D = beta·C of {@code lt} without reading A or B: k = 0 on the column-major view
     * of D (a row-order D is read as its transpose; scaling is element-wise, so the view does not matter).
     * A and B get the smallest legal leading dimensions, as cuBLAS checks them even when it reads nothing.
     */
    public static CublasGemmCall scaleByBeta(CublasLtCall lt) {
        CublasLtCall.MatrixLayout c = lt.c();
        boolean col = c.order() == CublasLtCall.Order.COL;
        long rows = col ? c.rows() : c.cols();
        long cols = col ? c.cols() : c.rows();
        return new CublasGemmCall(lt.dtype(), lt.computeType(), Op.NONE, Op.NONE, rows, cols, 0, Scalar.ZERO,
                Math.max(1, rows), 0, 1, 0, lt.beta(), c.ld(), c.batchStride(), lt.batchCount());
    }

    /** The call as text, for logs. */
    public String describe() {
        return "cublasGemmStridedBatchedEx_64(" + dtype + ", " + computeType + ", m=" + m + ", n=" + n + ", k=" + k
                + ", alpha=" + alpha + ", beta=" + beta + ", ldc=" + ldc + ", strideC=" + strideC + ", batch=" + batchCount + ")";
    }
}
