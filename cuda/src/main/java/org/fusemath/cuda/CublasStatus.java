package org.fusemath.cuda;

import static org.fusemath.cuda.StatusCode.code;

/**
 * cuBLAS and cuBLASLt status codes ({@code cublasStatus_t}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.cublas}; {@code StatusTablesTest} proves the two agree.
 */
final class CublasStatus {
    /** Every value of the enumeration, indexed by value. */
    static final StatusIndex TABLE = StatusIndex.of(
            code("CUBLAS_STATUS_SUCCESS", 0),
            code("CUBLAS_STATUS_NOT_INITIALIZED", 1),
            code("CUBLAS_STATUS_ALLOC_FAILED", 3),
            code("CUBLAS_STATUS_INVALID_VALUE", 7),
            code("CUBLAS_STATUS_ARCH_MISMATCH", 8),
            code("CUBLAS_STATUS_MAPPING_ERROR", 11),
            code("CUBLAS_STATUS_EXECUTION_FAILED", 13),
            code("CUBLAS_STATUS_INTERNAL_ERROR", 14),
            code("CUBLAS_STATUS_NOT_SUPPORTED", 15),
            code("CUBLAS_STATUS_LICENSE_ERROR", 16));

    private CublasStatus() {
    }
}
