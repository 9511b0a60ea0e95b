package org.fusemath.solver.device;

/**
 * The cuSOLVER and cuBLAS entry points the device solvers make, with handles and device addresses as plain
 * {@code long}s, so that the same making code runs against the GPU ({@link JavacppCusolver}) or, in tests, a CPU
 * fake that executes each {@link CusolverCall} through LAPACK. Every argument has been checked by the caller; a
 * failed status is a {@link org.fusemath.api.CudaLibraryException}. Each call makes its device current first.
 */
interface CusolverCalls {
    /** {@code cusolverDnCreate}. */
    long solverCreate();

    /** {@code cusolverDnDestroy}. */
    void solverDestroy(long handle);

    /** {@code cusolverDnSetStream}. */
    void solverSetStream(long handle, long stream);

    /** {@code cusolverDnCreateParams} (the generic API's options: defaults). */
    long paramsCreate();

    /** {@code cusolverDnDestroyParams}. */
    void paramsDestroy(long params);

    /** {@code cublasCreate_v2}. */
    long blasCreate();

    /** {@code cublasDestroy_v2}. */
    void blasDestroy(long handle);

    /** {@code cublasSetStream_v2}. */
    void blasSetStream(long handle, long stream);

    /** A {@code *_bufferSize} query for the matrix at {@code a}: {device bytes, host bytes}. */
    long[] bufferSize(long handle, long params, CusolverCall query, long a);

    /**
     * Makes {@code call} (a non-query routine) on {@code operands}; {@code handle} is the cuSOLVER handle, or the
     * cuBLAS one for {@link CusolverCall.Routine#cublas()} routines.
     */
    void run(long handle, long params, CusolverCall call, Operands operands);

    /**
     * The device addresses a call works on. Single-matrix routines: {@code a}, {@code b} the matrices, {@code ipiv}
     * (int64 pivots), {@code info} one int; batched routines: {@code a}, {@code b} device arrays of matrix
     * pointers, {@code ipiv} n·batch int pivots, {@code info} one int per matrix (getrf/potrf) or one int
     * (potrs; getrs reports on the host). {@code work}/{@code workBytes}: the device workspace,
     * {@code hostWorkBytes}: the host workspace the generic API asked for.
     */
    record Operands(long a, long b, long ipiv, long info, long work, long workBytes, long hostWorkBytes) {
    }

    /**
     * A QR, SVD or eigen {@code *_bufferSize} query for the operands at {@code o}: {device bytes, host bytes} (the
     * typed orgqr/ungqr query's lwork converted to bytes).
     */
    long[] bufferSize(long handle, long params, DecompositionCall query, DecompositionOperands o);

    /** Makes the QR, SVD or eigen {@code call} (not a query) on {@code o} with the cuSOLVER {@code handle}. */
    void run(long handle, long params, DecompositionCall call, DecompositionOperands o);

    /**
     * The device addresses of a QR, SVD or eigen call: {@code a} the matrix; {@code values} tau (geqrf, orgqr), the
     * singular values (gesvd, real component type), the eigenvalues (syevd: n real; geev: n complex, or for real
     * types 2·n real, the real parts then the imaginary parts); {@code u} U (gesvd) or VR (geev), else 0;
     * {@code vt} Vᴴ (gesvd), else 0; {@code info} one int; the workspaces as {@link Operands}'.
     */
    record DecompositionOperands(long a, long values, long u, long vt, long info, long work, long workBytes,
                                 long hostWorkBytes) {
    }

    /** {@code cusolverDnCreateGesvdjInfo}: the Jacobi SVD's parameters (cuSOLVER's defaults until set). */
    long gesvdjInfoCreate();

    /** {@code cusolverDnDestroyGesvdjInfo}. */
    void gesvdjInfoDestroy(long info);

    /**
     * {@code cusolverDnXgesvdjSetTolerance}, {@code SetMaxSweeps} and {@code SetSortEig} on {@code info} from
     * {@code call}'s parameters.
     */
    void gesvdjInfoSet(long info, JacobiSvdCall call);

    /** A gesvdj or gesvdjBatched {@code *_bufferSize} query for the operands at {@code o}: device bytes. */
    long jacobiBufferSize(long handle, long gesvdjInfo, JacobiSvdCall query, JacobiOperands o);

    /** Makes the gesvdj or gesvdjBatched {@code call} (not a query) on {@code o} with {@code gesvdjInfo}'s parameters. */
    void jacobiRun(long handle, long gesvdjInfo, JacobiSvdCall call, JacobiOperands o);

    /**
     * The device addresses of a Jacobi SVD: {@code a} the matrices (batch·lda·n elements), {@code s} batch·min(m, n)
     * real values, {@code u} batch·ldu·uCols and {@code v} batch·ldv·vCols elements, {@code info} batch ints,
     * {@code work}/{@code workBytes} the device workspace the query asked for.
     */
    record JacobiOperands(long a, long s, long u, long v, long info, long work, long workBytes) {
    }
}
