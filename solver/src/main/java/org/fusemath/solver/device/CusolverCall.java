package org.fusemath.solver.device;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Uplo;

/**
 * One cuSOLVER or cuBLAS dense-solver call as plain data, in fusemath's terms, before anything native: which
 * routine, the element type, the orders and leading dimensions (column-major, as the libraries read memory), the
 * transpose flag and triangle, and the batch. The making code ({@link JavacppCusolver}) turns it into the C call
 * with the header's parameter names; tests execute the same description on the CPU through LAPACK's identical
 * contract. {@link #of} rejects by name what the routine cannot take (e.g. an order past the int range of the
 * batched routines), so a rejected description never reaches native code. Immutable.
 *
 * @param transposed getrs: solve with Aᵀ (CUBLAS_OP_T) instead of A
 * @param uplo       potrf/potrs: the triangle read
 * @param batch      the batched routines: the number of matrices (1 for the others)
 */
public record CusolverCall(Routine routine, DType dtype, long n, long nrhs, long lda, long ldb, boolean transposed,
                           Uplo uplo, long batch) {
    /** The routines, each one C function per type. */
    public enum Routine {
        /** {@code cusolverDnXgetrf_bufferSize}: the workspace of {@link #X_GETRF}. */
        X_GETRF_BUFFER_SIZE(true, "cusolverDnXgetrf_bufferSize"),
        /** {@code cusolverDnXgetrf}: LU with partial pivoting of one n×n matrix, 64-bit pivots. */
        X_GETRF(true, "cusolverDnXgetrf"),
        /** {@code cusolverDnXgetrs}: op(A)·X = B with X_GETRF's factors. */
        X_GETRS(true, "cusolverDnXgetrs"),
        /** {@code cusolverDnXpotrf_bufferSize}: the workspace of {@link #X_POTRF}. */
        X_POTRF_BUFFER_SIZE(true, "cusolverDnXpotrf_bufferSize"),
        /** {@code cusolverDnXpotrf}: Cholesky of one n×n matrix. */
        X_POTRF(true, "cusolverDnXpotrf"),
        /** {@code cusolverDnXpotrs}: A·X = B with X_POTRF's factor. */
        X_POTRS(true, "cusolverDnXpotrs"),
        /** {@code cublas<t>getrfBatched}: LU of {@code batch} n×n matrices named by a device array of pointers. */
        GETRF_BATCHED(false, "getrfBatched"),
        /** {@code cublas<t>getrsBatched}: op(A_b)·X_b = B_b with GETRF_BATCHED's factors and pivots. */
        GETRS_BATCHED(false, "getrsBatched"),
        /** {@code cusolverDn<t>potrfBatched}: Cholesky of {@code batch} matrices. */
        POTRF_BATCHED(false, "potrfBatched"),
        /** {@code cusolverDn<t>potrsBatched}: A_b·x_b = b_b, one right-hand side per entry (cuSOLVER takes nrhs = 1 only). */
        POTRS_BATCHED(false, "potrsBatched");

        private final boolean generic;
        private final String stem;

        Routine(boolean generic, String stem) {
            this.generic = generic;
            this.stem = stem;
        }

        /** Whether the routine is of cuSOLVER's 64-bit generic API (types as cudaDataType arguments). */
        public boolean generic() {
            return generic;
        }

        /** Whether cuBLAS (not cuSOLVER) provides it. */
        public boolean cublas() {
            return this == GETRF_BATCHED || this == GETRS_BATCHED;
        }
    }

    /** The description, checked: every order and leading dimension as the routine requires. */
    public static CusolverCall of(Routine routine, DType dtype, long n, long nrhs, long lda, long ldb,
                                  boolean transposed, Uplo uplo, long batch) {
        if (routine == null || dtype == null || uplo == null) {
            throw new InvalidArgumentException("routine, dtype and uplo", "null", "non-null");
        }
        if (n < 0 || nrhs < 0 || batch < 0) {
            throw new InvalidArgumentException("n, nrhs, batch", n + ", " + nrhs + ", " + batch, "non-negative");
        }
        if (lda < Math.max(1, n)) {
            throw new InvalidArgumentException("lda", lda, ">= max(1, n) = " + Math.max(1, n));
        }
        if (ldb < Math.max(1, n)) {
            throw new InvalidArgumentException("ldb", ldb, ">= max(1, n) = " + Math.max(1, n));
        }
        if (!routine.generic()) {
            for (long v : new long[] {n, nrhs, lda, ldb, batch}) {
                if (v > Integer.MAX_VALUE) {
                    throw new InvalidArgumentException(routine + " n, nrhs, lda, ldb, batch",
                            n + ", " + nrhs + ", " + lda + ", " + ldb + ", " + batch, "each at most 2^31-1 (int arguments)");
                }
            }
            if (routine == Routine.POTRS_BATCHED && nrhs != 1) {
                throw new InvalidArgumentException("nrhs", nrhs, "1 (cusolverDn<t>potrsBatched supports one right-hand side)");
            }
        } else if (batch != 1) {
            throw new InvalidArgumentException("batch", batch, "1 for " + routine.stem + " (one matrix per call)");
        }
        return new CusolverCall(routine, dtype, n, nrhs, lda, ldb, transposed, uplo, batch);
    }

    /** The C function: the generic name, or the typed one ({@code cublasDgetrfBatched}, {@code cusolverDnZpotrsBatched}). */
    public String function() {
        if (routine.generic()) {
            return routine.stem;
        }
        return (routine.cublas() ? "cublas" : "cusolverDn") + typeLetter(dtype) + routine.stem;
    }

    /** LAPACK's type letter. */
    static char typeLetter(DType t) {
        return switch (t) {
            case F32 -> 'S';
            case F64 -> 'D';
            case C64 -> 'C';
            case C128 -> 'Z';
        };
    }

    /** The workspace query this call's routine needs before it, or null. */
    public CusolverCall bufferSizeQuery() {
        return switch (routine) {
            case X_GETRF -> new CusolverCall(Routine.X_GETRF_BUFFER_SIZE, dtype, n, nrhs, lda, ldb, transposed, uplo, 1);
            case X_POTRF -> new CusolverCall(Routine.X_POTRF_BUFFER_SIZE, dtype, n, nrhs, lda, ldb, transposed, uplo, 1);
            default -> null;
        };
    }

    /** The call as text, for logs and messages. */
    public String describe() {
        return function() + "(" + dtype + ", n=" + n + ", nrhs=" + nrhs + ", lda=" + lda + ", ldb=" + ldb
                + (transposed ? ", op=T" : "") + ", uplo=" + uplo + ", batch=" + batch + ")";
    }
}
