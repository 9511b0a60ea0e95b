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
     * Singular value decomposition A = U·Σ·Vᴴ of the m×n A by divide and conquer (gesdd); A is destroyed. {@code jobz}:
     * {@code 'N'} values only (u and vt may be null), {@code 'S'} the min(m, n) leading columns of U (m×min) and rows
     * of Vᴴ (min×n), {@code 'A'} all of U (m×m) and Vᴴ (n×n). s receives the min(m, n) singular values, descending, in
     * the component type. {@code lwork = -1} is a workspace query: the optimal lwork is written to work[0] (real part).
     * rwork (complex types only, else ignored; component type) needs max(1, 7·min) values for 'N' and
     * max(1, min·max(5·min + 7, 2·max + 2·min + 1)) otherwise; iwork 8·min(m, n) entries. info &gt; 0: the bidiagonal
     * divide and conquer did not converge.
     */
    int gesdd(DType t, char jobz, int m, int n, Object a, int aOff, int lda, Object s, int sOff, Object u, int uOff,
              int ldu, Object vt, int vtOff, int ldvt, Object work, int lwork, Object rwork, int[] iwork);

    /**
     * The same decomposition by QR iteration (gesvd), {@code jobu} and {@code jobvt} each {@code 'N'}, {@code 'S'} or
     * {@code 'A'} as gesdd's jobz for U and Vᴴ apart; workspace query as gesdd's; rwork (complex types) needs
     * 5·min(m, n) values. info &gt; 0: that many superdiagonals of the bidiagonal form did not converge.
     */
    int gesvd(DType t, char jobu, char jobvt, int m, int n, Object a, int aOff, int lda, Object s, int sOff, Object u,
              int uOff, int ldu, Object vt, int vtOff, int ldvt, Object work, int lwork, Object rwork);

    /**
     * Eigenvalues (ascending, into w in the component type) and, for {@code jobz = 'V'}, orthonormal eigenvectors
     * (overwriting A, column j for w[j]) of the symmetric (real types, syevd) or Hermitian (complex types, heevd) n×n
     * A read from its {@code uplo} triangle, by divide and conquer. {@code lwork = -1} is a workspace query for all
     * three arrays: the optimal lwork, lrwork and liwork go to work[0], rwork[0] and iwork[0]; rwork is for complex
     * types only (ignored, may be null, for real ones). info &gt; 0: the algorithm failed to converge.
     */
    int syevd(DType t, char jobz, Uplo uplo, int n, Object a, int aOff, int lda, Object w, int wOff, Object work,
              int lwork, Object rwork, int lrwork, int[] iwork, int liwork);

    /**
     * Eigenvalues and, on request ({@code 'V'}), left and right eigenvectors of the general n×n A (geev); A is
     * destroyed. For complex types w receives n complex eigenvalues and vl/vr the complex vectors; for real types w
     * holds 2·n values from wOff, the real parts then the imaginary parts (LAPACK's wr, wi: a complex pair is
     * adjacent, positive imaginary part first), and a pair's vectors are stored as LAPACK stores them (column j the
     * real part, column j+1 the imaginary part of the first). Unrequested vector arrays may be null. Workspace query
     * as gesdd's; rwork (complex types) needs 2·n values. info &gt; 0: the QR algorithm failed to compute all
     * eigenvalues.
     */
    int geev(DType t, char jobvl, char jobvr, int n, Object a, int aOff, int lda, Object w, int wOff, Object vl,
             int vlOff, int ldvl, Object vr, int vrOff, int ldvr, Object work, int lwork, Object rwork);

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

    /**
     * {@link #geqrf} with the caller's workspace, for a plan that queries its size once and reuses it: {@code work}
     * holds at least {@code lwork} elements of t and lwork &ge; max(1, n); {@code lwork = -1} is a workspace query
     * (the optimal lwork to work[0], real part; A and tau are not read and may be null).
     */
    int geqrf(DType t, int m, int n, Object a, int aOff, int lda, Object tau, int tauOff, Object work, int lwork);

    /**
     * {@link #orgqr} with the caller's workspace: {@code work} holds at least {@code lwork} elements of t and
     * lwork &ge; max(1, n); {@code lwork = -1} is a workspace query as {@link #geqrf(DType, int, int, Object, int, int,
     * Object, int, Object, int) geqrf}'s (A and tau may be null).
     */
    int orgqr(DType t, int m, int n, int k, Object a, int aOff, int lda, Object tau, int tauOff, Object work,
              int lwork);

    /**
     * {@link #gelsd} with the caller's workspaces. {@code lwork = -1} is a workspace query: the optimal lwork goes to
     * work[0] (real part), the minimum sizes of rwork (complex types; component type) to rwork[0] and of iwork to
     * iwork[0]; A, B and s are not read and may be null. Otherwise work holds at least lwork elements and rwork and
     * iwork at least LAPACK's documented minima, max(1, 3·min·nlvl + 11·min) integers and (complex) 10·min +
     * 2·min·25 + 8·min·nlvl + 3·25·nrhs + max(26², n·(1 + nrhs) + 2·nrhs) reals, where min = min(m, n) and
     * nlvl = max(0, trunc(log₂(min / 26)) + 1) (LAPACK's SMLSIZ = 25): shorter arrays are rejected before the call (an empty problem needs one of each). rwork
     * is ignored (may be null) for real types.
     */
    int gelsd(DType t, int m, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff, int ldb, Object s,
              int sOff, double rcond, int[] rank, int rankOff, Object work, int lwork, Object rwork, int[] iwork);
}
