package org.fusemath.blas.host;

import static org.fusemath.blas.host.Downcalls.rethrow;
import static org.fusemath.blas.host.Downcalls.seg;

import java.lang.foreign.MemorySegment;
import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/**
 * The Java 22+ LAPACK table: critical FFM downcalls into LAPACKE's {@code _work} entry points on the caller's heap
 * arrays; calls above {@link CriticalCalls#limit()} go through the JavaCPP staging table.
 */
final class FfmLapack extends CheckedLapack {
    private static final int COL = Cblas.LAPACK_COL_MAJOR;
    private static final Downcalls.Handles GETRF = work("getrf", "iiipip");
    private static final Downcalls.Handles GETRS = work("getrs", "ibiipippi");
    private static final Downcalls.Handles POTRF = work("potrf", "ibipi");
    private static final Downcalls.Handles POTRS = work("potrs", "ibiipipi");
    private static final Downcalls.Handles GEQRF = work("geqrf", "iiipippi");
    private static final Downcalls.Handles GECON = work("gecon", "ibipirppp");
    private static final Downcalls.Handles ORGQR = Downcalls.bind("i", "iiiipippi", "LAPACKE_sorgqr_work",
            "LAPACKE_dorgqr_work", "LAPACKE_cungqr_work", "LAPACKE_zungqr_work");
    /** gelsd: the real routines take an integer workspace, the complex ones a real one before it. */
    private static final Downcalls.Handles GELSD = Downcalls.bind("i", "iiiipipiprppip", "LAPACKE_sgelsd_work",
            "LAPACKE_dgelsd_work", null, null);
    private static final Downcalls.Handles GELSD_COMPLEX = Downcalls.bind("i", "iiiipipiprppipp", null, null,
            "LAPACKE_cgelsd_work", "LAPACKE_zgelsd_work");

    /** LAPACKE's {@code _work} entry points: no NaN screening of the inputs, so NaN propagates as in BLAS. */
    private static Downcalls.Handles work(String routine, String params) {
        return Downcalls.bind("i", params, "LAPACKE_s" + routine + "_work", "LAPACKE_d" + routine + "_work",
                "LAPACKE_c" + routine + "_work", "LAPACKE_z" + routine + "_work");
    }

    /** The staging table for calls too long to run critical ({@link CriticalCalls}), made on first use. */
    private static final class Staged {
        static final JavacppLapack LAPACK = new JavacppLapack();
    }

