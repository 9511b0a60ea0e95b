package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/**
 * The host LAPACK call table (LAPACKE, column-major) that the solver module builds on; obtain it from
 * {@link NativeCalls#lapack()}. Row-major callers factor the column-major transpose instead (no copy: a
 * row-major A is the column-major Aᵀ) and solve with the transposed flag.
 *
 * <p>Same conventions as {@link NativeBlas}: element offsets, arguments checked before any native call,
 * thread-safe. NaN in an input propagates (LAPACKE's {@code _work} entry points are used, which do not
 * screen inputs for NaN). Each entry returns LAPACK's {@code info}: 0 on success, i &gt; 0 for a numerical condition
 * (singular pivot, leading minor not positive definite) the caller maps to an exception.
 *
 * <p>Safe on any caller's stack: OpenBLAS's threaded LU needs 2.7–4.3 MB of native stack (measured; more than
 * request, pool and virtual-thread carrier threads have), so a {@link #getrf} of at least 10⁴ elements with more
 * than one OpenBLAS thread (4·10⁴ in single precision) runs on a fusemath native-call thread with a 16 MB stack
 * ({@link NativeCallThreads}; a hand-off costs about 10 µs against the LU's 100 µs or more) and the caller waits; everything else,
 * measured to need under 144 KB, runs on the caller's thread. Each call big enough to be threaded runs with
 * its calling thread's OpenBLAS count ({@link NativeBlas#ensureThreads}), see {@code blas/README.md}.
 *
 * <p>To add a routine: declare it here, check its arguments in {@link CheckedLapack}, and implement the
 * kernel in {@code JavacppLapack} (staging), {@code NetlibLapack} (JNI shims, real types) and {@code FfmLapack}
 * (src/main/java22, a downcall described in its {@code Downcalls} table); measure whether its threaded path needs a
 * deep stack (the probe in the blas tests, {@code NativeStackProbe}) and pass the size from which it does to
 * {@link HostCallPolicy#lapack}.
 */
public interface NativeLapack {
    /** LU factorisation with partial pivoting of the m×n A; ipiv receives min(m, n) 1-based pivot rows. */
    int getrf(DType t, int m, int n, Object a, int aOff, int lda, int[] ipiv, int ipivOff);

    /**
     * Solves op(A)·X = B with getrf's factors of the n×n A, overwriting the n×nrhs B; each of the n entries of ipiv
     * must be a 1-based row in 1..n (getrf's output), else an {@link org.fusemath.api.InvalidArgumentException}
     * naming ipiv.
     */
    int getrs(DType t, Trans trans, int n, int nrhs, Object a, int aOff, int lda, int[] ipiv, int ipivOff,
              Object b, int bOff, int ldb);

    /** Cholesky factorisation of the Hermitian positive definite n×n A, in the {@code uplo} triangle. */
    int potrf(DType t, Uplo uplo, int n, Object a, int aOff, int lda);

    /** Solves A·X = B with potrf's factor, overwriting the n×nrhs B. */
    int potrs(DType t, Uplo uplo, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff, int ldb);

    /** QR factorisation of the m×n A: R in the upper triangle, Householder vectors below, min(m, n) scalars in tau. */
    int geqrf(DType t, int m, int n, Object a, int aOff, int lda, Object tau, int tauOff);

    /**
     * Estimates the reciprocal condition number of the n×n A in the 1-norm ({@code norm} '1' or 'O') or the infinity
     * norm ('I') from getrf's factors and {@code anorm}, the same norm of the original A; writes it to
     * {@code rcond[rcondOff]}. The workspace is the call's own.
     */
    int gecon(DType t, char norm, int n, Object a, int aOff, int lda, double anorm, double[] rcond, int rcondOff);

    /**
     * Overwrites the m×n A (m ≥ n ≥ k) holding geqrf's k Householder vectors with the first n columns of Q
     * (orgqr for real types, ungqr for complex). The workspace is queried and held by the call.
     */
    int orgqr(DType t, int m, int n, int k, Object a, int aOff, int lda, Object tau, int tauOff);

    /**
     * Minimum-norm least squares by the SVD (divide and conquer): overwrites the first n rows of the max(m, n)×nrhs B
     * with X minimising ‖B − A·X‖ for the m×n A (destroyed); singular values at most rcond·σ₁ count as zero
     * (rcond &lt; 0: machine precision). {@code s} (the component type: float[] for C64) receives the min(m, n)
     * singular values, descending, and {@code rank[rankOff]} the effective rank. info &gt; 0: the SVD did not converge.
     */
    int gelsd(DType t, int m, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff, int ldb, Object s,
              int sOff, double rcond, int[] rank, int rankOff);
}
