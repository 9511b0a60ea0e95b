package org.fusemath.cuda;

/**
 * cuSOLVER status codes ({@code cusolverStatus_t}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.cusolver}; {@code StatusTablesTest} proves the two agree.
 */
enum CusolverStatus implements StatusCode {
    CUSOLVER_STATUS_SUCCESS(0),
    CUSOLVER_STATUS_NOT_INITIALIZED(1),
    CUSOLVER_STATUS_ALLOC_FAILED(2),
    CUSOLVER_STATUS_INVALID_VALUE(3),
    CUSOLVER_STATUS_ARCH_MISMATCH(4),
    CUSOLVER_STATUS_MAPPING_ERROR(5),
    CUSOLVER_STATUS_EXECUTION_FAILED(6),
    CUSOLVER_STATUS_INTERNAL_ERROR(7),
    CUSOLVER_STATUS_MATRIX_TYPE_NOT_SUPPORTED(8),
    CUSOLVER_STATUS_NOT_SUPPORTED(9),
    CUSOLVER_STATUS_ZERO_PIVOT(10),
    CUSOLVER_STATUS_INVALID_LICENSE(11),
    CUSOLVER_STATUS_IRS_PARAMS_NOT_INITIALIZED(12),
    CUSOLVER_STATUS_IRS_PARAMS_INVALID(13),
    CUSOLVER_STATUS_IRS_PARAMS_INVALID_PREC(14),
    CUSOLVER_STATUS_IRS_PARAMS_INVALID_REFINE(15),
    CUSOLVER_STATUS_IRS_PARAMS_INVALID_MAXITER(16),
    CUSOLVER_STATUS_IRS_INTERNAL_ERROR(20),
    CUSOLVER_STATUS_IRS_NOT_SUPPORTED(21),
    CUSOLVER_STATUS_IRS_OUT_OF_RANGE(22),
    CUSOLVER_STATUS_IRS_NRHS_NOT_SUPPORTED_FOR_REFINE_GMRES(23),
    CUSOLVER_STATUS_IRS_INFOS_NOT_INITIALIZED(25),
    CUSOLVER_STATUS_IRS_INFOS_NOT_DESTROYED(26),
    CUSOLVER_STATUS_IRS_MATRIX_SINGULAR(30),
    CUSOLVER_STATUS_INVALID_WORKSPACE(31);

    private static final StatusIndex INDEX = StatusIndex.of(values());

    private final int code;

    CusolverStatus(int code) {
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
