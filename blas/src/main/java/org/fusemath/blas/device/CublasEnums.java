package org.fusemath.blas.device;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.fusemath.api.DType;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Op;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The numeric cuBLAS and CUDA enum values of the planning records' terms: cudaDataType_t of a {@link DType},
 * cublasOperation_t of an {@link Op}, cublasFillMode_t, cublasSideMode_t, cublasDiagType_t, cublasLtOrder_t and
 * cublasComputeType_t. The values are the JavaCPP
 * preset's compile-time constants, inlined by javac, so this class loads nothing native. Stateless.
 */
final class CublasEnums {
    /** cublasGemmAlgo_t CUBLAS_GEMM_DEFAULT. */
    static final int GEMM_DEFAULT = cublas.CUBLAS_GEMM_DEFAULT;
    /** cublasPointerMode_t CUBLAS_POINTER_MODE_HOST: scalars and results live in host memory. */
    static final int POINTER_MODE_HOST = cublas.CUBLAS_POINTER_MODE_HOST;
    /** CUBLAS_STATUS_NOT_SUPPORTED, what cuBLASLt's heuristic reports when no algorithm fits. */
    static final int STATUS_NOT_SUPPORTED = cublas.CUBLAS_STATUS_NOT_SUPPORTED;

    private CublasEnums() {
    }

    /** cudaDataType_t: CUDA_R_32F, CUDA_R_64F, CUDA_C_32F, CUDA_C_64F. */
    static int dataType(DType t) {
        return switch (t) {
            case F32 -> cudart.CUDA_R_32F;
            case F64 -> cudart.CUDA_R_64F;
            case C64 -> cudart.CUDA_C_32F;
            case C128 -> cudart.CUDA_C_64F;
        };
    }

    /** cublasOperation_t: CUBLAS_OP_N, _T, _C. */
    static int op(Op op) {
        return switch (op) {
            case NONE -> cublas.CUBLAS_OP_N;
            case TRANSPOSE -> cublas.CUBLAS_OP_T;
            case CONJUGATE_TRANSPOSE -> cublas.CUBLAS_OP_C;
        };
    }

    /** cublasFillMode_t: CUBLAS_FILL_MODE_UPPER or _LOWER. */
    static int fill(Uplo uplo) {
        return uplo == Uplo.UPPER ? cublas.CUBLAS_FILL_MODE_UPPER : cublas.CUBLAS_FILL_MODE_LOWER;
    }

    /** cublasSideMode_t: CUBLAS_SIDE_LEFT or _RIGHT. */
    static int side(Side side) {
        return side == Side.LEFT ? cublas.CUBLAS_SIDE_LEFT : cublas.CUBLAS_SIDE_RIGHT;
    }

    /** cublasDiagType_t: CUBLAS_DIAG_NON_UNIT or _UNIT. */
    static int diag(Diag diag) {
        return diag == Diag.UNIT ? cublas.CUBLAS_DIAG_UNIT : cublas.CUBLAS_DIAG_NON_UNIT;
    }

    /** cublasLtOrder_t: CUBLASLT_ORDER_COL or _ROW. */
    static int order(CublasLtCall.Order order) {
        return order == CublasLtCall.Order.COL ? cublas.CUBLASLT_ORDER_COL : cublas.CUBLASLT_ORDER_ROW;
    }

    /** cublasComputeType_t. */
    static int computeType(CublasLtCall.ComputeType type) {
        return switch (type) {
            case COMPUTE_32F -> cublas.CUBLAS_COMPUTE_32F;
            case COMPUTE_32F_PEDANTIC -> cublas.CUBLAS_COMPUTE_32F_PEDANTIC;
            case COMPUTE_32F_FAST_TF32 -> cublas.CUBLAS_COMPUTE_32F_FAST_TF32;
            case COMPUTE_64F -> cublas.CUBLAS_COMPUTE_64F;
            case COMPUTE_64F_PEDANTIC -> cublas.CUBLAS_COMPUTE_64F_PEDANTIC;
        };
    }
}
