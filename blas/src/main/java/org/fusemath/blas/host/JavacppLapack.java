package org.fusemath.blas.host;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/**
 * The Java 17–21 LAPACK table: LAPACKE's {@code _work} entry points (no NaN screening, so NaN propagates as
 * in BLAS) through JavaCPP on this thread's reused {@link Staging} buffers.
 */
final class JavacppLapack extends CheckedLapack {
    private static final int COL = Cblas.LAPACK_COL_MAJOR;

    JavacppLapack() {
        OpenBlasLibrary.loadWithLapack();
    }

    @Override
    protected int getrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, int[] ipiv, int ipivOff) {
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        int pivots = Math.min(m, n);
        IntPointer pi = s.ints(ipiv, ipivOff, pivots, false);
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgetrf_work(COL, m, n, (DoublePointer) pa, lda, pi);
            case F32 -> openblas.LAPACKE_sgetrf_work(COL, m, n, (FloatPointer) pa, lda, pi);
            case C128 -> openblas.LAPACKE_zgetrf_work(COL, m, n, (DoublePointer) pa, lda, pi);
            case C64 -> openblas.LAPACKE_cgetrf_work(COL, m, n, (FloatPointer) pa, lda, pi);
        };
        s.out(0, a, aFrom, aSpan);
        s.intsOut(ipiv, ipivOff, pivots);
        return info;
    }

    @Override
    protected int getrsK(DType t, Trans trans, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, int[] ipiv,
                         int ipivOff, Object b, int bFrom, int bSpan, int ldb) {
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pb = s.in(1, b, bFrom, bSpan);
        IntPointer pi = s.ints(ipiv, ipivOff, n, true);
        byte tr = trans.lapackChar();
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgetrs_work(COL, tr, n, nrhs, (DoublePointer) pa, lda, pi, (DoublePointer) pb, ldb);
            case F32 -> openblas.LAPACKE_sgetrs_work(COL, tr, n, nrhs, (FloatPointer) pa, lda, pi, (FloatPointer) pb, ldb);
            case C128 -> openblas.LAPACKE_zgetrs_work(COL, tr, n, nrhs, (DoublePointer) pa, lda, pi, (DoublePointer) pb, ldb);
            case C64 -> openblas.LAPACKE_cgetrs_work(COL, tr, n, nrhs, (FloatPointer) pa, lda, pi, (FloatPointer) pb, ldb);
        };
        s.out(1, b, bFrom, bSpan);
        return info;
    }

    @Override
    protected int potrfK(DType t, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda) {
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        byte ul = Cblas.uploChar(uplo);
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dpotrf_work(COL, ul, n, (DoublePointer) pa, lda);
            case F32 -> openblas.LAPACKE_spotrf_work(COL, ul, n, (FloatPointer) pa, lda);
            case C128 -> openblas.LAPACKE_zpotrf_work(COL, ul, n, (DoublePointer) pa, lda);
            case C64 -> openblas.LAPACKE_cpotrf_work(COL, ul, n, (FloatPointer) pa, lda);
        };
        s.out(0, a, aFrom, aSpan);
        return info;
    }

    @Override
    protected int potrsK(DType t, Uplo uplo, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b,
                         int bFrom, int bSpan, int ldb) {
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pb = s.in(1, b, bFrom, bSpan);
        byte ul = Cblas.uploChar(uplo);
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dpotrs_work(COL, ul, n, nrhs, (DoublePointer) pa, lda, (DoublePointer) pb, ldb);
            case F32 -> openblas.LAPACKE_spotrs_work(COL, ul, n, nrhs, (FloatPointer) pa, lda, (FloatPointer) pb, ldb);
            case C128 -> openblas.LAPACKE_zpotrs_work(COL, ul, n, nrhs, (DoublePointer) pa, lda, (DoublePointer) pb, ldb);
            case C64 -> openblas.LAPACKE_cpotrs_work(COL, ul, n, nrhs, (FloatPointer) pa, lda, (FloatPointer) pb, ldb);
        };
        s.out(1, b, bFrom, bSpan);
        return info;
    }

    @Override
    protected int geqrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, Object tau, int tauFrom,
                         int tauSpan, Object work, int workSpan, int lwork) {
        if (lwork == -1) {
            return HeapQueries.geqrf(t, m, n, lda, work);
        }
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pt = s.space(1, tau, tauSpan);
        // The caller's work array is not staged in: LAPACK only writes it.
        Pointer pw = s.space(2, work, workSpan);
        int info = geqrf(t, m, n, pa, lda, pt, pw, lwork);
        s.out(0, a, aFrom, aSpan);
        s.out(1, tau, tauFrom, tauSpan);
        return info;
    }

    private static int geqrf(DType t, int m, int n, Pointer a, int lda, Pointer tau, Pointer work, int lwork) {
        return switch (t) {
            case F64 -> openblas.LAPACKE_dgeqrf_work(COL, m, n, (DoublePointer) a, lda, (DoublePointer) tau,
                    (DoublePointer) work, lwork);
            case F32 -> openblas.LAPACKE_sgeqrf_work(COL, m, n, (FloatPointer) a, lda, (FloatPointer) tau,
                    (FloatPointer) work, lwork);
            case C128 -> openblas.LAPACKE_zgeqrf_work(COL, m, n, (DoublePointer) a, lda, (DoublePointer) tau,
                    (DoublePointer) work, lwork);
            case C64 -> openblas.LAPACKE_cgeqrf_work(COL, m, n, (FloatPointer) a, lda, (FloatPointer) tau,
                    (FloatPointer) work, lwork);
        };
    }

    /** An output slot for {@code array}, or a null pointer for an array LAPACK does not reference. */
    private static Pointer output(Staging s, int slot, Object array, int span) {
        return array == null || span == 0 ? null : s.space(slot, array, span);
    }

    /** A part of a caller's array: {@code span} slots from {@code from} (an absent or empty one is not staged). */
    private record Part(Object array, int from, int span) {
        void copyOut(Staging s, int slot) {
            if (array != null && span > 0) {
                s.out(slot, array, from, span);
            }
        }
    }

    /**
     * The staging the SVD and general eigen drivers share: A in (slot 0), the values (1) and two optional matrices
     * (2, 3: U and Vᵀ, or VL and VR) as outputs, the workspace (4) and, for complex types, rwork (5).
     */
    private record Driver(Staging st, Pointer a, Pointer values, Pointer first, Pointer second, Pointer work,
                          Pointer rwork) {
        static Driver stage(DType t, Part a, Part values, Part first, Part second, Part work, Part rwork) {
            Staging st = Staging.current();
            return new Driver(st, st.in(0, a.array, a.from, a.span), st.space(1, values.array, values.span),
                    output(st, 2, first.array, first.span), output(st, 3, second.array, second.span),
                    st.space(4, work.array, work.span), t.isComplex() ? st.space(5, rwork.array, rwork.span) : null);
        }

        /** A query's workspace, or the values and both matrices, back into the caller's arrays; returns info. */
        int finish(int info, int lwork, Part values, Part first, Part second, Part work) {
            if (lwork == -1) {
                st.out(4, work.array, 0, work.span);
                return info;
            }
            st.out(1, values.array, values.from, values.span);
            first.copyOut(st, 2);
            second.copyOut(st, 3);
            return info;
        }
    }

    @Override
    protected int gesddK(DType t, char jobz, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s, int sFrom,
                         int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom, int vtSpan, int ldvt,
                         Object work, int workSpan, int lwork, Object rwork, int rworkSpan, int[] iwork) {
        Part sv = new Part(s, sFrom, sSpan);
        Part up = new Part(u, uFrom, uSpan);
        Part vp = new Part(vt, vtFrom, vtSpan);
        Part wp = new Part(work, 0, workSpan);
        Driver d = Driver.stage(t, new Part(a, aFrom, aSpan), sv, up, vp, wp, new Part(rwork, 0, rworkSpan));
        IntPointer pi = d.st().ints(iwork, 0, 8 * Math.min(m, n), false);
        byte jz = (byte) jobz;
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgesdd_work(COL, jz, m, n, (DoublePointer) d.a(), lda, (DoublePointer) d.values(),
                    (DoublePointer) d.first(), ldu, (DoublePointer) d.second(), ldvt, (DoublePointer) d.work(), lwork, pi);
            case F32 -> openblas.LAPACKE_sgesdd_work(COL, jz, m, n, (FloatPointer) d.a(), lda, (FloatPointer) d.values(),
                    (FloatPointer) d.first(), ldu, (FloatPointer) d.second(), ldvt, (FloatPointer) d.work(), lwork, pi);
            case C128 -> openblas.LAPACKE_zgesdd_work(COL, jz, m, n, (DoublePointer) d.a(), lda, (DoublePointer) d.values(),
                    (DoublePointer) d.first(), ldu, (DoublePointer) d.second(), ldvt, (DoublePointer) d.work(), lwork,
                    (DoublePointer) d.rwork(), pi);
            case C64 -> openblas.LAPACKE_cgesdd_work(COL, jz, m, n, (FloatPointer) d.a(), lda, (FloatPointer) d.values(),
                    (FloatPointer) d.first(), ldu, (FloatPointer) d.second(), ldvt, (FloatPointer) d.work(), lwork,
                    (FloatPointer) d.rwork(), pi);
        };
        return d.finish(info, lwork, sv, up, vp, wp);
    }

    @Override
    protected int gesvdK(DType t, char jobu, char jobvt, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s,
                         int sFrom, int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom,
                         int vtSpan, int ldvt, Object work, int workSpan, int lwork, Object rwork, int rworkSpan) {
        Part sv = new Part(s, sFrom, sSpan);
        Part up = new Part(u, uFrom, uSpan);
        Part vp = new Part(vt, vtFrom, vtSpan);
        Part wp = new Part(work, 0, workSpan);
        Driver d = Driver.stage(t, new Part(a, aFrom, aSpan), sv, up, vp, wp, new Part(rwork, 0, rworkSpan));
        byte ju = (byte) jobu;
        byte jv = (byte) jobvt;
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgesvd_work(COL, ju, jv, m, n, (DoublePointer) d.a(), lda,
                    (DoublePointer) d.values(), (DoublePointer) d.first(), ldu, (DoublePointer) d.second(), ldvt,
                    (DoublePointer) d.work(), lwork);
            case F32 -> openblas.LAPACKE_sgesvd_work(COL, ju, jv, m, n, (FloatPointer) d.a(), lda,
                    (FloatPointer) d.values(), (FloatPointer) d.first(), ldu, (FloatPointer) d.second(), ldvt,
                    (FloatPointer) d.work(), lwork);
            case C128 -> openblas.LAPACKE_zgesvd_work(COL, ju, jv, m, n, (DoublePointer) d.a(), lda,
                    (DoublePointer) d.values(), (DoublePointer) d.first(), ldu, (DoublePointer) d.second(), ldvt,
                    (DoublePointer) d.work(), lwork, (DoublePointer) d.rwork());
            case C64 -> openblas.LAPACKE_cgesvd_work(COL, ju, jv, m, n, (FloatPointer) d.a(), lda,
                    (FloatPointer) d.values(), (FloatPointer) d.first(), ldu, (FloatPointer) d.second(), ldvt,
                    (FloatPointer) d.work(), lwork, (FloatPointer) d.rwork());
        };
        return d.finish(info, lwork, sv, up, vp, wp);
    }

    @Override
    protected int syevdK(DType t, char jobz, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda, Object w,
                         int wFrom, int wSpan, Object work, int workSpan, int lwork, Object rwork, int rworkSpan,
                         int lrwork, int[] iwork, int liwork) {
        Staging st = Staging.current();
        Pointer pa = st.in(0, a, aFrom, aSpan);
        Pointer pw = st.space(1, w, wSpan);
        Pointer pwork = st.space(4, work, workSpan);
        Pointer prw = t.isComplex() ? st.space(5, rwork, rworkSpan) : null;
        int ints = liwork == -1 ? 1 : liwork;
        IntPointer pi = st.ints(iwork, 0, ints, false);
        byte jz = (byte) jobz;
        byte ul = Cblas.uploChar(uplo);
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dsyevd_work(COL, jz, ul, n, (DoublePointer) pa, lda, (DoublePointer) pw,
                    (DoublePointer) pwork, lwork, pi, liwork);
            case F32 -> openblas.LAPACKE_ssyevd_work(COL, jz, ul, n, (FloatPointer) pa, lda, (FloatPointer) pw,
                    (FloatPointer) pwork, lwork, pi, liwork);
            case C128 -> openblas.LAPACKE_zheevd_work(COL, jz, ul, n, (DoublePointer) pa, lda, (DoublePointer) pw,
                    (DoublePointer) pwork, lwork, (DoublePointer) prw, lrwork, pi, liwork);
            case C64 -> openblas.LAPACKE_cheevd_work(COL, jz, ul, n, (FloatPointer) pa, lda, (FloatPointer) pw,
                    (FloatPointer) pwork, lwork, (FloatPointer) prw, lrwork, pi, liwork);
        };
        if (lwork == -1) {
            st.out(4, work, 0, workSpan);
            if (t.isComplex()) {
                st.out(5, rwork, 0, rworkSpan);
            }
            st.intsOut(iwork, 0, 1);
            return info;
        }
        st.out(1, w, wFrom, wSpan);
        if (jobz == 'V') {
            st.out(0, a, aFrom, aSpan);
        }
        return info;
    }

    @Override
    protected int geevK(DType t, char jobvl, char jobvr, int n, Object a, int aFrom, int aSpan, int lda, Object w,
                        int wFrom, int wSpan, Object vl, int vlFrom, int vlSpan, int ldvl, Object vr, int vrFrom,
                        int vrSpan, int ldvr, Object work, int workSpan, int lwork, Object rwork, int rworkSpan) {
        Part wv = new Part(w, wFrom, wSpan);
        Part lp = new Part(vl, vlFrom, vlSpan);
        Part rp = new Part(vr, vrFrom, vrSpan);
        Part wp = new Part(work, 0, workSpan);
        Driver d = Driver.stage(t, new Part(a, aFrom, aSpan), wv, lp, rp, wp, new Part(rwork, 0, rworkSpan));
        byte jl = (byte) jobvl;
        byte jr = (byte) jobvr;
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgeev_work(COL, jl, jr, n, (DoublePointer) d.a(), lda, (DoublePointer) d.values(),
                    ((DoublePointer) d.values()).getPointer(n), (DoublePointer) d.first(), ldvl,
                    (DoublePointer) d.second(), ldvr, (DoublePointer) d.work(), lwork);
            case F32 -> openblas.LAPACKE_sgeev_work(COL, jl, jr, n, (FloatPointer) d.a(), lda, (FloatPointer) d.values(),
                    ((FloatPointer) d.values()).getPointer(n), (FloatPointer) d.first(), ldvl, (FloatPointer) d.second(),
                    ldvr, (FloatPointer) d.work(), lwork);
            case C128 -> openblas.LAPACKE_zgeev_work(COL, jl, jr, n, (DoublePointer) d.a(), lda,
                    (DoublePointer) d.values(), (DoublePointer) d.first(), ldvl, (DoublePointer) d.second(), ldvr,
                    (DoublePointer) d.work(), lwork, (DoublePointer) d.rwork());
            case C64 -> openblas.LAPACKE_cgeev_work(COL, jl, jr, n, (FloatPointer) d.a(), lda, (FloatPointer) d.values(),
                    (FloatPointer) d.first(), ldvl, (FloatPointer) d.second(), ldvr, (FloatPointer) d.work(), lwork,
                    (FloatPointer) d.rwork());
        };
        return d.finish(info, lwork, wv, lp, rp, wp);
    }

    @Override
    protected int geconK(DType t, byte norm, int n, Object a, int aFrom, int aSpan, int lda, double anorm,
                         double[] rcond, int rcondOff) {
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pr = s.space(1, a, 1);
        // Real: work 4n, iwork n. Complex: work 2n complex (4n slots), rwork 2n reals after it.
        Pointer work = s.space(2, a, 6 * n);
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgecon_work(COL, norm, n, (DoublePointer) pa, lda, anorm, (DoublePointer) pr,
                    (DoublePointer) work, s.ints(null, 0, n, false));
            case F32 -> openblas.LAPACKE_sgecon_work(COL, norm, n, (FloatPointer) pa, lda, (float) anorm,
                    (FloatPointer) pr, (FloatPointer) work, s.ints(null, 0, n, false));
            case C128 -> openblas.LAPACKE_zgecon_work(COL, norm, n, (DoublePointer) pa, lda, anorm, (DoublePointer) pr,
                    (DoublePointer) work, ((DoublePointer) work).getPointer(4L * n));
            case C64 -> openblas.LAPACKE_cgecon_work(COL, norm, n, (FloatPointer) pa, lda, (float) anorm,
                    (FloatPointer) pr, (FloatPointer) work, ((FloatPointer) work).getPointer(4L * n));
        };
        rcond[rcondOff] = pr instanceof DoublePointer d ? d.get(0) : ((FloatPointer) pr).get(0);
        return info;
    }

    @Override
    protected int orgqrK(DType t, int m, int n, int k, Object a, int aFrom, int aSpan, int lda, Object tau, int tauFrom,
                         int tauSpan, Object work, int workSpan, int lwork) {
        if (lwork == -1) {
            return HeapQueries.orgqr(t, m, n, k, lda, work);
        }
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pt = s.in(1, tau, tauFrom, tauSpan);
        Pointer pw = s.space(2, work, workSpan);
        int info = orgqr(t, m, n, k, pa, lda, pt, pw, lwork);
        s.out(0, a, aFrom, aSpan);
        return info;
    }

    private static int orgqr(DType t, int m, int n, int k, Pointer a, int lda, Pointer tau, Pointer work, int lwork) {
        return switch (t) {
            case F64 -> openblas.LAPACKE_dorgqr_work(COL, m, n, k, (DoublePointer) a, lda, (DoublePointer) tau,
                    (DoublePointer) work, lwork);
            case F32 -> openblas.LAPACKE_sorgqr_work(COL, m, n, k, (FloatPointer) a, lda, (FloatPointer) tau,
                    (FloatPointer) work, lwork);
            case C128 -> openblas.LAPACKE_zungqr_work(COL, m, n, k, (DoublePointer) a, lda, (DoublePointer) tau,
                    (DoublePointer) work, lwork);
            case C64 -> openblas.LAPACKE_cungqr_work(COL, m, n, k, (FloatPointer) a, lda, (FloatPointer) tau,
                    (FloatPointer) work, lwork);
        };
    }

    @Override
    protected int gelsdK(DType t, int m, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom,
                         int bSpan, int ldb, Object sv, int sFrom, int sSpan, double rcond, int[] rank, int rankOff,
                         Object work, int workSpan, int lwork, Object rwork, int rworkSpan, int[] iwork,
                         int iworkCount) {
        if (lwork == -1) {
            return HeapQueries.gelsd(t, m, n, nrhs, lda, ldb, rcond, work, rwork, iwork);
        }
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pb = s.in(1, b, bFrom, bSpan);
        Pointer ps = s.space(2, sv, Math.max(1, sSpan));
        Pointer pw = s.space(3, work, workSpan);
        Pointer prw = t.isComplex() ? s.space(4, rwork, rworkSpan) : null;
        // One int buffer: iwork, then the rank after it.
        IntPointer pi = s.ints(null, 0, iworkCount + 1, false);
        int info = gelsd(t, m, n, nrhs, pa, lda, pb, ldb, ps, rcond, pi.getPointer(iworkCount), pw, lwork, prw, pi);
        rank[rankOff] = pi.get(iworkCount);
        s.out(1, b, bFrom, bSpan);
        if (sSpan > 0) {
            s.out(2, sv, sFrom, sSpan);
        }
        return info;
    }

    private static int gelsd(DType t, int m, int n, int nrhs, Pointer a, int lda, Pointer b, int ldb, Pointer s,
                             double rcond, IntPointer rank, Pointer work, int lwork, Pointer rwork, IntPointer iwork) {
        return switch (t) {
            case F64 -> openblas.LAPACKE_dgelsd_work(COL, m, n, nrhs, (DoublePointer) a, lda, (DoublePointer) b, ldb,
                    (DoublePointer) s, rcond, rank, (DoublePointer) work, lwork, iwork);
            case F32 -> openblas.LAPACKE_sgelsd_work(COL, m, n, nrhs, (FloatPointer) a, lda, (FloatPointer) b, ldb,
                    (FloatPointer) s, (float) rcond, rank, (FloatPointer) work, lwork, iwork);
            case C128 -> openblas.LAPACKE_zgelsd_work(COL, m, n, nrhs, (DoublePointer) a, lda, (DoublePointer) b, ldb,
                    (DoublePointer) s, rcond, rank, (DoublePointer) work, lwork, (DoublePointer) rwork, iwork);
            case C64 -> openblas.LAPACKE_cgelsd_work(COL, m, n, nrhs, (FloatPointer) a, lda, (FloatPointer) b, ldb,
                    (FloatPointer) s, (float) rcond, rank, (FloatPointer) work, lwork, (FloatPointer) rwork, iwork);
        };
    }
}
