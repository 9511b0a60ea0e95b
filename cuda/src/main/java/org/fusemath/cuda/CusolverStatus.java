package org.fusemath.cuda;

import static org.fusemath.cuda.StatusCode.code;

/**
 * cuSOLVER status codes ({@code cusolverStatus_t}) with the numeric values of the CUDA 13.1 headers, as bound by the JavaCPP preset
 * {@code org.bytedeco.cuda.global.cusolver}; {@code StatusTablesTest} proves the two agree.
 */
final class CusolverStatus {
    /** Every value of the enumeration, indexed by value. */
    static final StatusIndex TABLE = StatusIndex.of(
            code("CUSOLVER_STATUS_SUCCESS", 0),
            code("CUSOLVER_STATUS_NOT_INITIALIZED", 1),
            code("CUSOLVER_STATUS_ALLOC_FAILED", 2),
            code("CUSOLVER_STATUS_INVALID_VALUE", 3),
            code("CUSOLVER_STATUS_ARCH_MISMATCH", 4),
            code("CUSOLVER_STATUS_MAPPING_ERROR", 5),
            code("CUSOLVER_STATUS_EXECUTION_FAILED", 6),
            code("CUSOLVER_STATUS_INTERNAL_ERROR", 7),
            code("CUSOLVER_STATUS_MATRIX_TYPE_NOT_SUPPORTED", 8),
            code("CUSOLVER_STATUS_NOT_SUPPORTED", 9),
            code("CUSOLVER_STATUS_ZERO_PIVOT", 10),
            code("CUSOLVER_STATUS_INVALID_LICENSE", 11),
            code("CUSOLVER_STATUS_IRS_PARAMS_NOT_INITIALIZED", 12),
            code("CUSOLVER_STATUS_IRS_PARAMS_INVALID", 13),
            code("CUSOLVER_STATUS_IRS_PARAMS_INVALID_PREC", 14),
            code("CUSOLVER_STATUS_IRS_PARAMS_INVALID_REFINE", 15),
            code("CUSOLVER_STATUS_IRS_PARAMS_INVALID_MAXITER", 16),
            code("CUSOLVER_STATUS_IRS_INTERNAL_ERROR", 20),
            code("CUSOLVER_STATUS_IRS_NOT_SUPPORTED", 21),
            code("CUSOLVER_STATUS_IRS_OUT_OF_RANGE", 22),
            code("CUSOLVER_STATUS_IRS_NRHS_NOT_SUPPORTED_FOR_REFINE_GMRES", 23),
            code("CUSOLVER_STATUS_IRS_INFOS_NOT_INITIALIZED", 25),
            code("CUSOLVER_STATUS_IRS_INFOS_NOT_DESTROYED", 26),
            code("CUSOLVER_STATUS_IRS_MATRIX_SINGULAR", 30),
            code("CUSOLVER_STATUS_INVALID_WORKSPACE", 31));

    private CusolverStatus() {
    }
}
