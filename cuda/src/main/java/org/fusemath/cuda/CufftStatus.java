package org.fusemath.cuda;

/**
 * cuFFT result codes ({@code cufftResult}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.cufft}; {@code StatusTablesTest} proves the two agree.
 */
enum CufftStatus implements StatusCode {
    CUFFT_SUCCESS(0),
    CUFFT_INVALID_PLAN(1),
    CUFFT_ALLOC_FAILED(2),
    CUFFT_INVALID_TYPE(3),
    CUFFT_INVALID_VALUE(4),
    CUFFT_INTERNAL_ERROR(5),
    CUFFT_EXEC_FAILED(6),
    CUFFT_SETUP_FAILED(7),
    CUFFT_INVALID_SIZE(8),
    CUFFT_UNALIGNED_DATA(9),
    CUFFT_INVALID_DEVICE(11),
    CUFFT_NO_WORKSPACE(13),
    CUFFT_NOT_IMPLEMENTED(14),
    CUFFT_NOT_SUPPORTED(16),
    CUFFT_MISSING_DEPENDENCY(17),
    CUFFT_NVRTC_FAILURE(18),
    CUFFT_NVJITLINK_FAILURE(19),
    CUFFT_NVSHMEM_FAILURE(20);

    private static final StatusIndex INDEX = StatusIndex.of(values());

    private final int code;

    CufftStatus(int code) {
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
