package org.fusemath.blas.device;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.blas.Scalar;

/**
 * The cuBLASLt and cuBLAS entry points the device BLAS makes, one method per C function (one for every level 1–3
 * routine, described by a {@link CublasRoutineCall}), with handles,
 * descriptors and device addresses as plain {@code long}s, so that the same making code runs against the GPU
 * ({@link JavacppCublas}) or, in tests, against a CPU fake that records every call. Every argument has been
 * checked by the caller; a failed status is a {@link org.fusemath.api.CudaLibraryException}. Implementations
 * are thread-safe; each call makes its device current first.
 */
interface CublasCalls {
    /** {@code cublasLtCreate}. */
    long ltCreate();

    /** {@code cublasLtDestroy}. */
    void ltDestroy(long handle);

    /** {@code cublasLtMatmulDescCreate(computeType, scaleType)}; the values are cuBLAS's enum values. */
    long matmulDescCreate(int computeType, int scaleType);

    /** {@code cublasLtMatmulDescDestroy}. */
    void matmulDescDestroy(long desc);

    /** {@code cublasLtMatmulDescSetAttribute} with {@code value} passed as the attribute's C type. */
    void matmulDescSet(long desc, MatmulDescAttribute attribute, long value);

    /** {@code cublasLtMatrixLayoutCreate(type, rows, cols, ld)}. */
    long layoutCreate(int dataType, long rows, long cols, long ld);

    /** {@code cublasLtMatrixLayoutDestroy}. */
    void layoutDestroy(long layout);

    /** {@code cublasLtMatrixLayoutSetAttribute} with {@code value} passed as the attribute's C type. */
    void layoutSet(long layout, LayoutAttribute attribute, long value);

    /** {@code cublasLtMatmulPreferenceCreate}. */
    long preferenceCreate();

    /** {@code cublasLtMatmulPreferenceDestroy}. */
    void preferenceDestroy(long preference);

    /** {@code cublasLtMatmulPreferenceSetAttribute} with {@code value} passed as the attribute's C type. */
    void preferenceSet(long preference, PreferenceAttribute attribute, long value);

    /**
     * {@code cublasLtMatmulAlgoGetHeuristic}: at most {@code requested} algorithms for the descriptor and
     * layouts, best first, only those whose state is success; empty when none fits.
     */
    List<MatmulAlgorithm> heuristics(long handle, long desc, long aLayout, long bLayout, long cLayout, long dLayout,
                                     long preference, int requested);

    /**
     * {@code cublasLtMatmul} with host scalars of {@code scaleType} (a complex type takes both parts), queued on
     * {@code stream}.
     */
    void matmul(long handle, long desc, DType scaleType, Scalar alpha, Scalar beta, long a, long aLayout, long b,
                long bLayout, long c, long cLayout, long d, long dLayout, MatmulAlgorithm algorithm, long workspace,
                long workspaceBytes, long stream);

    /** {@code cublasCreate_v2}. */
    long blasCreate();

    /** {@code cublasDestroy_v2}. */
    void blasDestroy(long handle);

    /**
     * {@code cublasSetStream_v2} and {@code cublasSetPointerMode_v2(HOST)}, then the level 1–3 routine {@code call}
     * names ({@link CublasRoutineCall#entryPoint()}) on {@link CublasRoutineCall#arguments}.
     *
     * @param addresses the device address of each operand role's image, indexed by role ordinal
     * @return the host result of a reduction as cuBLAS writes it (dot: the value; nrm2, asum: the real value;
     *     iamax: the 1-based index as the real part), null for the other routines
     */
    Scalar routine(long handle, long stream, CublasRoutineCall call, long[] addresses);

    /** {@code cublasSetStream_v2}, then {@code cublasGemmStridedBatchedEx_64} with host scalars and CUBLAS_GEMM_DEFAULT. */
    void gemm(long handle, long stream, CublasGemmCall call, long a, long b, long c);
}
