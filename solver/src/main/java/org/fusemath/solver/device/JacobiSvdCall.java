package org.fusemath.solver.device;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * One cuSOLVER Jacobi SVD call as plain data before anything native: {@code cusolverDn<t>gesvdj} (one m×n matrix,
 * thin or full vectors) or {@code cusolverDn<t>gesvdjBatched} ({@code batch} m×n matrices stored one after another,
 * m, n ≤ 32, full vectors), with the {@code gesvdjInfo} parameters (tolerance, maximum sweeps, sorting). All
 * operands are column-major; the routines return V, not Vᴴ. {@link #of} rejects by name what the routine cannot
 * take (an order past 32 for the batched routine, econ for the batched routine, int overflow of the typed API's
 * arguments), so a rejected description never reaches native code; {@link JavacppCusolver} turns it into the C
 * call and tests execute it on the CPU through LAPACK's gesvd, the identical contract. Immutable.
 *
 * @param vectors   jobz: U and V wanted (CUSOLVER_EIG_MODE_VECTOR) or only Σ
 * @param econ      gesvdj: U m×min(m, n) and V n×min(m, n) instead of m×m and n×n (gesvdjBatched has no econ)
 * @param ldu       U's leading dimension (≥ m)
 * @param ldv       V's leading dimension (≥ n)
 * @param batch     gesvdjBatched: the number of matrices, each lda·n elements after the previous one; 1 for gesvdj
 * @param tolerance the Jacobi sweeps stop when the off-diagonal mass falls below this (relative), the type's machine
 *                  epsilon by default
 * @param maxSweeps the sweeps after which the routine reports no convergence (cuSOLVER's default: 100)
 * @param sort      Σ in descending order (gesvdj always sorts; for gesvdjBatched this is SetSortEig)
 */
public record JacobiSvdCall(Routine routine, DType dtype, long m, long n, long lda, long ldu, long ldv, boolean vectors,
                            boolean econ, long batch, double tolerance, int maxSweeps, boolean sort) {
    /** The largest order gesvdjBatched takes (cuSOLVER: m, n ≤ 32). */
    public static final int BATCHED_MAX_ORDER = 32;
    /** cuSOLVER's default maximum number of sweeps. */
    public static final int DEFAULT_MAX_SWEEPS = 100;

    /** The routines, one typed C function each. */
    public enum Routine {
        /** {@code cusolverDn<t>gesvdj_bufferSize}. */
        GESVDJ_BUFFER_SIZE("gesvdj_bufferSize"),
        /** {@code cusolverDn<t>gesvdj}: A = U·Σ·Vᴴ by one-sided Jacobi, any m×n. */
        GESVDJ("gesvdj"),
        /** {@code cusolverDn<t>gesvdjBatched_bufferSize}. */
        GESVDJ_BATCHED_BUFFER_SIZE("gesvdjBatched_bufferSize"),
        /** {@code cusolverDn<t>gesvdjBatched}: the SVDs of {@code batch} m×n matrices, m, n ≤ 32. */
        GESVDJ_BATCHED("gesvdjBatched");

        private final String stem;

        Routine(String stem) {
            this.stem = stem;
        }

        /** Whether this is a {@code *_bufferSize} query. */
        public boolean query() {
            return stem.endsWith("_bufferSize");
        }

        /** Whether this is the batched routine or its query. */
        public boolean batched() {
            return stem.startsWith("gesvdjBatched");
        }

        Routine partner() {
            return values()[ordinal() ^ 1];
        }
    }

    /**
     * The description with the default parameters for {@code dtype}: tolerance = machine epsilon, 100 sweeps,
     * sorted; leading dimensions m, m and n.
     */
    public static JacobiSvdCall of(Routine routine, DType dtype, long m, long n, boolean vectors, boolean econ,
                                   long batch) {
        return of(routine, dtype, m, n, Math.max(1, m), Math.max(1, m), Math.max(1, n), vectors, econ, batch,
                dtype == null ? 0 : 2 * dtype.unitRoundoff(), DEFAULT_MAX_SWEEPS, true);
    }

    /** The description, checked: every order, leading dimension and parameter as the routine requires. */
    public static JacobiSvdCall of(Routine routine, DType dtype, long m, long n, long lda, long ldu, long ldv,
                                   boolean vectors, boolean econ, long batch, double tolerance, int maxSweeps,
                                   boolean sort) {
        if (routine == null || dtype == null) {
            throw new InvalidArgumentException("routine and dtype", "null", "non-null");
        }
        if (m < 1 || n < 1 || batch < 1) {
            throw new InvalidArgumentException("m, n, batch", m + ", " + n + ", " + batch,
                    "each at least 1 (an empty matrix or stack needs no call)");
        }
        if (lda < m) {
            throw new InvalidArgumentException("lda", lda, ">= m = " + m);
        }
        if (ldu < m) {
            throw new InvalidArgumentException("ldu", ldu, ">= m = " + m);
        }
        if (ldv < n) {
            throw new InvalidArgumentException("ldv", ldv, ">= n = " + n);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InvalidArgumentException("tolerance", tolerance, "a finite value >= 0");
        }
        if (maxSweeps < 1) {
            throw new InvalidArgumentException("maxSweeps", maxSweeps, "at least 1");
        }
        if (routine.batched()) {
            if (m > BATCHED_MAX_ORDER || n > BATCHED_MAX_ORDER) {
                throw new InvalidArgumentException("m x n", m + "x" + n, "m and n each at most " + BATCHED_MAX_ORDER
                        + " for cusolverDn<t>gesvdjBatched (use gesvdj or Xgesvd per matrix)");
            }
            if (econ) {
                throw new InvalidArgumentException("econ", true, "false: cusolverDn<t>gesvdjBatched computes full U and V");
            }
        } else if (batch != 1) {
            throw new InvalidArgumentException("batch", batch, "1 for cusolverDn<t>gesvdj (one matrix per call)");
        }
        long[] ints = {m, n, lda, ldu, ldv, batch};
        for (long v : ints) {
            if (v > Integer.MAX_VALUE) {
                throw new InvalidArgumentException(routine + " m, n, lda, ldu, ldv, batch",
                        m + ", " + n + ", " + lda + ", " + ldu + ", " + ldv + ", " + batch, "each at most 2^31-1 (int arguments)");
            }
        }
        return new JacobiSvdCall(routine, dtype, m, n, lda, ldu, ldv, vectors, econ, batch, tolerance, maxSweeps, sort);
    }

    /** The C function, e.g. {@code cusolverDnDgesvdj}, {@code cusolverDnZgesvdjBatched_bufferSize}. */
    public String function() {
        return "cusolverDn" + CusolverCall.typeLetter(dtype) + routine.stem;
    }

    /** The workspace query this call needs before it. */
    public JacobiSvdCall bufferSizeQuery() {
        if (routine.query()) {
            throw new IllegalStateException(routine + " is itself a query");
        }
        return new JacobiSvdCall(routine.partner(), dtype, m, n, lda, ldu, ldv, vectors, econ, batch, tolerance,
                maxSweeps, sort);
    }

    /** min(m, n): the singular values per matrix. */
    public long k() {
        return Math.min(m, n);
    }

    /** Columns of U per matrix: min(m, n) with econ, else m. */
    public long uCols() {
        return econ ? k() : m;
    }

    /** Columns of V per matrix: min(m, n) with econ, else n. */
    public long vCols() {
        return econ ? k() : n;
    }

    /** What devInfo reports when the sweeps did not converge (cuSOLVER: min(m, n) + 1). */
    public int noConvergenceInfo() {
        return (int) k() + 1;
    }

    /** The call as text, for logs and messages. */
    public String describe() {
        return function() + "(" + dtype + ", m=" + m + ", n=" + n + ", lda=" + lda + ", jobz=" + (vectors ? "V" : "N")
                + (routine.batched() ? ", batch=" + batch : ", econ=" + (econ ? 1 : 0)) + ", tol=" + tolerance
                + ", sweeps=" + maxSweeps + ")";
    }
}
