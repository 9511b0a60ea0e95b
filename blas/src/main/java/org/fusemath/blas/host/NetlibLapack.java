package org.fusemath.blas.host;

import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;
import org.netlib.util.doubleW;
import org.netlib.util.floatW;
import org.netlib.util.intW;

/**
 * The Java 17–21 LAPACK table for real types: dev.ludovic.netlib's JNI shims call OpenBLAS's Fortran LAPACK on the
 * caller's heap arrays without copying. Column-major, as LAPACKE's column-major {@code _work} entry points, which
 * call the same Fortran routines: {@code info} and the 1-based {@code ipiv} are LAPACK's, and a negative info is
 * shifted by one as LAPACKE does (LAPACKE counts its layout argument). Complex types, calls above
 * {@link CriticalCalls#limit()} and operands whose last column is stored shorter than the leading dimension (which
 * the shims' own checks reject) go through the staging table.
 */
final class NetlibLapack extends CheckedLapack {
    private final NativeLAPACK lapack;
    private final JavacppLapack staging;

    NetlibLapack(NativeLAPACK lapack, JavacppLapack staging) {
        this.lapack = lapack;
        this.staging = staging;
    }

    private static int lapackeInfo(intW info) {
        return info.val < 0 ? info.val - 1 : info.val;
    }

    private static String ul(Uplo u) {
        return u == Uplo.UPPER ? "U" : "L";
    }

