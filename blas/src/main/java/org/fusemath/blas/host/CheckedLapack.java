package org.fusemath.blas.host;

import static org.fusemath.blas.host.CallChecks.dims;
import static org.fusemath.blas.host.CallChecks.matrix;
import static org.fusemath.blas.host.CallChecks.nonNull;

import org.fusemath.api.DType;
import org.fusemath.api.FusemathException;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.blas.Uplo;

/**
 * Checks every argument of a {@link NativeLapack} call (column-major), then calls the kernel with slot
 * offsets and spans as {@link HostCallPolicy} says (inline, holding the thread-count gate, or on a native-call
 * thread with a deep stack); a negative {@code info} (LAPACK rejecting a parameter these checks let through) is an
 * internal error and becomes a {@link FusemathException}.
 */
abstract class CheckedLapack implements NativeLapack {
    private static final Layout COL = Layout.COLUMN_MAJOR;
    /** Routines whose threaded path was measured to need no deep stack (see {@link NativeCallThreads}). */
    private static final long SHALLOW = Long.MAX_VALUE;

    private static int slot(DType t, int offset) {
        return offset * t.slotsPerElement();
    }

    private static int checked(String routine, int info) {
        if (info < 0) {
            throw new FusemathException("LAPACKE " + routine + " rejected parameter " + (-info) + " after fusemath's checks");
        }
        return info;
    }

    @Override
    public final int getrf(DType t, int m, int n, Object a, int aOff, int lda, int[] ipiv, int ipivOff) {
        nonNull(t, "dtype");
        dims("m", m);
        dims("n", n);
        int aSpan = matrix("A", t, COL, m, n, a, aOff, lda);
        int pivots = Math.min(m, n);
        CallChecks.intArray("ipiv", ipiv, ipivOff, pivots);
        if (m == 0 || n == 0) {
            return 0;
        }
        int aFrom = slot(t, aOff);
        return checked("getrf", HostCallPolicy.lapack((long) m * n, HostCallPolicy.deepGetrf(t),
                () -> getrfK(t, m, n, a, aFrom, aSpan, lda, ipiv, ipivOff)));
    }

