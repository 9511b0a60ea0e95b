package org.fusemath.blas.host;

import static org.fusemath.blas.host.Downcalls.rethrow;
import static org.fusemath.blas.host.Downcalls.seg;

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
                         int tauSpan) {
        if (!CriticalCalls.allowed((long) m * n * Math.min(m, n))) {
            return Staged.LAPACK.geqrfK(t, m, n, a, aFrom, aSpan, lda, tau, tauFrom, tauSpan);
        }
        try {
            // Workspace query (lwork = -1), then the factorisation with the optimal workspace, both on the heap.
            Object query = t.isSinglePrecision() ? new float[2] : new double[2];
            int info = (int) GEQRF.of(t).invokeExact(COL, m, n, seg(a, aFrom), lda, seg(tau, tauFrom), seg(query, 0), -1);
            double optimal = query instanceof double[] d ? d[0] : ((float[]) query)[0];
            int lwork = Math.max(Math.max(1, n), (int) optimal);
            Object work = t.isSinglePrecision() ? new float[lwork * t.slotsPerElement()] : new double[lwork * t.slotsPerElement()];
            info = (int) GEQRF.of(t).invokeExact(COL, m, n, seg(a, aFrom), lda, seg(tau, tauFrom), seg(work, 0), lwork);
            return info;
        } catch (Throwable e) {
            throw rethrow("geqrf", e);
        }
    }
}
