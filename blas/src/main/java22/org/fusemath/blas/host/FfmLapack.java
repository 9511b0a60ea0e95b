package org.fusemath.blas.host;

import static org.fusemath.blas.host.Downcalls.rethrow;
import static org.fusemath.blas.host.Downcalls.seg;

import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/** The Java 22+ LAPACK table: critical FFM downcalls into LAPACKE (column-major) on the caller's heap arrays. */
final class FfmLapack extends CheckedLapack {
    private static final int COL = Cblas.LAPACK_COL_MAJOR;
    private static final Downcalls.Handles GETRF = Downcalls.bind("i", "iiipip", "LAPACKE_", "getrf");
    private static final Downcalls.Handles GETRS = Downcalls.bind("i", "ibiipippi", "LAPACKE_", "getrs");
    private static final Downcalls.Handles POTRF = Downcalls.bind("i", "ibipi", "LAPACKE_", "potrf");
    private static final Downcalls.Handles POTRS = Downcalls.bind("i", "ibiipipi", "LAPACKE_", "potrs");
    private static final Downcalls.Handles GEQRF = Downcalls.bind("i", "iiipip", "LAPACKE_", "geqrf");

    @Override
    protected int getrfK(DType t, int m, int n, Object a, int aFrom, int aSpan, int lda, int[] ipiv, int ipivOff) {
        try {
            return (int) GETRF.of(t).invokeExact(COL, m, n, seg(a, aFrom), lda, seg(ipiv, ipivOff));
        } catch (Throwable e) {
            throw rethrow("getrf", e);
        }
    }

    @Override
    protected int getrsK(DType t, Trans trans, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, int[] ipiv,
                         int ipivOff, Object b, int bFrom, int bSpan, int ldb) {
        try {
            return (int) GETRS.of(t).invokeExact(COL, trans.lapackChar(), n, nrhs, seg(a, aFrom), lda,
                    seg(ipiv, ipivOff), seg(b, bFrom), ldb);
        } catch (Throwable e) {
            throw rethrow("getrs", e);
        }
    }

    @Override
    protected int potrfK(DType t, Uplo uplo, int n, Object a, int aFrom, int aSpan, int lda) {
        try {
            return (int) POTRF.of(t).invokeExact(COL, Cblas.uploChar(uplo), n, seg(a, aFrom), lda);
        } catch (Throwable e) {
            throw rethrow("potrf", e);
        }
    }

    @Override
    protected int potrsK(DType t, Uplo uplo, int n, int nrhs, Object a, int aFrom, int aSpan, int lda, Object b,
                         int bFrom, int bSpan, int ldb) {
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
        try {
            return (int) GEQRF.of(t).invokeExact(COL, m, n, seg(a, aFrom), lda, seg(tau, tauFrom));
        } catch (Throwable e) {
            throw rethrow("geqrf", e);
        }
    }
}
