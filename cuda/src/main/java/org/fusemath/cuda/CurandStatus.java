package org.fusemath.cuda;

/**
 * cuRAND status codes ({@code curandStatus_t}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.curand}; {@code StatusTablesTest} proves the two agree.
 */
enum CurandStatus implements StatusCode {
    CURAND_STATUS_SUCCESS(0),
    CURAND_STATUS_VERSION_MISMATCH(100),
    CURAND_STATUS_NOT_INITIALIZED(101),
    CURAND_STATUS_ALLOCATION_FAILED(102),
    CURAND_STATUS_TYPE_ERROR(103),
    CURAND_STATUS_OUT_OF_RANGE(104),
    CURAND_STATUS_LENGTH_NOT_MULTIPLE(105),
    CURAND_STATUS_DOUBLE_PRECISION_REQUIRED(106),
    CURAND_STATUS_LAUNCH_FAILURE(201),
    CURAND_STATUS_PREEXISTING_FAILURE(202),
    CURAND_STATUS_INITIALIZATION_FAILED(203),
    CURAND_STATUS_ARCH_MISMATCH(204),
    CURAND_STATUS_INTERNAL_ERROR(999);

    private static final StatusIndex INDEX = StatusIndex.of(values());

    private final int code;

    CurandStatus(int code) {
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
