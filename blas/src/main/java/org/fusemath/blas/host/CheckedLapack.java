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
        // The one-shot form: a workspace query, then the factorisation with the optimal workspace.
        Object query = standIn(t);
        geqrf(t, m, n, a, aOff, lda, tau, tauOff, query, -1);
        int lwork = queriedSize(query, Math.max(1, n));
        return geqrf(t, m, n, a, aOff, lda, tau, tauOff, allocate(t, lwork), lwork);
    }

    protected abstract int geqrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, Object tau,
                                  int tauFrom, int tauSpan, Object work, int workSpan, int lwork);

    private static char job(String name, char value, String allowed) {
        if (allowed.indexOf(value) < 0) {
            throw new InvalidArgumentException(name, "'" + value + "'", "one of " + allowed.chars()
                    .mapToObj(c -> "'" + (char) c + "'").collect(java.util.stream.Collectors.joining(", ")));
        }
        return value;
    }

    /**
     * The span of an optional column-major matrix: checked when {@code used}, else null allowed and ld &gt;= 1. In a
     * workspace query ({@code lwork = -1}) LAPACK reads no matrix, so a used one may be null too (its ld is checked).
     */
    private static int optionalMatrix(String name, boolean used, DType t, int rows, int cols, Object array, int offset,
                                      int ld, int lwork) {
        if (used && (array != null || lwork != -1)) {
            return matrix(name, t, COL, rows, cols, array, offset, ld);
        }
        int least = used ? Math.max(1, rows) : 1;
        if (ld < least) {
            throw new InvalidArgumentException("ld" + name, ld, "a leading dimension >= " + least);
        }
        return 0;
    }

    /** The workspace's span in slots: one element for a query (lwork = -1), else lwork &gt;= 1 elements. */
    private static int workspace(String name, DType t, Object work, int lwork) {
        if (lwork == -1) {
            return CallChecks.span(name, t, work, 0, 1);
        }
        if (lwork < 1) {
            throw new InvalidArgumentException("l" + name, lwork, "-1 (a workspace query) or a size >= 1");
        }
        return CallChecks.span(name, t, work, 0, lwork);
    }

    /** An empty problem needs no native call; a query on it answers a workspace of one element. */
    private static int emptyProblem(int lwork, Object work) {
        if (lwork == -1) {
            if (work instanceof double[] d) {
                d[0] = 1;
            } else {
                ((float[]) work)[0] = 1;
            }
        }
        return 0;
    }

    /** rwork of complex types (component type, at least {@code count} values); real types ignore it. */
    private static int rworkSpan(DType t, Object rwork, long count) {
        return t.isComplex() ? CallChecks.span("rwork", t.componentType(), rwork, 0, Math.max(1, count)) : 0;
    }

    @Override
    public final int gesdd(DType t, char jobz, int m, int n, Object a, int aOff, int lda, Object s, int sOff, Object u,
                           int uOff, int ldu, Object vt, int vtOff, int ldvt, Object work, int lwork, Object rwork,
                           int[] iwork) {
        nonNull(t, "dtype");
        job("jobz", jobz, "NSA");
        SvdSpans x = svdSpans(t, jobz, jobz, m, n, a, aOff, lda, s, sOff, u, uOff, ldu, vt, vtOff, ldvt, work, lwork);
        int mn = Math.min(m, n);
        long rworkNeed = jobz != 'N' ? (long) mn * Math.max(5L * mn + 7, 2L * Math.max(m, n) + 2L * mn + 1) : 7L * mn;
        int rworkSpan = rworkSpan(t, rwork, rworkNeed);
        CallChecks.intArray("iwork", iwork, 0, 8 * mn);
        if (mn == 0) {
            return emptyProblem(lwork, work);
        }
        return checked("gesdd", HostCallPolicy.spectral((long) m * n,
                () -> gesddK(t, jobz, m, n, a, x.aFrom, x.aSpan, lda, s, sOff, x.sSpan, u, x.uFrom, x.uSpan, ldu, vt,
                        x.vtFrom, x.vtSpan, ldvt, work, x.workSpan, lwork, rwork, rworkSpan, iwork)));
    }

    /** The spans and first slots gesdd and gesvd check alike: A, s, U and Vᵀ as the jobs ask, and the workspace. */
    private record SvdSpans(int aSpan, int sSpan, int uSpan, int vtSpan, int workSpan, int aFrom, int uFrom,
                            int vtFrom) {
    }

    private static SvdSpans svdSpans(DType t, char jobu, char jobvt, int m, int n, Object a, int aOff, int lda,
                                     Object s, int sOff, Object u, int uOff, int ldu, Object vt, int vtOff, int ldvt,
                                     Object work, int lwork) {
        dims("m", m);
        dims("n", n);
        int mn = Math.min(m, n);
        int aSpan = matrix("A", t, COL, m, n, a, aOff, lda);
        int sSpan = CallChecks.span("s", t.componentType(), s, sOff, mn);
        int uSpan = optionalMatrix("U", jobu != 'N', t, m, jobu == 'A' ? m : mn, u, uOff, ldu, lwork);
        int vtSpan = optionalMatrix("VT", jobvt != 'N', t, jobvt == 'A' ? n : mn, n, vt, vtOff, ldvt, lwork);
        int workSpan = workspace("work", t, work, lwork);
        return new SvdSpans(aSpan, sSpan, uSpan, vtSpan, workSpan, slot(t, aOff), slot(t, uOff), slot(t, vtOff));
    }

    protected abstract int gesddK(DType t, char jobz, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s,
                                  int sFrom, int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom,
                                  int vtSpan, int ldvt, Object work, int workSpan, int lwork, Object rwork,
                                  int rworkSpan, int[] iwork);

    @Override
    public final int gesvd(DType t, char jobu, char jobvt, int m, int n, Object a, int aOff, int lda, Object s,
                           int sOff, Object u, int uOff, int ldu, Object vt, int vtOff, int ldvt, Object work,
                           int lwork, Object rwork) {
        nonNull(t, "dtype");
        job("jobu", jobu, "NSA");
        job("jobvt", jobvt, "NSA");
        SvdSpans x = svdSpans(t, jobu, jobvt, m, n, a, aOff, lda, s, sOff, u, uOff, ldu, vt, vtOff, ldvt, work, lwork);
        int mn = Math.min(m, n);
        int rworkSpan = rworkSpan(t, rwork, 5L * mn);
        if (mn == 0) {
            return emptyProblem(lwork, work);
        }
        return checked("gesvd", HostCallPolicy.spectral((long) m * n,
                () -> gesvdK(t, jobu, jobvt, m, n, a, x.aFrom, x.aSpan, lda, s, sOff, x.sSpan, u, x.uFrom, x.uSpan, ldu,
                        vt, x.vtFrom, x.vtSpan, ldvt, work, x.workSpan, lwork, rwork, rworkSpan)));
    }

    protected abstract int gesvdK(DType t, char jobu, char jobvt, int m, int n, Object a, int aFrom, int aSpan, int lda,
                                  Object s, int sFrom, int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt,
                                  int vtFrom, int vtSpan, int ldvt, Object work, int workSpan, int lwork, Object rwork,
                                  int rworkSpan);

    @Override
    public final int syevd(DType t, char jobz, Uplo uplo, int n, Object a, int aOff, int lda, Object w, int wOff,
                           Object work, int lwork, Object rwork, int lrwork, int[] iwork, int liwork) {
        nonNull(t, "dtype");
        job("jobz", jobz, "NV");
        nonNull(uplo, "uplo");
        dims("n", n);
        int aSpan = matrix("A", t, COL, n, n, a, aOff, lda);
        int wSpan = CallChecks.span("w", t.componentType(), w, wOff, n);
        boolean query = lwork == -1;
        int workSpan = workspace("work", t, work, lwork);
        int rworkSpan = 0;
        if (t.isComplex()) {
            if (!query && lrwork < 1) {
                throw new InvalidArgumentException("lrwork", lrwork, "a size >= 1 (or lwork = -1 for a query)");
            }
            rworkSpan = CallChecks.span("rwork", t.componentType(), rwork, 0, query ? 1 : lrwork);
        }
        if (!query && liwork < 1) {
            throw new InvalidArgumentException("liwork", liwork, "a size >= 1 (or lwork = -1 for a query)");
        }
        CallChecks.intArray("iwork", iwork, 0, query ? 1 : liwork);
        if (n == 0) {
            if (query) {
                iwork[0] = 1;
                if (t.isComplex()) {
                    emptyProblem(-1, rwork);
                }
            }
            return emptyProblem(lwork, work);
        }
        int aFrom = slot(t, aOff);
        int rwSpan = rworkSpan;
        int lrw = query ? -1 : lrwork;
        int liw = query ? -1 : liwork;
        return checked("syevd", HostCallPolicy.spectral((long) n * n,
                () -> syevdK(t, jobz, uplo, n, a, aFrom, aSpan, lda, w, wOff, wSpan, work, workSpan, lwork, rwork,
                        rwSpan, lrw, iwork, liw)));
    }

    protected abstract int syevdK(DType t, char jobz, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda,
                                  Object w, int wFrom, int wSpan, Object work, int workSpan, int lwork, Object rwork,
                                  int rworkSpan, int lrwork, int[] iwork, int liwork);

    @Override
    public final int geev(DType t, char jobvl, char jobvr, int n, Object a, int aOff, int lda, Object w, int wOff,
                          Object vl, int vlOff, int ldvl, Object vr, int vrOff, int ldvr, Object work, int lwork,
                          Object rwork) {
        nonNull(t, "dtype");
        job("jobvl", jobvl, "NV");
        job("jobvr", jobvr, "NV");
        dims("n", n);
        int aSpan = matrix("A", t, COL, n, n, a, aOff, lda);
        // Real types: wr then wi, n values each; complex types: n complex values.
        int wSpan = CallChecks.span("w", t, w, wOff, t.isComplex() ? n : 2L * n);
        int vlSpan = optionalMatrix("VL", jobvl == 'V', t, n, n, vl, vlOff, ldvl, lwork);
        int vrSpan = optionalMatrix("VR", jobvr == 'V', t, n, n, vr, vrOff, ldvr, lwork);
        int workSpan = workspace("work", t, work, lwork);
        int rworkSpan = rworkSpan(t, rwork, 2L * n);
        if (n == 0) {
            return emptyProblem(lwork, work);
        }
        int aFrom = slot(t, aOff);
        int wFrom = slot(t, wOff);
        int vlFrom = slot(t, vlOff);
        int vrFrom = slot(t, vrOff);
        return checked("geev", HostCallPolicy.spectral((long) n * n,
                () -> geevK(t, jobvl, jobvr, n, a, aFrom, aSpan, lda, w, wFrom, wSpan, vl, vlFrom, vlSpan, ldvl, vr,
                        vrFrom, vrSpan, ldvr, work, workSpan, lwork, rwork, rworkSpan)));
    }

    /** For real types w's span holds wr then wi (n slots each) from wFrom. */
    protected abstract int geevK(DType t, char jobvl, char jobvr, int n, Object a, int aFrom, int aSpan, int lda,
                                 Object w, int wFrom, int wSpan, Object vl, int vlFrom, int vlSpan, int ldvl, Object vr,
                                 int vrFrom, int vrSpan, int ldvr, Object work, int workSpan, int lwork, Object rwork,
                                 int rworkSpan);

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
        Object query = standIn(t);
        orgqr(t, m, n, k, a, aOff, lda, tau, tauOff, query, -1);
        int lwork = queriedSize(query, Math.max(1, n));
        return orgqr(t, m, n, k, a, aOff, lda, tau, tauOff, allocate(t, lwork), lwork);
    }

    protected abstract int orgqrK(DType t, int m, int n, int k, Object a, int aFrom, int aSpan, int lda, Object tau,
                                  int tauFrom, int tauSpan, Object work, int workSpan, int lwork);

    @Override
    public final int gelsd(DType t, int m, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff, int ldb,
                           Object s, int sOff, double rcond, int[] rank, int rankOff) {
        // The one-shot form: a workspace query for all three arrays, then the solve.
        Object query = standIn(t);
        Object rquery = t.isComplex() ? standIn(t.componentType()) : null;
        int[] iquery = new int[1];
        gelsd(t, m, n, nrhs, a, aOff, lda, b, bOff, ldb, s, sOff, rcond, rank, rankOff, query, -1, rquery, iquery);
        int lwork = queriedSize(query, 1);
        Object rwork = t.isComplex() ? allocate(t.componentType(), queriedSize(rquery, 1)) : null;
        return gelsd(t, m, n, nrhs, a, aOff, lda, b, bOff, ldb, s, sOff, rcond, rank, rankOff, allocate(t, lwork),
                lwork, rwork, new int[Math.max(1, iquery[0])]);
    }

    protected abstract int gelsdK(DType t, int m, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b,
                                  int bFrom, int bSpan, int ldb, Object s, int sFrom, int sSpan, double rcond,
                                  int[] rank, int rankOff, Object work, int workSpan, int lwork, Object rwork,
                                  int rworkSpan, int[] iwork, int iworkCount);

    /** One element of t (two slots for complex types): a query's answer, or the stand-in for an unread operand. */
    private static Object standIn(DType t) {
        return t.isSinglePrecision() ? new float[t.slotsPerElement()] : new double[t.slotsPerElement()];
    }

    /** A zeroed workspace of {@code elements} elements of t. */
    private static Object allocate(DType t, int elements) {
        long slots = (long) elements * t.slotsPerElement();
        if (slots > Integer.MAX_VALUE - 8) {
            throw new org.fusemath.api.ResourceLimitException("a LAPACK workspace of " + elements + " " + t
                    + " elements exceeds a Java array");
        }
        return t.isSinglePrecision() ? new float[(int) slots] : new double[(int) slots];
    }

    /**
     * The size a query wrote to element 0 (its real part), at least {@code minimum}. Single-precision LAPACK returns
     * it as a float, which rounds sizes above 2²⁴, possibly down: that answer is rounded up past the rounding.
     */
    static int queriedSize(Object work, int minimum) {
        double value = work instanceof double[] d ? d[0] : ((float[]) work)[0];
        if (work instanceof float[]) {
            value = Math.ceil(value * (1 + 0x1p-22));
        }
        if (!(value <= Integer.MAX_VALUE - 8)) {
            throw new org.fusemath.api.ResourceLimitException("LAPACK asked for a workspace of " + value
                    + " elements, more than a Java array holds");
        }
        return Math.max(minimum, (int) value);
    }

    /**
     * The span in slots of an operand a workspace query does not read: 0 for a query (the operand may then be null),
     * else the checked matrix's span.
     */
    private static int unreadInQuery(String name, boolean query, DType t, int rows, int cols, Object array, int offset,
                                     int ld) {
        if (!query) {
            return matrix(name, t, COL, rows, cols, array, offset, ld);
        }
        int least = Math.max(1, rows);
        if (ld < least) {
            throw new InvalidArgumentException("ld" + name, ld, "a leading dimension >= max(1, " + rows + ")");
        }
        return 0;
    }

    /** A QR routine's workspace: one element for a query, else lwork &gt;= max(1, n) elements, all in work. */
    private static int qrWorkspace(DType t, Object work, int lwork, int n) {
        if (lwork != -1 && lwork < Math.max(1, n)) {
            throw new InvalidArgumentException("lwork", lwork, "-1 (a workspace query) or at least max(1, n) = "
                    + Math.max(1, n));
        }
        return workspace("work", t, work, lwork);
    }

    @Override
    public final int geqrf(DType t, int m, int n, Object a, int aOff, int lda, Object tau, int tauOff, Object work,
                           int lwork) {
        nonNull(t, "dtype");
        dims("m", m);
        dims("n", n);
        boolean query = lwork == -1;
        int aSpan = unreadInQuery("A", query, t, m, n, a, aOff, lda);
        int tauSpan = query && tau == null ? 0 : CallChecks.span("tau", t, tau, tauOff, Math.min(m, n));
        int workSpan = qrWorkspace(t, work, lwork, n);
        if (m == 0 || n == 0) {
            return emptyProblem(lwork, work);
        }
        // A query reads neither A nor tau: the kernel gets stand-ins, so nothing is staged or pinned for it.
        Object qa = query ? standIn(t) : a;
        Object qtau = query ? standIn(t) : tau;
        int aFrom = query ? 0 : slot(t, aOff);
        int tauFrom = query ? 0 : slot(t, tauOff);
        int tSpan = query ? 0 : tauSpan;
        return checked("geqrf", HostCallPolicy.lapack(query ? 1 : (long) m * n, SHALLOW,
                () -> geqrfK(t, m, n, qa, aFrom, aSpan, lda, qtau, tauFrom, tSpan, work, workSpan, lwork)));
    }

    @Override
    public final int orgqr(DType t, int m, int n, int k, Object a, int aOff, int lda, Object tau, int tauOff,
                           Object work, int lwork) {
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
        boolean query = lwork == -1;
        int aSpan = unreadInQuery("A", query, t, m, n, a, aOff, lda);
        int tauSpan = query && tau == null ? 0 : CallChecks.span("tau", t, tau, tauOff, k);
        int workSpan = qrWorkspace(t, work, lwork, n);
        if (n == 0) {
            return emptyProblem(lwork, work);
        }
        Object qa = query ? standIn(t) : a;
        Object qtau = query ? standIn(t) : tau;
        int aFrom = query ? 0 : slot(t, aOff);
        int tauFrom = query ? 0 : slot(t, tauOff);
        int tSpan = query ? 0 : tauSpan;
        return checked(t.isComplex() ? "ungqr" : "orgqr", HostCallPolicy.lapack(query ? 1 : (long) m * n, SHALLOW,
                () -> orgqrK(t, m, n, k, qa, aFrom, aSpan, lda, qtau, tauFrom, tSpan, work, workSpan, lwork)));
    }

    /** LAPACK's SMLSIZ for gelsd (ILAENV(9, ...) of reference LAPACK, which OpenBLAS ships). */
    private static final int SMLSIZ = 25;

    /** gelsd's NLVL: the depth of its divide-and-conquer tree (Fortran's INT truncates toward zero). */
    private static long gelsdLevels(int minmn) {
        return Math.max(0, (long) (Math.log((double) minmn / (SMLSIZ + 1)) / Math.log(2)) + 1);
    }

    /** The integer workspace gelsd needs: max(1, 3·min·nlvl + 11·min). */
    static long gelsdIwork(int m, int n) {
        int mn = Math.min(m, n);
        return Math.max(1, 3L * mn * gelsdLevels(mn) + 11L * mn);
    }

    /** The real workspace complex gelsd needs (LAPACK's LRWORK, what its query reports). */
    static long gelsdRwork(int m, int n, int nrhs) {
        long mn = Math.min(m, n);
        long nlvl = gelsdLevels((int) mn);
        long last = Math.max((long) (SMLSIZ + 1) * (SMLSIZ + 1), (long) n * (1 + nrhs) + 2L * nrhs);
        return Math.max(1, 10 * mn + 2 * mn * SMLSIZ + 8 * mn * nlvl + 3L * SMLSIZ * nrhs + last);
    }

    @Override
    public final int gelsd(DType t, int m, int n, int nrhs, Object a, int aOff, int lda, Object b, int bOff, int ldb,
                           Object s, int sOff, double rcond, int[] rank, int rankOff, Object work, int lwork,
                           Object rwork, int[] iwork) {
        nonNull(t, "dtype");
        dims("m", m);
        dims("n", n);
        dims("nrhs", nrhs);
        boolean query = lwork == -1;
        int aSpan = unreadInQuery("A", query, t, m, n, a, aOff, lda);
        int bSpan = unreadInQuery("B", query, t, Math.max(m, n), nrhs, b, bOff, ldb);
        int sSpan = query && s == null ? 0 : CallChecks.span("s", t.componentType(), s, sOff, Math.min(m, n));
        CallChecks.intArray("rank", rank, rankOff, 1);
        if (Double.isNaN(rcond)) {
            throw new InvalidArgumentException("rcond", rcond, "a number (negative: machine precision)");
        }
        int workSpan = workspace("work", t, work, lwork);
        boolean empty = Math.min(m, n) == 0;
        long rworkNeed = query || empty ? 1 : gelsdRwork(m, n, nrhs);
        int rworkSpan = rworkSpan(t, rwork, rworkNeed);
        long iworkNeed = query || empty ? 1 : gelsdIwork(m, n);
        nonNull(iwork, "iwork");
        if (iwork.length < iworkNeed) {
            throw new InvalidArgumentException("iwork", "an int[" + iwork.length + "]", "at least " + iworkNeed
                    + " entries (gelsd's minimum for " + m + "x" + n + ")");
        }
        if (m == 0 || n == 0) {
            if (query) {
                iwork[0] = 1;
                if (t.isComplex()) {
                    emptyProblem(-1, rwork);
                }
                return emptyProblem(lwork, work);
            }
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
        Object qa = query ? standIn(t) : a;
        Object qb = query ? standIn(t) : b;
        Object qs = query ? standIn(t.componentType()) : s;
        int aFrom = query ? 0 : slot(t, aOff);
        int bFrom = query ? 0 : slot(t, bOff);
        int sFrom = query ? 0 : sOff;
        int sv = query ? 0 : sSpan;
        int iworkCount = (int) iworkNeed;
        return checked("gelsd", HostCallPolicy.lapack(query ? 1 : (long) Math.max(m, n) * Math.max(n, nrhs), SHALLOW,
                () -> gelsdK(t, m, n, nrhs, qa, aFrom, aSpan, lda, qb, bFrom, bSpan, ldb, qs, sFrom, sv, rcond, rank,
                        rankOff, work, workSpan, lwork, rwork, rworkSpan, iwork, iworkCount)));
    }
}
