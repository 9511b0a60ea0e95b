package org.fusemath.blas.host;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/** The Java 17–21 LAPACK table: LAPACKE through JavaCPP on this thread's reused {@link Staging} buffers. */
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
            case F64 -> openblas.LAPACKE_dgetrf(COL, m, n, (DoublePointer) pa, lda, pi);
            case F32 -> openblas.LAPACKE_sgetrf(COL, m, n, (FloatPointer) pa, lda, pi);
            case C128 -> openblas.LAPACKE_zgetrf(COL, m, n, (DoublePointer) pa, lda, pi);
            case C64 -> openblas.LAPACKE_cgetrf(COL, m, n, (FloatPointer) pa, lda, pi);
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
            case F64 -> openblas.LAPACKE_dgetrs(COL, tr, n, nrhs, (DoublePointer) pa, lda, pi, (DoublePointer) pb, ldb);
            case F32 -> openblas.LAPACKE_sgetrs(COL, tr, n, nrhs, (FloatPointer) pa, lda, pi, (FloatPointer) pb, ldb);
            case C128 -> openblas.LAPACKE_zgetrs(COL, tr, n, nrhs, (DoublePointer) pa, lda, pi, (DoublePointer) pb, ldb);
            case C64 -> openblas.LAPACKE_cgetrs(COL, tr, n, nrhs, (FloatPointer) pa, lda, pi, (FloatPointer) pb, ldb);
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
            case F64 -> openblas.LAPACKE_dpotrf(COL, ul, n, (DoublePointer) pa, lda);
            case F32 -> openblas.LAPACKE_spotrf(COL, ul, n, (FloatPointer) pa, lda);
            case C128 -> openblas.LAPACKE_zpotrf(COL, ul, n, (DoublePointer) pa, lda);
            case C64 -> openblas.LAPACKE_cpotrf(COL, ul, n, (FloatPointer) pa, lda);
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
            case F64 -> openblas.LAPACKE_dpotrs(COL, ul, n, nrhs, (DoublePointer) pa, lda, (DoublePointer) pb, ldb);
            case F32 -> openblas.LAPACKE_spotrs(COL, ul, n, nrhs, (FloatPointer) pa, lda, (FloatPointer) pb, ldb);
            case C128 -> openblas.LAPACKE_zpotrs(COL, ul, n, nrhs, (DoublePointer) pa, lda, (DoublePointer) pb, ldb);
            case C64 -> openblas.LAPACKE_cpotrs(COL, ul, n, nrhs, (FloatPointer) pa, lda, (FloatPointer) pb, ldb);
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
        int info = switch (t) {
            case F64 -> openblas.LAPACKE_dgeqrf(COL, m, n, (DoublePointer) pa, lda, (DoublePointer) pt);
            case F32 -> openblas.LAPACKE_sgeqrf(COL, m, n, (FloatPointer) pa, lda, (FloatPointer) pt);
            case C128 -> openblas.LAPACKE_zgeqrf(COL, m, n, (DoublePointer) pa, lda, (DoublePointer) pt);
            case C64 -> openblas.LAPACKE_cgeqrf(COL, m, n, (FloatPointer) pa, lda, (FloatPointer) pt);
        };
        s.out(0, a, aFrom, aSpan);
        s.out(1, tau, tauFrom, tauSpan);
        return info;
    }
}
