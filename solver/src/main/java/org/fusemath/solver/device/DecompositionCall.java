package org.fusemath.solver.device;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Uplo;

/**
 * One cuSOLVER QR, SVD or eigen call as plain data before anything native: the routine, the element type, the
 * m×n operand (column-major) and its leading dimension, the leading dimensions of the outputs, which outputs are
 * wanted, and the triangle read. {@link #of} rejects by name what the routine cannot take, so a rejected description
 * never reaches native code; {@link JavacppCusolver} turns it into the C call and tests execute it on the CPU
 * through LAPACK's identical contract. Immutable.
 *
 * @param k       orgqr/ungqr: the number of Householder reflectors (geqrf's min(m, n)); 0 for the others
 * @param ldu     gesvd: U's leading dimension; geev: VR's; orgqr: unused (1)
 * @param ldvt    gesvd: Vᴴ's leading dimension (1 for the others)
 * @param jobu    gesvd: 'N', 'S' or 'A' for U; syevd and geev: 'N' or 'V' for the (right) eigenvectors
 * @param jobvt   gesvd: 'N', 'S' or 'A' for Vᴴ ('N' for the others)
 * @param uplo    syevd: the triangle read
 */
public record DecompositionCall(Routine routine, DType dtype, long m, long n, long k, long lda, long ldu, long ldvt,
                                char jobu, char jobvt, Uplo uplo) {
    /** The routines: the generic API's {@code cusolverDnX*} and the typed {@code <t>orgqr}/{@code <t>ungqr}. */
    public enum Routine {
        /** {@code cusolverDnXgeqrf_bufferSize}. */
        X_GEQRF_BUFFER_SIZE("cusolverDnXgeqrf_bufferSize"),
        /** {@code cusolverDnXgeqrf}: Householder QR of the m×n A, R above the diagonal, min(m, n) scalars in tau. */
        X_GEQRF("cusolverDnXgeqrf"),
        /** {@code cusolverDn<t>orgqr_bufferSize} / {@code <t>ungqr_bufferSize} (the 13.1 bindings have no Xorgqr). */
        ORGQR_BUFFER_SIZE("gqr_bufferSize"),
        /** {@code cusolverDn<t>orgqr} / {@code <t>ungqr}: the first n columns of Q from geqrf's reflectors. */
        ORGQR("gqr"),
        /** {@code cusolverDnXgesvd_bufferSize}. */
        X_GESVD_BUFFER_SIZE("cusolverDnXgesvd_bufferSize"),
        /** {@code cusolverDnXgesvd}: A = U·Σ·Vᴴ by QR iteration, m ≥ n. */
        X_GESVD("cusolverDnXgesvd"),
        /** {@code cusolverDnXsyevd_bufferSize}. */
        X_SYEVD_BUFFER_SIZE("cusolverDnXsyevd_bufferSize"),
        /** {@code cusolverDnXsyevd}: eigenvalues (ascending) and optionally vectors of a symmetric/Hermitian A. */
        X_SYEVD("cusolverDnXsyevd"),
        /** {@code cusolverDnXgeev_bufferSize}. */
        X_GEEV_BUFFER_SIZE("cusolverDnXgeev_bufferSize"),
        /** {@code cusolverDnXgeev}: eigenvalues and optionally right eigenvectors of a general A. */
        X_GEEV("cusolverDnXgeev");

        private final String stem;

        Routine(String stem) {
            this.stem = stem;
        }

        /** Whether this is a {@code *_bufferSize} query. */
        public boolean query() {
            return stem.endsWith("_bufferSize");
        }

        /** Whether the routine is of the 64-bit generic API (types as cudaDataType arguments). */
        public boolean generic() {
            return stem.startsWith("cusolverDnX");
        }

        /** The query of a routine, or the routine of a query. */
        Routine partner() {
            return values()[ordinal() ^ 1];
        }
    }

    /** The description, checked: orders, leading dimensions and jobs as the routine requires. */
    public static DecompositionCall of(Routine routine, DType dtype, long m, long n, long k, long lda, long ldu,
                                       long ldvt, char jobu, char jobvt, Uplo uplo) {
        if (routine == null || dtype == null || uplo == null) {
            throw new InvalidArgumentException("routine, dtype and uplo", "null", "non-null");
        }
        if (m < 0 || n < 0 || k < 0) {
            throw new InvalidArgumentException("m, n, k", m + ", " + n + ", " + k, "non-negative");
        }
        if (lda < Math.max(1, m)) {
            throw new InvalidArgumentException("lda", lda, ">= max(1, m) = " + Math.max(1, m));
        }
        switch (routine) {
            case X_GEQRF_BUFFER_SIZE, X_GEQRF -> jobs(routine, jobu, jobvt, "N", "N");
            case ORGQR_BUFFER_SIZE, ORGQR -> {
                if (!(m >= n && n >= k)) {
                    throw new InvalidArgumentException("m, n, k", m + ", " + n + ", " + k, "m >= n >= k (orgqr)");
                }
                for (long v : new long[] {m, n, k, lda}) {
                    if (v > Integer.MAX_VALUE) {
                        throw new InvalidArgumentException("orgqr m, n, k, lda", m + ", " + n + ", " + k + ", " + lda,
                                "each at most 2^31-1 (the legacy API's int arguments)");
                    }
                }
                jobs(routine, jobu, jobvt, "N", "N");
            }
            case X_GESVD_BUFFER_SIZE, X_GESVD -> {
                if (m < n) {
                    throw new InvalidArgumentException("m", m, ">= n = " + n + " (cusolverDnXgesvd supports m >= n only)");
                }
                jobs(routine, jobu, jobvt, "NSA", "NSA");
                if (jobu != 'N' && ldu < Math.max(1, m)) {
                    throw new InvalidArgumentException("ldu", ldu, ">= max(1, m) = " + Math.max(1, m));
                }
                if (jobvt != 'N' && ldvt < Math.max(1, n)) {
                    throw new InvalidArgumentException("ldvt", ldvt, ">= max(1, n) = " + Math.max(1, n));
                }
            }
            case X_SYEVD_BUFFER_SIZE, X_SYEVD, X_GEEV_BUFFER_SIZE, X_GEEV -> {
                if (m != n) {
                    throw new InvalidArgumentException("m", m, "n = " + n + " (" + routine + " takes a square matrix)");
                }
                jobs(routine, jobu, jobvt, "NV", "N");
                boolean geev = routine == Routine.X_GEEV || routine == Routine.X_GEEV_BUFFER_SIZE;
                if (geev && jobu == 'V' && ldu < Math.max(1, n)) {
                    throw new InvalidArgumentException("ldvr", ldu, ">= max(1, n) = " + Math.max(1, n));
                }
            }
            default -> throw new IllegalStateException(routine.toString());
        }
        return new DecompositionCall(routine, dtype, m, n, k, lda, Math.max(1, ldu), Math.max(1, ldvt), jobu, jobvt, uplo);
    }

    private static void jobs(Routine routine, char jobu, char jobvt, String u, String vt) {
        if (u.indexOf(jobu) < 0) {
            throw new InvalidArgumentException("jobu", jobu, "one of " + u + " for " + routine);
        }
        if (vt.indexOf(jobvt) < 0) {
            throw new InvalidArgumentException("jobvt", jobvt, "one of " + vt + " for " + routine);
        }
    }

    /** The C function: the generic name, or the typed one ({@code cusolverDnDorgqr}, {@code cusolverDnZungqr}). */
    public String function() {
        if (routine.generic()) {
            return routine.stem;
        }
        return "cusolverDn" + CusolverCall.typeLetter(dtype) + (dtype.isComplex() ? "un" : "or") + routine.stem;
    }

    /** The workspace query this call needs before it (every routine here has one). */
    public DecompositionCall bufferSizeQuery() {
        if (routine.query()) {
            throw new IllegalStateException(routine + " is itself a query");
        }
        return new DecompositionCall(routine.partner(), dtype, m, n, k, lda, ldu, ldvt, jobu, jobvt, uplo);
    }

    /** Whether eigenvectors (syevd, geev) are wanted. */
    boolean vectors() {
        return jobu == 'V';
    }

    /** The call as text, for logs and messages. */
    public String describe() {
        return function() + "(" + dtype + ", m=" + m + ", n=" + n + (k > 0 ? ", k=" + k : "") + ", lda=" + lda
                + ", jobu=" + jobu + ", jobvt=" + jobvt + ", uplo=" + uplo + ")";
    }
}
