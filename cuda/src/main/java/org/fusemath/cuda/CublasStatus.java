package org.fusemath.cuda;

/**
 * cuBLAS and cuBLASLt status codes ({@code cublasStatus_t}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.cublas}; {@code StatusTablesTest} proves the two agree.
 */
enum CublasStatus implements StatusCode {
    CUBLAS_STATUS_SUCCESS(0),
    CUBLAS_STATUS_NOT_INITIALIZED(1),
    CUBLAS_STATUS_ALLOC_FAILED(3),
    CUBLAS_STATUS_INVALID_VALUE(7),
    CUBLAS_STATUS_ARCH_MISMATCH(8),
    CUBLAS_STATUS_MAPPING_ERROR(11),
    CUBLAS_STATUS_EXECUTION_FAILED(13),
    CUBLAS_STATUS_INTERNAL_ERROR(14),
    CUBLAS_STATUS_NOT_SUPPORTED(15),
    CUBLAS_STATUS_LICENSE_ERROR(16);

    private static final StatusIndex INDEX = StatusIndex.of(values());

    private final int code;

    CublasStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The symbolic name of {@code code}, or null when this table has none. */
    static String nameOf(int code) {
        return INDEX.nameOf(code);
    }
}
