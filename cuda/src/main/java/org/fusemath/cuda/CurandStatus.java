package org.fusemath.cuda;

import static org.fusemath.cuda.StatusCode.code;

/**
 * cuRAND status codes ({@code curandStatus_t}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.curand}; {@code StatusTablesTest} proves the two agree.
 */
final class CurandStatus {
    /** Every value of the enumeration, indexed by value. */
    static final StatusIndex TABLE = StatusIndex.of(
            code("CURAND_STATUS_SUCCESS", 0),
            code("CURAND_STATUS_VERSION_MISMATCH", 100),
            code("CURAND_STATUS_NOT_INITIALIZED", 101),
            code("CURAND_STATUS_ALLOCATION_FAILED", 102),
            code("CURAND_STATUS_TYPE_ERROR", 103),
            code("CURAND_STATUS_OUT_OF_RANGE", 104),
            code("CURAND_STATUS_LENGTH_NOT_MULTIPLE", 105),
            code("CURAND_STATUS_DOUBLE_PRECISION_REQUIRED", 106),
            code("CURAND_STATUS_LAUNCH_FAILURE", 201),
            code("CURAND_STATUS_PREEXISTING_FAILURE", 202),
            code("CURAND_STATUS_INITIALIZATION_FAILED", 203),
            code("CURAND_STATUS_ARCH_MISMATCH", 204),
            code("CURAND_STATUS_INTERNAL_ERROR", 999));

    private CurandStatus() {
    }
}
