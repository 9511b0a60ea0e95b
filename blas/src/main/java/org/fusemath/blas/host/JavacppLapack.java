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
                         int tauSpan) {
        Staging s = Staging.current();
        Pointer pa = s.in(0, a, aFrom, aSpan);
        Pointer pt = s.space(1, tau, tauSpan);
        // Workspace query (lwork = -1), then the factorisation with the optimal workspace.
        Pointer query = s.space(2, tau, 2);
        geqrf(t, m, n, pa, lda, pt, query, -1);
        double[] optimal = new double[1];
        if (query instanceof DoublePointer d) {
            d.get(optimal, 0, 1);
        } else {
            optimal[0] = ((FloatPointer) query).get(0);
        }
        int lwork = Math.max(Math.max(1, n), (int) optimal[0]);
        Pointer work = s.space(2, tau, lwork * t.slotsPerElement());
        int info = geqrf(t, m, n, pa, lda, pt, work, lwork);
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
}
