package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The host BLAS call table: the CBLAS routines fusemath needs, for every {@link DType}, on the caller's heap
 * arrays ({@code float[]} for F32/C64, {@code double[]} for F64/C128, complex interleaved). Obtain it from
 * {@link NativeCalls#blas()}; the JDK decides the implementation (FFM downcalls on the arrays themselves on
 * Java 22+; on Java 17–21 dev.ludovic.netlib's JNI shims on the arrays themselves for real types, JavaCPP with
 * reused off-heap staging for complex types and wherever the shims cannot load).
 *
 * <p>Conventions: offsets, leading dimensions and increments count elements (a complex element is one);
 * {@code order} is the CBLAS storage order of every matrix in the call; alpha and beta are passed as real
 * and imaginary parts (the imaginary part must be 0 for real types). Every entry checks its arguments
 * (array type, sizes, leading dimensions, the extent each operand addresses) and throws an
 * {@link org.fusemath.api.InvalidArgumentException} before native code runs; outputs must not overlap inputs.
 * Calls with an empty result return without a native call.
 *
 * <p>Thread-safe: any number of threads may call concurrently. Each calling thread has its own OpenBLAS thread
 * count ({@link #ensureThreads}): a call big enough for OpenBLAS to thread runs with the count its thread asked
 * for, although OpenBLAS keeps one count per process (calls asking for different counts take turns; see
 * {@code OpenBlasThreads}). No BLAS routine needs a deep native stack, so every call runs on the caller's thread.
 */
public interface NativeBlas {
    /** {@code ffm}, {@code netlib} (real types through JNI, complex staged) or {@code javacpp}. */
    String callPath();

    /**
     * Sets the OpenBLAS thread count of the calling thread's later BLAS and LAPACK calls (until it asks again),
     * capped at the available processors (more only oversubscribe them);
     * a thread that never asked uses {@code availableProcessors()}. Makes no native call: the count is set in
     * OpenBLAS when a call that may be threaded starts.
     */
    void ensureThreads(int threads);

    /**
     * OpenBLAS's process-wide thread count now: read from OpenBLAS on the FFM path; on the JavaCPP path the value
     * last set through JavaCPP (which does not bind {@code openblas_get_num_threads}), -1 before any was set.
     */
    int threads();

    /** OpenBLAS's configuration string ({@code openblas_get_config}), or the preset version where it is not reachable. */
    String config();

    /** The OpenBLAS kernel family in use ({@code openblas_get_corename}), or "unknown" where it is not reachable. */
    String coreName();

    /** C = alpha·op(A)·op(B) + beta·C for an m×n C and inner dimension k (beta = 0: C is not read). */
    void gemm(DType t, Layout order, Trans transA, Trans transB, int m, int n, int k, double alphaRe, double alphaIm,
              Object a, int aOff, int lda, Object b, int bOff, int ldb, double betaRe, double betaIm,
              Object c, int cOff, int ldc);

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT) with A symmetric (one triangle read), C m×n. */
    void symm(DType t, Layout order, Side side, Uplo uplo, int m, int n, double alphaRe, double alphaIm,
              Object a, int aOff, int lda, Object b, int bOff, int ldb, double betaRe, double betaIm,
              Object c, int cOff, int ldc);

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on one triangle of the n×n C; op(A) is n×k (trans N or T). */
    void syrk(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alphaRe, double alphaIm,
              Object a, int aOff, int lda, double betaRe, double betaIm, Object c, int cOff, int ldc);

    /** C = alpha·op(A)·op(A)ᴴ + beta·C (complex types, real alpha and beta; trans N or C). */
    void herk(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alpha,
              Object a, int aOff, int lda, double beta, Object c, int cOff, int ldc);

    /** B = alpha·op(A)·B (LEFT) or alpha·B·op(A) (RIGHT), A triangular, B m×n. */
    void trmm(DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag, int m, int n,
              double alphaRe, double alphaIm, Object a, int aOff, int lda, Object b, int bOff, int ldb);

    /** Solves op(A)·X = alpha·B (LEFT) or X·op(A) = alpha·B (RIGHT) for X, overwriting the m×n B. */
    void trsm(DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag, int m, int n,
              double alphaRe, double alphaIm, Object a, int aOff, int lda, Object b, int bOff, int ldb);

    /** y = alpha·op(A)·x + beta·y for an m×n A (beta = 0: y is not read). */
    void gemv(DType t, Layout order, Trans trans, int m, int n, double alphaRe, double alphaIm,
              Object a, int aOff, int lda, Object x, int xOff, int incx, double betaRe, double betaIm,
              Object y, int yOff, int incy);

    /** A = alpha·x·yᵀ + A (or alpha·x·yᴴ + A when {@code conjugateY}, complex only) for an m×n A. */
    void ger(DType t, Layout order, boolean conjugateY, int m, int n, double alphaRe, double alphaIm,
             Object x, int xOff, int incx, Object y, int yOff, int incy, Object a, int aOff, int lda);

    /** Solves op(A)·x = b in place of x, A n×n triangular. */
    void trsv(DType t, Layout order, Uplo uplo, Trans trans, Diag diag, int n, Object a, int aOff, int lda,
              Object x, int xOff, int incx);

    /** Σ xᵢ·yᵢ, or Σ conj(xᵢ)·yᵢ when {@code conjugateX} (complex only); 0 for n = 0. */
    Scalar dot(DType t, boolean conjugateX, int n, Object x, int xOff, int incx, Object y, int yOff, int incy);

    /** y = alpha·x + y. */
    void axpy(DType t, int n, double alphaRe, double alphaIm, Object x, int xOff, int incx, Object y, int yOff, int incy);

    /** x = alpha·x. */
    void scal(DType t, int n, double alphaRe, double alphaIm, Object x, int xOff, int incx);

    /** The Euclidean norm of x (0 for n = 0). */
    double nrm2(DType t, int n, Object x, int xOff, int incx);

    /** Σ |Re xᵢ| + |Im xᵢ| (BLAS asum; 0 for n = 0). */
    double asum(DType t, int n, Object x, int xOff, int incx);

    /** The 0-based index of the first element of largest |Re| + |Im|; -1 for n = 0. */
    int iamax(DType t, int n, Object x, int xOff, int incx);
}