    protected abstract int getrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, int[] ipiv, int ipivOff);

    @Override
    public final int getrs(DType t, Trans trans, int n, int nrhs, Object a, int aOff, int lda, int[] ipiv, int ipivOff,
                           Object b, int bOff, int ldb) {
        nonNull(t, "dtype");
        Trans tr = CallChecks.noConjNoTrans("trans", trans);
        tr = t.isComplex() ? tr : tr.real();
        dims("n", n);
        dims("nrhs", nrhs);
        int aSpan = matrix("A", t, COL, n, n, a, aOff, lda);
        int[] pivots = CallChecks.pivotRows("ipiv", ipiv, ipivOff, n, n);
        int bSpan = matrix("B", t, COL, n, nrhs, b, bOff, ldb);
        if (n == 0 || nrhs == 0) {
            return 0;
        }
        int aFrom = slot(t, aOff);
        int bFrom = slot(t, bOff);
        Trans op = tr;
        return checked("getrs", HostCallPolicy.lapack((long) n * Math.max(n, nrhs), SHALLOW,
                () -> getrsK(t, op, n, nrhs, a, aFrom, aSpan, lda, pivots, 0, b, bFrom, bSpan, ldb)));
    }

    protected abstract int getrsK(DType t, Trans trans, int n, int nrhs, Object a, int aFrom, int aSpan, int lda,
                                  int[] ipiv, int ipivOff, Object b, int bFrom, int bSpan, int ldb);

    @Override
    public final int potrf(DType t, Uplo uplo, int n, Object a, int aOff, int lda) {
        nonNull(t, "dtype");
        nonNull(uplo, "uplo");
        dims("n", n);
        int aSpan = matrix("A", t, COL, n, n, a, aOff, lda);
        if (n == 0) {
            return 0;
        }
        int aFrom = slot(t, aOff);
        return checked("potrf", HostCallPolicy.lapack((long) n * n, SHALLOW, () -> potrfK(t, uplo, n, a, aFrom, aSpan, lda)));
    }

    protected abstract int potrfK(DType t, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda);

    @Override
    public final int potrs(DType t, Uplo uplo, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff,
                           int ldb) {
        nonNull(t, "dtype");
        nonNull(uplo, "uplo");
        dims("n", n);
        dims("nrhs", nrhs);
        int aSpan = matrix("A", t, COL, n, n, a, aOff, lda);
        int bSpan = matrix("B", t, COL, n, nrhs, b, bOff, ldb);
        if (n == 0 || nrhs == 0) {
            return 0;
        }
        int aFrom = slot(t, aOff);
        int bFrom = slot(t, bOff);
        return checked("potrs", HostCallPolicy.lapack((long) n * Math.max(n, nrhs), SHALLOW,
                () -> potrsK(t, uplo, n, nrhs, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb)));
    }

    protected abstract int potrsK(DType t, Uplo uplo, int n, int nrhs, Object a, int aFrom, int aSpan, int lda,
                                  Object b, int bFrom, int bSpan, int ldb);

    @Override
    public final int geqrf(DType t, int m, int n, Object a, int aOff, int lda, Object tau, int tauOff) {
        nonNull(t, "dtype");
        dims("m", m);
        dims("n", n);
        int aSpan = matrix("A", t, COL, m, n, a, aOff, lda);
        int tauSpan = CallChecks.span("tau", t, tau, tauOff, Math.min(m, n));
        if (m == 0 || n == 0) {
            return 0;
        }
        int aFrom = slot(t, aOff);
        int tauFrom = slot(t, tauOff);
        return checked("geqrf", HostCallPolicy.lapack((long) m * n, SHALLOW,
                () -> geqrfK(t, m, n, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan)));
    }

    protected abstract int geqrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, Object tau,
                                  int tauFrom, int tauSpan);

    @Override
    public final int gecon(DType t, char norm, int n, Object a, int aOff, int lda, double anorm, double[] rcond,
                           int rcondOff) {
        nonNull(t, "dtype");
        char nm = Character.toUpperCase(norm);
        if (nm != '1' && nm != 'O' && nm != 'I') {
            throw new InvalidArgumentException("norm", "'" + norm + "'", "'1', 'O' or 'I'");
        }
        dims("n", n);
        int aSpan = matrix("A", t, COL, n, n, a, aOff, lda);
        if (!(anorm >= 0)) {
            throw new InvalidArgumentException("anorm", anorm, "a norm >= 0 (not NaN)");
        }
        nonNull(rcond, "rcond");
        if (rcondOff < 0 || rcondOff >= rcond.length) {
            throw new InvalidArgumentException("rcondOff", rcondOff,
                    "an index of the double[" + rcond.length + "] rcond");
        }
        if (n == 0) {
            rcond[rcondOff] = Double.POSITIVE_INFINITY;
            return 0;
        }
        int aFrom = slot(t, aOff);
        byte code = (byte) (nm == 'I' ? 'I' : '1');
        return checked("gecon", HostCallPolicy.lapack((long) n * n, SHALLOW,
                () -> geconK(t, code, n, a, aFrom, aSpan, lda, anorm, rcond, rcondOff)));
    }

    protected abstract int geconK(DType t, byte norm, int n, Object a, int aFrom, int aSpan, int lda, double anorm,
                                  double[] rcond, int rcondOff);

    @Override
    public final int orgqr(DType t, int m, int n, int k, Object a, int aOff, int lda, Object tau, int tauOff) {
        nonNull(t, "dtype");
        dims("m", m);
        dims("n", n);
        dims("k", k);
        if (n > m) {
            throw new InvalidArgumentException("n", n, "at most m = " + m + " columns of Q");
        }
        if (k > n) {
            throw new InvalidArgumentException("k", k, "at most n = " + n + " reflectors");
        }
        int aSpan = matrix("A", t, COL, m, n, a, aOff, lda);
        int tauSpan = CallChecks.span("tau", t, tau, tauOff, k);
        if (n == 0) {
            return 0;
        }
        int aFrom = slot(t, aOff);
        int tauFrom = slot(t, tauOff);
        return checked(t.isComplex() ? "ungqr" : "orgqr", HostCallPolicy.lapack((long) m * n, SHALLOW,
                () -> orgqrK(t, m, n, k, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan)));
    }

    protected abstract int orgqrK(DType t, int m, int n, int k, Object a, int aFrom, int aSpan, int lda, Object tau,
                                  int tauFrom, int tauSpan);

    @Override
    public final int gelsd(DType t, int m, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff, int ldb,
                           Object s, int sOff, double rcond, int[] rank, int rankOff) {
        nonNull(t, "dtype");
        dims("m", m);
        dims("n", n);
        dims("nrhs", nrhs);
        int aSpan = matrix("A", t, COL, m, n, a, aOff, lda);
        int bSpan = matrix("B", t, COL, Math.max(m, n), nrhs, b, bOff, ldb);
        int sSpan = CallChecks.span("s", t.componentType(), s, sOff, Math.min(m, n));
        CallChecks.intArray("rank", rank, rankOff, 1);
        if (Double.isNaN(rcond)) {
            throw new InvalidArgumentException("rcond", rcond, "a number (negative: machine precision)");
        }
        if (m == 0 || n == 0) {
            // LAPACK's quick return leaves B as it is: X (the first n rows) is zero for an empty A.
            rank[rankOff] = 0;
            for (int j = 0; j < nrhs; j++) {
                int from = slot(t, bOff + j * ldb);
                int to = slot(t, bOff + j * ldb + n);
                if (b instanceof double[] d) {
                    java.util.Arrays.fill(d, from, to, 0);
                } else {
                    java.util.Arrays.fill((float[]) b, from, to, 0);
                }
            }
            return 0;
        }
        int aFrom = slot(t, aOff);
        int bFrom = slot(t, bOff);
        return checked("gelsd", HostCallPolicy.lapack((long) Math.max(m, n) * Math.max(n, nrhs), SHALLOW,
                () -> gelsdK(t, m, n, nrhs, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb, s, sOff, sSpan, rcond, rank,
                        rankOff)));
    }

    protected abstract int gelsdK(DType t, int m, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b,
                                  int bFrom, int bSpan, int ldb, Object s, int sFrom, int sSpan, double rcond,
                                  int[] rank, int rankOff);
}