    @Override
    protected int getrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, int[] ipiv, int ipivOff) {
        if (!CriticalCalls.allowed((long) m * n * Math.min(m, n))) {
            return Staged.LAPACK.getrfK(t, m, n, a, aFrom, aSpan, lda, ipiv, ipivOff);
        }
        try {
            return (int) GETRF.of(t).invokeExact(COL, m, n, seg(a, aFrom), lda, seg(ipiv, ipivOff));
        } catch (Throwable e) {
            throw rethrow("getrf", e);
        }
    }

    @Override
    protected int getrsK(DType t, Trans trans, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, int[] ipiv,
                         int ipivOff, Object b, int bFrom, int bSpan, int ldb) {
        if (!CriticalCalls.allowed((long) n * n * nrhs)) {
            return Staged.LAPACK.getrsK(t, trans, n, nrhs, a, aFrom, aSpan, lda, ipiv, ipivOff, b, bFrom, bSpan, ldb);
        }
        try {
            return (int) GETRS.of(t).invokeExact(COL, trans.lapackChar(), n, nrhs, seg(a, aFrom), lda,
                    seg(ipiv, ipivOff), seg(b, bFrom), ldb);
        } catch (Throwable e) {
            throw rethrow("getrs", e);
        }
    }

    @Override
    protected int potrfK(DType t, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda) {
        if (!CriticalCalls.allowed((long) n * n * n)) {
            return Staged.LAPACK.potrfK(t, uplo, n, a, aFrom, aSpan, lda);
        }
        try {
            return (int) POTRF.of(t).invokeExact(COL, Cblas.uploChar(uplo), n, seg(a, aFrom), lda);
        } catch (Throwable e) {
            throw rethrow("potrf", e);
        }
    }

    @Override
    protected int potrsK(DType t, Uplo uplo, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b,
                         int bFrom, int bSpan, int ldb) {
        if (!CriticalCalls.allowed((long) n * n * nrhs)) {
            return Staged.LAPACK.potrsK(t, uplo, n, nrhs, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb);
        }
        try {
            return (int) POTRS.of(t).invokeExact(COL, Cblas.uploChar(uplo), n, nrhs, seg(a, aFrom), lda,
                    seg(b, bFrom), ldb);
        } catch (Throwable e) {
            throw rethrow("potrs", e);
        }
    }

    @Override
    protected int geqrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, Object tau, int tauFrom,
                         int tauSpan, Object work, int workSpan, int lwork) {
        if (!CriticalCalls.allowed((long) m * n * Math.min(m, n))) {
            return Staged.LAPACK.geqrfK(t, m, n, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan, work, workSpan, lwork);
        }
        try {
            return (int) GEQRF.of(t).invokeExact(COL, m, n, seg(a, aFrom), lda, seg(tau, tauFrom), seg(work, 0), lwork);
        } catch (Throwable e) {
            throw rethrow("geqrf", e);
        }
    }

    private static final Downcalls.Handles GESDD_REAL = real("gesdd", "ibiipippipipip");
    private static final Downcalls.Handles GESDD_COMPLEX = complex("gesdd", "ibiipippipipipp");
    private static final Downcalls.Handles GESVD_REAL = real("gesvd", "ibbiipippipipi");
    private static final Downcalls.Handles GESVD_COMPLEX = complex("gesvd", "ibbiipippipipip");
    private static final Downcalls.Handles SYEVD = Downcalls.bind("i", "ibbipippipi", "LAPACKE_ssyevd_work",
            "LAPACKE_dsyevd_work", null, null);
    private static final Downcalls.Handles HEEVD = Downcalls.bind("i", "ibbipippipipi", null, null,
            "LAPACKE_cheevd_work", "LAPACKE_zheevd_work");
    private static final Downcalls.Handles GEEV_REAL = real("geev", "ibbipipppipipi");
    private static final Downcalls.Handles GEEV_COMPLEX = complex("geev", "ibbipippipipip");

    /** A routine whose real and complex forms differ in their parameters (complex ones take rwork). */
    private static Downcalls.Handles real(String routine, String params) {
        return Downcalls.bind("i", params, "LAPACKE_s" + routine + "_work", "LAPACKE_d" + routine + "_work", null, null);
    }

    private static Downcalls.Handles complex(String routine, String params) {
        return Downcalls.bind("i", params, null, null, "LAPACKE_c" + routine + "_work", "LAPACKE_z" + routine + "_work");
    }

    /** The array from slot {@code from} on, or NULL for one LAPACK does not reference. */
    private static MemorySegment opt(Object array, int from, int span) {
        return array == null || span == 0 ? MemorySegment.NULL : seg(array, from);
    }

    @Override
    protected int gesddK(DType t, char jobz, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s, int sFrom,
                         int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom, int vtSpan, int ldvt,
                         Object work, int workSpan, int lwork, Object rwork, int rworkSpan, int[] iwork) {
        if (!CriticalCalls.allowed((long) m * n * Math.min(m, n))) {
            return Staged.LAPACK.gesddK(t, jobz, m, n, a, aFrom, aSpan, lda, s, sFrom, sSpan, u, uFrom, uSpan, ldu, vt,
                    vtFrom, vtSpan, ldvt, work, workSpan, lwork, rwork, rworkSpan, iwork);
        }
        try {
            if (t.isComplex()) {
                return (int) GESDD_COMPLEX.of(t).invokeExact(COL, (byte) jobz, m, n, seg(a, aFrom), lda, seg(s, sFrom),
                        opt(u, uFrom, uSpan), ldu, opt(vt, vtFrom, vtSpan), ldvt, seg(work, 0), lwork, seg(rwork, 0),
                        seg(iwork, 0));
            }
            return (int) GESDD_REAL.of(t).invokeExact(COL, (byte) jobz, m, n, seg(a, aFrom), lda, seg(s, sFrom),
                    opt(u, uFrom, uSpan), ldu, opt(vt, vtFrom, vtSpan), ldvt, seg(work, 0), lwork, seg(iwork, 0));
        } catch (Throwable e) {
            throw rethrow("gesdd", e);
        }
    }

    @Override
    protected int gesvdK(DType t, char jobu, char jobvt, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s,
                         int sFrom, int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom,
                         int vtSpan, int ldvt, Object work, int workSpan, int lwork, Object rwork, int rworkSpan) {
        if (!CriticalCalls.allowed((long) m * n * Math.min(m, n))) {
            return Staged.LAPACK.gesvdK(t, jobu, jobvt, m, n, a, aFrom, aSpan, lda, s, sFrom, sSpan, u, uFrom, uSpan,
                    ldu, vt, vtFrom, vtSpan, ldvt, work, workSpan, lwork, rwork, rworkSpan);
        }
        try {
            if (t.isComplex()) {
                return (int) GESVD_COMPLEX.of(t).invokeExact(COL, (byte) jobu, (byte) jobvt, m, n, seg(a, aFrom), lda,
                        seg(s, sFrom), opt(u, uFrom, uSpan), ldu, opt(vt, vtFrom, vtSpan), ldvt, seg(work, 0), lwork,
                        seg(rwork, 0));
            }
            return (int) GESVD_REAL.of(t).invokeExact(COL, (byte) jobu, (byte) jobvt, m, n, seg(a, aFrom), lda,
                    seg(s, sFrom), opt(u, uFrom, uSpan), ldu, opt(vt, vtFrom, vtSpan), ldvt, seg(work, 0), lwork);
        } catch (Throwable e) {
            throw rethrow("gesvd", e);
        }
    }

    @Override
    protected int syevdK(DType t, char jobz, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda, Object w,
                         int wFrom, int wSpan, Object work, int workSpan, int lwork, Object rwork, int rworkSpan,
                         int lrwork, int[] iwork, int liwork) {
        if (!CriticalCalls.allowed((long) n * n * n)) {
            return Staged.LAPACK.syevdK(t, jobz, uplo, n, a, aFrom, aSpan, lda, w, wFrom, wSpan, work, workSpan, lwork,
                    rwork, rworkSpan, lrwork, iwork, liwork);
        }
        try {
            if (t.isComplex()) {
                return (int) HEEVD.of(t).invokeExact(COL, (byte) jobz, Cblas.uploChar(uplo), n, seg(a, aFrom), lda,
                        seg(w, wFrom), seg(work, 0), lwork, seg(rwork, 0), lrwork, seg(iwork, 0), liwork);
            }
            return (int) SYEVD.of(t).invokeExact(COL, (byte) jobz, Cblas.uploChar(uplo), n, seg(a, aFrom), lda,
                    seg(w, wFrom), seg(work, 0), lwork, seg(iwork, 0), liwork);
        } catch (Throwable e) {
            throw rethrow("syevd", e);
        }
    }

    @Override
    protected int geevK(DType t, char jobvl, char jobvr, int n, Object a, int aFrom, int aSpan, int lda, Object w,
                        int wFrom, int wSpan, Object vl, int vlFrom, int vlSpan, int ldvl, Object vr, int vrFrom,
                        int vrSpan, int ldvr, Object work, int workSpan, int lwork, Object rwork, int rworkSpan) {
        if (!CriticalCalls.allowed((long) n * n * n)) {
            return Staged.LAPACK.geevK(t, jobvl, jobvr, n, a, aFrom, aSpan, lda, w, wFrom, wSpan, vl, vlFrom, vlSpan,
                    ldvl, vr, vrFrom, vrSpan, ldvr, work, workSpan, lwork, rwork, rworkSpan);
        }
        try {
            if (t.isComplex()) {
                return (int) GEEV_COMPLEX.of(t).invokeExact(COL, (byte) jobvl, (byte) jobvr, n, seg(a, aFrom), lda,
                        seg(w, wFrom), opt(vl, vlFrom, vlSpan), ldvl, opt(vr, vrFrom, vrSpan), ldvr, seg(work, 0), lwork,
                        seg(rwork, 0));
            }
            return (int) GEEV_REAL.of(t).invokeExact(COL, (byte) jobvl, (byte) jobvr, n, seg(a, aFrom), lda,
                    seg(w, wFrom), seg(w, wFrom + n), opt(vl, vlFrom, vlSpan), ldvl, opt(vr, vrFrom, vrSpan), ldvr,
                    seg(work, 0), lwork);
        } catch (Throwable e) {
            throw rethrow("geev", e);
        }
    }

    private static Object scratch(DType t, int slots) {
        return t.isSinglePrecision() ? new float[Math.max(1, slots)] : new double[Math.max(1, slots)];
    }

    @Override
    protected int geconK(DType t, byte norm, int n, Object a, int aFrom, int aSpan, int lda, double anorm,
                         double[] rcond, int rcondOff) {
        if (!CriticalCalls.allowed((long) n * n)) {
            return Staged.LAPACK.geconK(t, norm, n, a, aFrom, aSpan, lda, anorm, rcond, rcondOff);
        }
        Object r = scratch(t, 1);
        // Real: work 4n, iwork n. Complex: work 2n complex (4n slots), rwork 2n reals.
        Object work = scratch(t, 4 * n);
        java.lang.foreign.MemorySegment last = t.isComplex() ? seg(scratch(t, 2 * n), 0)
                : java.lang.foreign.MemorySegment.ofArray(new int[n]);
        try {
            int info;
            if (t.isSinglePrecision()) {
                info = (int) GECON.of(t).invokeExact(COL, norm, n, seg(a, aFrom), lda, (float) anorm, seg(r, 0),
                        seg(work, 0), last);
            } else {
                info = (int) GECON.of(t).invokeExact(COL, norm, n, seg(a, aFrom), lda, anorm, seg(r, 0), seg(work, 0),
                        last);
            }
            rcond[rcondOff] = r instanceof double[] d ? d[0] : ((float[]) r)[0];
            return info;
        } catch (Throwable e) {
            throw rethrow("gecon", e);
        }
    }

    @Override
    protected int orgqrK(DType t, int m, int n, int k, Object a, int aFrom, int aSpan, int lda, Object tau, int tauFrom,
                         int tauSpan, Object work, int workSpan, int lwork) {
        if (!CriticalCalls.allowed((long) m * n * Math.max(1, k))) {
            return Staged.LAPACK.orgqrK(t, m, n, k, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan, work, workSpan, lwork);
        }
        try {
            return (int) ORGQR.of(t).invokeExact(COL, m, n, k, seg(a, aFrom), lda, seg(tau, tauFrom), seg(work, 0),
                    lwork);
        } catch (Throwable e) {
            throw rethrow(t.isComplex() ? "ungqr" : "orgqr", e);
        }
    }

    @Override
    protected int gelsdK(DType t, int m, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom,
                         int bSpan, int ldb, Object sv, int sFrom, int sSpan, double rcond, int[] rank, int rankOff,
                         Object work, int workSpan, int lwork, Object rwork, int rworkSpan, int[] iwork,
                         int iworkCount) {
        if (!CriticalCalls.allowed((long) m * n * Math.min(m, n) + (long) m * n * nrhs)) {
            return Staged.LAPACK.gelsdK(t, m, n, nrhs, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb, sv, sFrom, sSpan,
                    rcond, rank, rankOff, work, workSpan, lwork, rwork, rworkSpan, iwork, iworkCount);
        }
        try {
            MemorySegment pa = seg(a, aFrom);
            MemorySegment pb = seg(b, bFrom);
            MemorySegment ps = seg(sv, sFrom);
            MemorySegment pr = seg(rank, rankOff);
            MemorySegment pw = seg(work, 0);
            MemorySegment pi = seg(iwork, 0);
            return switch (t) {
                case F32 -> (int) GELSD.of(t).invokeExact(COL, m, n, nrhs, pa, lda, pb, ldb, ps, (float) rcond, pr, pw,
                        lwork, pi);
                case F64 -> (int) GELSD.of(t).invokeExact(COL, m, n, nrhs, pa, lda, pb, ldb, ps, rcond, pr, pw, lwork,
                        pi);
                case C64 -> (int) GELSD_COMPLEX.of(t).invokeExact(COL, m, n, nrhs, pa, lda, pb, ldb, ps, (float) rcond,
                        pr, pw, lwork, seg(rwork, 0), pi);
                case C128 -> (int) GELSD_COMPLEX.of(t).invokeExact(COL, m, n, nrhs, pa, lda, pb, ldb, ps, rcond, pr, pw,
                        lwork, seg(rwork, 0), pi);
            };
        } catch (Throwable e) {
            throw rethrow("gelsd", e);
        }
    }
}