    @Override
    protected int getrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, int[] ipiv, int ipivOff) {
        if (t.isComplex() || !CriticalCalls.allowed((long) m * n * Math.min(m, n))
                || !NetlibShims.whole(a, aFrom, n, lda)) {
            return staging.getrfK(t, m, n, a, aFrom, aSpan, lda, ipiv, ipivOff);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dgetrf(m, n, d, aFrom, lda, ipiv, ipivOff, info);
        } else {
            lapack.sgetrf(m, n, (float[]) a, aFrom, lda, ipiv, ipivOff, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int getrsK(DType t, Trans trans, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, int[] ipiv,
                         int ipivOff, Object b, int bFrom, int bSpan, int ldb) {
        if (t.isComplex() || !CriticalCalls.allowed((long) n * n * nrhs)) {
            return staging.getrsK(t, trans, n, nrhs, a, aFrom, aSpan, lda, ipiv, ipivOff, b, bFrom, bSpan, ldb);
        }
        intW info = new intW(0);
        String tr = trans == Trans.N ? "N" : "T";
        if (a instanceof double[] d) {
            lapack.dgetrs(tr, n, nrhs, d, aFrom, lda, ipiv, ipivOff, (double[]) b, bFrom, ldb, info);
        } else {
            lapack.sgetrs(tr, n, nrhs, (float[]) a, aFrom, lda, ipiv, ipivOff, (float[]) b, bFrom, ldb, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int potrfK(DType t, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda) {
        if (t.isComplex() || !CriticalCalls.allowed((long) n * n * n)) {
            return staging.potrfK(t, uplo, n, a, aFrom, aSpan, lda);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dpotrf(ul(uplo), n, d, aFrom, lda, info);
        } else {
            lapack.spotrf(ul(uplo), n, (float[]) a, aFrom, lda, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int potrsK(DType t, Uplo uplo, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b,
                         int bFrom, int bSpan, int ldb) {
        if (t.isComplex() || !CriticalCalls.allowed((long) n * n * nrhs)) {
            return staging.potrsK(t, uplo, n, nrhs, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dpotrs(ul(uplo), n, nrhs, d, aFrom, lda, (double[]) b, bFrom, ldb, info);
        } else {
            lapack.spotrs(ul(uplo), n, nrhs, (float[]) a, aFrom, lda, (float[]) b, bFrom, ldb, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int geqrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, Object tau, int tauFrom,
                         int tauSpan, Object work, int workSpan, int lwork) {
        // Queries take the staging table's heap path (HeapQueries), which stages nothing.
        if (lwork == -1 || t.isComplex() || !CriticalCalls.allowed((long) m * n * Math.min(m, n))
                || !NetlibShims.whole(a, aFrom, n, lda)) {
            return staging.geqrfK(t, m, n, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan, work, workSpan, lwork);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dgeqrf(m, n, d, aFrom, lda, (double[]) tau, tauFrom, (double[]) work, 0, lwork, info);
        } else {
            lapack.sgeqrf(m, n, (float[]) a, aFrom, lda, (float[]) tau, tauFrom, (float[]) work, 0, lwork, info);
        }
        return lapackeInfo(info);
    }

    /**
     * Whether an operand LAPACK references lies wholly in its array (what the shims' own checks demand); a null one is
     * unreferenced (a workspace query) and gets a stand-in.
     */
    private static boolean whole(boolean used, Object array, int from, int cols, int ld) {
        return !used || array == null || NetlibShims.whole(array, from, cols, ld);
    }

    /**
     * An array LAPACK does not reference may be null in the call table; the shims pin every array they are given, so
     * such an operand gets a one-element stand-in.
     */
    private static Object present(Object array, DType t) {
        return array != null ? array : t.isSinglePrecision() ? new float[1] : new double[1];
    }

    /** The offset into {@link #present}'s array: the stand-in is read from 0. */
    private static int at(Object array, int from) {
        return array != null ? from : 0;
    }

    private static String job(char c) {
        return String.valueOf(c);
    }

    @Override
    protected int gesddK(DType t, char jobz, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s, int sFrom,
                         int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom, int vtSpan, int ldvt,
                         Object work, int workSpan, int lwork, Object rwork, int rworkSpan, int[] iwork) {
        int uCols = jobz == 'A' ? m : Math.min(m, n);
        boolean vectors = jobz != 'N';
        if (t.isComplex() || !CriticalCalls.allowed((long) m * n * Math.min(m, n)) || !NetlibShims.whole(a, aFrom, n, lda)
                || !whole(vectors, u, uFrom, uCols, ldu) || !whole(vectors, vt, vtFrom, n, ldvt)) {
            return staging.gesddK(t, jobz, m, n, a, aFrom, aSpan, lda, s, sFrom, sSpan, u, uFrom, uSpan, ldu, vt, vtFrom,
                    vtSpan, ldvt, work, workSpan, lwork, rwork, rworkSpan, iwork);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dgesdd(job(jobz), m, n, d, aFrom, lda, (double[]) s, sFrom, (double[]) present(u, t), at(u, uFrom),
                    ldu, (double[]) present(vt, t), at(vt, vtFrom), ldvt, (double[]) work, 0, lwork, iwork, 0, info);
        } else {
            lapack.sgesdd(job(jobz), m, n, (float[]) a, aFrom, lda, (float[]) s, sFrom, (float[]) present(u, t),
                    at(u, uFrom), ldu, (float[]) present(vt, t), at(vt, vtFrom), ldvt, (float[]) work, 0, lwork, iwork, 0,
                    info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int gesvdK(DType t, char jobu, char jobvt, int m, int n, Object a, int aFrom, int aSpan, int lda, Object s,
                         int sFrom, int sSpan, Object u, int uFrom, int uSpan, int ldu, Object vt, int vtFrom,
                         int vtSpan, int ldvt, Object work, int workSpan, int lwork, Object rwork, int rworkSpan) {
        int uCols = jobu == 'A' ? m : Math.min(m, n);
        if (t.isComplex() || !CriticalCalls.allowed((long) m * n * Math.min(m, n)) || !NetlibShims.whole(a, aFrom, n, lda)
                || !whole(jobu != 'N', u, uFrom, uCols, ldu) || !whole(jobvt != 'N', vt, vtFrom, n, ldvt)) {
            return staging.gesvdK(t, jobu, jobvt, m, n, a, aFrom, aSpan, lda, s, sFrom, sSpan, u, uFrom, uSpan, ldu, vt,
                    vtFrom, vtSpan, ldvt, work, workSpan, lwork, rwork, rworkSpan);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dgesvd(job(jobu), job(jobvt), m, n, d, aFrom, lda, (double[]) s, sFrom, (double[]) present(u, t),
                    at(u, uFrom), ldu, (double[]) present(vt, t), at(vt, vtFrom), ldvt, (double[]) work, 0, lwork, info);
        } else {
            lapack.sgesvd(job(jobu), job(jobvt), m, n, (float[]) a, aFrom, lda, (float[]) s, sFrom,
                    (float[]) present(u, t), at(u, uFrom), ldu, (float[]) present(vt, t), at(vt, vtFrom), ldvt,
                    (float[]) work, 0, lwork, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int syevdK(DType t, char jobz, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda, Object w,
                         int wFrom, int wSpan, Object work, int workSpan, int lwork, Object rwork, int rworkSpan,
                         int lrwork, int[] iwork, int liwork) {
        if (t.isComplex() || !CriticalCalls.allowed((long) n * n * n) || !NetlibShims.whole(a, aFrom, n, lda)) {
            return staging.syevdK(t, jobz, uplo, n, a, aFrom, aSpan, lda, w, wFrom, wSpan, work, workSpan, lwork, rwork,
                    rworkSpan, lrwork, iwork, liwork);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dsyevd(job(jobz), ul(uplo), n, d, aFrom, lda, (double[]) w, wFrom, (double[]) work, 0, lwork, iwork,
                    0, liwork, info);
        } else {
            lapack.ssyevd(job(jobz), ul(uplo), n, (float[]) a, aFrom, lda, (float[]) w, wFrom, (float[]) work, 0, lwork,
                    iwork, 0, liwork, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int geevK(DType t, char jobvl, char jobvr, int n, Object a, int aFrom, int aSpan, int lda, Object w,
                        int wFrom, int wSpan, Object vl, int vlFrom, int vlSpan, int ldvl, Object vr, int vrFrom,
                        int vrSpan, int ldvr, Object work, int workSpan, int lwork, Object rwork, int rworkSpan) {
        if (t.isComplex() || !CriticalCalls.allowed((long) n * n * n) || !NetlibShims.whole(a, aFrom, n, lda)
                || !whole(jobvl == 'V', vl, vlFrom, n, ldvl) || !whole(jobvr == 'V', vr, vrFrom, n, ldvr)) {
            return staging.geevK(t, jobvl, jobvr, n, a, aFrom, aSpan, lda, w, wFrom, wSpan, vl, vlFrom, vlSpan, ldvl, vr,
                    vrFrom, vrSpan, ldvr, work, workSpan, lwork, rwork, rworkSpan);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dgeev(job(jobvl), job(jobvr), n, d, aFrom, lda, (double[]) w, wFrom, (double[]) w, wFrom + n,
                    (double[]) present(vl, t), at(vl, vlFrom), ldvl, (double[]) present(vr, t), at(vr, vrFrom), ldvr,
                    (double[]) work, 0, lwork, info);
        } else {
            lapack.sgeev(job(jobvl), job(jobvr), n, (float[]) a, aFrom, lda, (float[]) w, wFrom, (float[]) w, wFrom + n,
                    (float[]) present(vl, t), at(vl, vlFrom), ldvl, (float[]) present(vr, t), at(vr, vrFrom), ldvr,
                    (float[]) work, 0, lwork, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int geconK(DType t, byte norm, int n, Object a, int aFrom, int aSpan, int lda, double anorm,
                         double[] rcond, int rcondOff) {
        if (t.isComplex() || !CriticalCalls.allowed((long) n * n) || !NetlibShims.whole(a, aFrom, n, lda)) {
            return staging.geconK(t, norm, n, a, aFrom, aSpan, lda, anorm, rcond, rcondOff);
        }
        intW info = new intW(0);
        String nm = norm == 'I' ? "I" : "1";
        if (a instanceof double[] d) {
            doubleW r = new doubleW(0);
            lapack.dgecon(nm, n, d, aFrom, lda, anorm, r, new double[4 * n], 0, new int[n], 0, info);
            rcond[rcondOff] = r.val;
        } else {
            floatW r = new floatW(0);
            lapack.sgecon(nm, n, (float[]) a, aFrom, lda, (float) anorm, r, new float[4 * n], 0, new int[n], 0, info);
            rcond[rcondOff] = r.val;
        }
        return lapackeInfo(info);
    }

    @Override
    protected int orgqrK(DType t, int m, int n, int k, Object a, int aFrom, int aSpan, int lda, Object tau, int tauFrom,
                         int tauSpan, Object work, int workSpan, int lwork) {
        if (lwork == -1 || t.isComplex() || !CriticalCalls.allowed((long) m * n * Math.max(1, k))
                || !NetlibShims.whole(a, aFrom, n, lda)) {
            return staging.orgqrK(t, m, n, k, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan, work, workSpan, lwork);
        }
        intW info = new intW(0);
        if (a instanceof double[] d) {
            lapack.dorgqr(m, n, k, d, aFrom, lda, (double[]) tau, tauFrom, (double[]) work, 0, lwork, info);
        } else {
            lapack.sorgqr(m, n, k, (float[]) a, aFrom, lda, (float[]) tau, tauFrom, (float[]) work, 0, lwork, info);
        }
        return lapackeInfo(info);
    }

    @Override
    protected int gelsdK(DType t, int m, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom,
                         int bSpan, int ldb, Object sv, int sFrom, int sSpan, double rcond, int[] rank, int rankOff,
                         Object work, int workSpan, int lwork, Object rwork, int rworkSpan, int[] iwork,
                         int iworkCount) {
        if (lwork == -1 || t.isComplex() || !CriticalCalls.allowed((long) m * n * Math.min(m, n) + (long) m * n * nrhs)
                || !NetlibShims.whole(a, aFrom, n, lda) || !NetlibShims.whole(b, bFrom, nrhs, ldb)) {
            return staging.gelsdK(t, m, n, nrhs, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb, sv, sFrom, sSpan, rcond,
                    rank, rankOff, work, workSpan, lwork, rwork, rworkSpan, iwork, iworkCount);
        }
        intW info = new intW(0);
        intW r = new intW(0);
        if (a instanceof double[] d) {
            lapack.dgelsd(m, n, nrhs, d, aFrom, lda, (double[]) b, bFrom, ldb, (double[]) sv, sFrom, rcond, r,
                    (double[]) work, 0, lwork, iwork, 0, info);
        } else {
            lapack.sgelsd(m, n, nrhs, (float[]) a, aFrom, lda, (float[]) b, bFrom, ldb, (float[]) sv, sFrom,
                    (float) rcond, r, (float[]) work, 0, lwork, iwork, 0, info);
        }
        rank[rankOff] = r.val;
        return lapackeInfo(info);
    }
}
