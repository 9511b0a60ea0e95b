package org.fusemath.cuda;

import static org.fusemath.cuda.StatusCode.code;

/**
 * NVRTC result codes ({@code nvrtcResult}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.nvrtc}; {@code StatusTablesTest} proves the two agree.
 */
final class NvrtcStatus {
    /** Every value of the enumeration, indexed by value. */
    static final StatusIndex TABLE = StatusIndex.of(
            code("NVRTC_SUCCESS", 0),
            code("NVRTC_ERROR_OUT_OF_MEMORY", 1),
            code("NVRTC_ERROR_PROGRAM_CREATION_FAILURE", 2),
            code("NVRTC_ERROR_INVALID_INPUT", 3),
            code("NVRTC_ERROR_INVALID_PROGRAM", 4),
            code("NVRTC_ERROR_INVALID_OPTION", 5),
            code("NVRTC_ERROR_COMPILATION", 6),
            code("NVRTC_ERROR_BUILTIN_OPERATION_FAILURE", 7),
            code("NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION", 8),
            code("NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION", 9),
            code("NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID", 10),
            code("NVRTC_ERROR_INTERNAL_ERROR", 11),
            code("NVRTC_ERROR_TIME_FILE_WRITE_FAILED", 12),
            code("NVRTC_ERROR_NO_PCH_CREATE_ATTEMPTED", 13),
            code("NVRTC_ERROR_PCH_CREATE_HEAP_EXHAUSTED", 14),
            code("NVRTC_ERROR_PCH_CREATE", 15),
            code("NVRTC_ERROR_CANCELLED", 16),
            code("NVRTC_ERROR_TIME_TRACE_FILE_WRITE_FAILED", 17));

    private NvrtcStatus() {
    }
}
