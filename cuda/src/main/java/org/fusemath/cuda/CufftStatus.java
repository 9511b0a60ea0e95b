package org.fusemath.cuda;

import static org.fusemath.cuda.StatusCode.code;

/**
 * cuFFT result codes ({@code cufftResult}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.cufft}; {@code StatusTablesTest} proves the two agree.
 */
final class CufftStatus {
    /** Every value of the enumeration, indexed by value. */
    static final StatusIndex TABLE = StatusIndex.of(
            code("CUFFT_SUCCESS", 0),
            code("CUFFT_INVALID_PLAN", 1),
            code("CUFFT_ALLOC_FAILED", 2),
            code("CUFFT_INVALID_TYPE", 3),
            code("CUFFT_INVALID_VALUE", 4),
            code("CUFFT_INTERNAL_ERROR", 5),
            code("CUFFT_EXEC_FAILED", 6),
            code("CUFFT_SETUP_FAILED", 7),
            code("CUFFT_INVALID_SIZE", 8),
            code("CUFFT_UNALIGNED_DATA", 9),
            code("CUFFT_INVALID_DEVICE", 11),
            code("CUFFT_NO_WORKSPACE", 13),
            code("CUFFT_NOT_IMPLEMENTED", 14),
            code("CUFFT_NOT_SUPPORTED", 16),
            code("CUFFT_MISSING_DEPENDENCY", 17),
            code("CUFFT_NVRTC_FAILURE", 18),
            code("CUFFT_NVJITLINK_FAILURE", 19),
            code("CUFFT_NVSHMEM_FAILURE", 20));

    private CufftStatus() {
    }
}
