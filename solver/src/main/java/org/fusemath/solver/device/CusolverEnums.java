package org.fusemath.solver.device;

import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/**
 * The CUDA ABI numbers the solver's device calls pass (library_types.h's cudaDataType, cublas_api.h's operation
 * and fill mode); the ABI test compares each with the preset's constant of the same name. Stateless.
 */
final class CusolverEnums {
    /** {@code CUBLAS_OP_N}. */
    static final int OP_N = 0;
    /** {@code CUBLAS_OP_T}. */
    static final int OP_T = 1;
    /** {@code CUBLAS_FILL_MODE_LOWER}. */
    static final int FILL_MODE_LOWER = 0;
    /** {@code CUBLAS_FILL_MODE_UPPER}. */
    static final int FILL_MODE_UPPER = 1;
    /** {@code CUSOLVER_EIG_MODE_NOVECTOR}. */
    static final int EIG_MODE_NOVECTOR = 0;
    /** {@code CUSOLVER_EIG_MODE_VECTOR}. */
    static final int EIG_MODE_VECTOR = 1;

    private CusolverEnums() {
    }

    /** {@code CUDA_R_32F}, {@code CUDA_R_64F}, {@code CUDA_C_32F}, {@code CUDA_C_64F}. */
    static int dataType(DType t) {
        return switch (t) {
            case F32 -> 0;
            case F64 -> 1;
            case C64 -> 4;
            case C128 -> 5;
        };
    }

    /** The header's name of {@link #dataType}. */
    static String dataTypeName(DType t) {
        return switch (t) {
            case F32 -> "CUDA_R_32F";
            case F64 -> "CUDA_R_64F";
            case C64 -> "CUDA_C_32F";
            case C128 -> "CUDA_C_64F";
        };
    }

    /** The cudaDataType of the real component of {@code t} (singular values, Hermitian eigenvalues). */
    static int realDataType(DType t) {
        return t.isSinglePrecision() ? dataType(DType.F32) : dataType(DType.F64);
    }

    /** {@code CUSOLVER_EIG_MODE_VECTOR} when vectors are wanted, else {@code CUSOLVER_EIG_MODE_NOVECTOR}. */
    static int eigMode(boolean vectors) {
        return vectors ? EIG_MODE_VECTOR : EIG_MODE_NOVECTOR;
    }

    static int fillMode(Uplo uplo) {
        return uplo == Uplo.LOWER ? FILL_MODE_LOWER : FILL_MODE_UPPER;
    }
}
