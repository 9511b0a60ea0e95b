package org.fusemath.blas.host;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The Java 17–21 call table: JavaCPP's OpenBLAS bindings on off-heap buffers. Each call copies the operand
 * ranges it reads into this thread's reused {@link Staging} buffers and copies outputs back, instead of using
 * JavaCPP's array overloads, which allocate and copy every array in and out on every call.
 */
final class JavacppBlas extends CheckedBlas {
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int ALPHA = 0;
    private static final int BETA = 1;
    private static final int RESULT = 2;

    JavacppBlas() {
        OpenBlasLibrary.loadWithLapack();
    }

    @Override
    public String callPath() {
        return "javacpp";
    }

    @Override
    public int threads() {
        // The preset records the last value its blas_set_num_threads passed on (-1 before the first).
        return openblas.blas_get_num_threads();
    }

    @Override
    public String config() {
        return "OpenBLAS " + OpenBlasLibrary.presetVersion() + " (openblas_get_config is not bound by JavaCPP)";
    }

    @Override
    public String coreName() {
        return "unknown (openblas_get_corename is not bound by JavaCPP)";
    }

    /** An output's staging: read first when the call reads it or when it has gaps that must survive the copy back. */
    private static Pointer output(Staging s, int slot, Object array, int from, int span, boolean read, int dense) {
        return read || span != dense ? s.in(slot, array, from, span) : s.space(slot, array, span);
    }

    @Override
    protected void gemmK(DType t, Layout order, Trans ta, Trans tb, int m, int n, int k, double alphaRe,
                         double alphaIm, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom, int bSpan,
                         int ldb, double betaRe, double betaIm, Object c, int cFrom, int cSpan, int ldc) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        Pointer pb = s.in(B, b, bFrom, bSpan);
        boolean readC = betaRe != 0 || betaIm != 0;
        Pointer pc = output(s, C, c, cFrom, cSpan, readC, m * n * t.slotsPerElement());
        int o = Cblas.order(order);
        switch (t) {
            case F64 -> openblas.cblas_dgemm(o, ta.code(), tb.code(), m, n, k, alphaRe, (DoublePointer) pa, lda,
                    (DoublePointer) pb, ldb, betaRe, (DoublePointer) pc, ldc);
            case F32 -> openblas.cblas_sgemm(o, ta.code(), tb.code(), m, n, k, (float) alphaRe, (FloatPointer) pa, lda,
                    (FloatPointer) pb, ldb, (float) betaRe, (FloatPointer) pc, ldc);
            case C128 -> openblas.cblas_zgemm(o, ta.code(), tb.code(), m, n, k, s.complexScalar(t, ALPHA, alphaRe, alphaIm),
                    pa, lda, pb, ldb, s.complexScalar(t, BETA, betaRe, betaIm), pc, ldc);
            case C64 -> openblas.cblas_cgemm(o, ta.code(), tb.code(), m, n, k, s.complexScalar(t, ALPHA, alphaRe, alphaIm),
                    pa, lda, pb, ldb, s.complexScalar(t, BETA, betaRe, betaIm), pc, ldc);
        }
        s.out(C, c, cFrom, cSpan);
    }

    @Override
    protected void symmK(DType t, Layout order, Side side, Uplo uplo, int m, int n, double alphaRe, double alphaIm,
                         Object a, int aFrom, int aSpan, int lda, Object b, int bFrom, int bSpan, int ldb,
                         double betaRe, double betaIm, Object c, int cFrom, int cSpan, int ldc) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        Pointer pb = s.in(B, b, bFrom, bSpan);
        Pointer pc = output(s, C, c, cFrom, cSpan, betaRe != 0 || betaIm != 0, m * n * t.slotsPerElement());
        int o = Cblas.order(order);
        int sd = Cblas.side(side);
        int ul = Cblas.uplo(uplo);
        switch (t) {
            case F64 -> openblas.cblas_dsymm(o, sd, ul, m, n, alphaRe, (DoublePointer) pa, lda, (DoublePointer) pb, ldb,
                    betaRe, (DoublePointer) pc, ldc);
            case F32 -> openblas.cblas_ssymm(o, sd, ul, m, n, (float) alphaRe, (FloatPointer) pa, lda, (FloatPointer) pb,
                    ldb, (float) betaRe, (FloatPointer) pc, ldc);
            case C128 -> openblas.cblas_zsymm(o, sd, ul, m, n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), pa, lda, pb,
                    ldb, s.complexScalar(t, BETA, betaRe, betaIm), pc, ldc);
            case C64 -> openblas.cblas_csymm(o, sd, ul, m, n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), pa, lda, pb,
                    ldb, s.complexScalar(t, BETA, betaRe, betaIm), pc, ldc);
        }
        s.out(C, c, cFrom, cSpan);
    }

    @Override
    protected void syrkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alphaRe, double alphaIm,
                         Object a, int aFrom, int aSpan, int lda, double betaRe, double betaIm, Object c, int cFrom,
                         int cSpan, int ldc) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        // Only one triangle of C is written: the other must survive the copy back, so C is always staged in.
        Pointer pc = s.in(C, c, cFrom, cSpan);
        int o = Cblas.order(order);
        int ul = Cblas.uplo(uplo);
        switch (t) {
            case F64 -> openblas.cblas_dsyrk(o, ul, trans.code(), n, k, alphaRe, (DoublePointer) pa, lda, betaRe,
                    (DoublePointer) pc, ldc);
            case F32 -> openblas.cblas_ssyrk(o, ul, trans.code(), n, k, (float) alphaRe, (FloatPointer) pa, lda,
                    (float) betaRe, (FloatPointer) pc, ldc);
            case C128 -> openblas.cblas_zsyrk(o, ul, trans.code(), n, k, s.complexScalar(t, ALPHA, alphaRe, alphaIm), pa,
                    lda, s.complexScalar(t, BETA, betaRe, betaIm), pc, ldc);
            case C64 -> openblas.cblas_csyrk(o, ul, trans.code(), n, k, s.complexScalar(t, ALPHA, alphaRe, alphaIm), pa,
                    lda, s.complexScalar(t, BETA, betaRe, betaIm), pc, ldc);
        }
        s.out(C, c, cFrom, cSpan);
    }

    @Override
    protected void herkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alpha, Object a,
                         int aFrom, int aSpan, int lda, double beta, Object c, int cFrom, int cSpan, int ldc) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        Pointer pc = s.in(C, c, cFrom, cSpan);
        int o = Cblas.order(order);
        int ul = Cblas.uplo(uplo);
        if (t == DType.C128) {
            openblas.cblas_zherk(o, ul, trans.code(), n, k, alpha, pa, lda, beta, pc, ldc);
        } else {
            openblas.cblas_cherk(o, ul, trans.code(), n, k, (float) alpha, pa, lda, (float) beta, pc, ldc);
        }
        s.out(C, c, cFrom, cSpan);
    }

    @Override
    protected void triangular3K(boolean solve, DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag,
                                int m, int n, double alphaRe, double alphaIm, Object a, int aFrom, int aSpan, int lda,
                                Object b, int bFrom, int bSpan, int ldb) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        Pointer pb = s.in(B, b, bFrom, bSpan);
        int o = Cblas.order(order);
        int sd = Cblas.side(side);
        int ul = Cblas.uplo(uplo);
        int tr = transA.code();
        int dg = Cblas.diag(diag);
        switch (t) {
            case F64 -> {
                if (solve) {
                    openblas.cblas_dtrsm(o, sd, ul, tr, dg, m, n, alphaRe, (DoublePointer) pa, lda, (DoublePointer) pb, ldb);
                } else {
                    openblas.cblas_dtrmm(o, sd, ul, tr, dg, m, n, alphaRe, (DoublePointer) pa, lda, (DoublePointer) pb, ldb);
                }
            }
            case F32 -> {
                if (solve) {
                    openblas.cblas_strsm(o, sd, ul, tr, dg, m, n, (float) alphaRe, (FloatPointer) pa, lda, (FloatPointer) pb, ldb);
                } else {
                    openblas.cblas_strmm(o, sd, ul, tr, dg, m, n, (float) alphaRe, (FloatPointer) pa, lda, (FloatPointer) pb, ldb);
                }
            }
            case C128 -> {
                Pointer al = s.complexScalar(t, ALPHA, alphaRe, alphaIm);
                if (solve) {
                    openblas.cblas_ztrsm(o, sd, ul, tr, dg, m, n, al, pa, lda, pb, ldb);
                } else {
                    openblas.cblas_ztrmm(o, sd, ul, tr, dg, m, n, al, pa, lda, pb, ldb);
                }
            }
            case C64 -> {
                Pointer al = s.complexScalar(t, ALPHA, alphaRe, alphaIm);
                if (solve) {
                    openblas.cblas_ctrsm(o, sd, ul, tr, dg, m, n, al, pa, lda, pb, ldb);
                } else {
                    openblas.cblas_ctrmm(o, sd, ul, tr, dg, m, n, al, pa, lda, pb, ldb);
                }
            }
        }
        s.out(B, b, bFrom, bSpan);
    }

    @Override
    protected void gemvK(DType t, Layout order, Trans trans, int m, int n, double alphaRe, double alphaIm, Object a,
                         int aFrom, int aSpan, int lda, Object x, int xFrom, int xSpan, int incx, double betaRe,
                         double betaIm, Object y, int yFrom, int ySpan, int incy) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        Pointer px = s.in(B, x, xFrom, xSpan);
        int lenY = trans.transposes() ? n : m;
        Pointer py = output(s, C, y, yFrom, ySpan, betaRe != 0 || betaIm != 0, lenY * t.slotsPerElement());
        int o = Cblas.order(order);
        switch (t) {
            case F64 -> openblas.cblas_dgemv(o, trans.code(), m, n, alphaRe, (DoublePointer) pa, lda, (DoublePointer) px,
                    incx, betaRe, (DoublePointer) py, incy);
            case F32 -> openblas.cblas_sgemv(o, trans.code(), m, n, (float) alphaRe, (FloatPointer) pa, lda,
                    (FloatPointer) px, incx, (float) betaRe, (FloatPointer) py, incy);
            case C128 -> openblas.cblas_zgemv(o, trans.code(), m, n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), pa, lda,
                    px, incx, s.complexScalar(t, BETA, betaRe, betaIm), py, incy);
            case C64 -> openblas.cblas_cgemv(o, trans.code(), m, n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), pa, lda,
                    px, incx, s.complexScalar(t, BETA, betaRe, betaIm), py, incy);
        }
        s.out(C, y, yFrom, ySpan);
    }

    @Override
    protected void gerK(DType t, Layout order, boolean conjugateY, int m, int n, double alphaRe, double alphaIm,
                        Object x, int xFrom, int xSpan, int incx, Object y, int yFrom, int ySpan, int incy, Object a,
                        int aFrom, int aSpan, int lda) {
        Staging s = Staging.current();
        Pointer px = s.in(A, x, xFrom, xSpan);
        Pointer py = s.in(B, y, yFrom, ySpan);
        Pointer pa = s.in(C, a, aFrom, aSpan);
        int o = Cblas.order(order);
        switch (t) {
            case F64 -> openblas.cblas_dger(o, m, n, alphaRe, (DoublePointer) px, incx, (DoublePointer) py, incy,
                    (DoublePointer) pa, lda);
            case F32 -> openblas.cblas_sger(o, m, n, (float) alphaRe, (FloatPointer) px, incx, (FloatPointer) py, incy,
                    (FloatPointer) pa, lda);
            case C128 -> {
                Pointer al = s.complexScalar(t, ALPHA, alphaRe, alphaIm);
                if (conjugateY) {
                    openblas.cblas_zgerc(o, m, n, al, px, incx, py, incy, pa, lda);
                } else {
                    openblas.cblas_zgeru(o, m, n, al, px, incx, py, incy, pa, lda);
                }
            }
            case C64 -> {
                Pointer al = s.complexScalar(t, ALPHA, alphaRe, alphaIm);
                if (conjugateY) {
                    openblas.cblas_cgerc(o, m, n, al, px, incx, py, incy, pa, lda);
                } else {
                    openblas.cblas_cgeru(o, m, n, al, px, incx, py, incy, pa, lda);
                }
            }
        }
        s.out(C, a, aFrom, aSpan);
    }

    @Override
    protected void trsvK(DType t, Layout order, Uplo uplo, Trans trans, Diag diag, int n, Object a, int aFrom,
                         int aSpan, int lda, Object x, int xFrom, int xSpan, int incx) {
        Staging s = Staging.current();
        Pointer pa = s.in(A, a, aFrom, aSpan);
        Pointer px = s.in(B, x, xFrom, xSpan);
        int o = Cblas.order(order);
        int ul = Cblas.uplo(uplo);
        int dg = Cblas.diag(diag);
        switch (t) {
            case F64 -> openblas.cblas_dtrsv(o, ul, trans.code(), dg, n, (DoublePointer) pa, lda, (DoublePointer) px, incx);
            case F32 -> openblas.cblas_strsv(o, ul, trans.code(), dg, n, (FloatPointer) pa, lda, (FloatPointer) px, incx);
            case C128 -> openblas.cblas_ztrsv(o, ul, trans.code(), dg, n, pa, lda, px, incx);
            case C64 -> openblas.cblas_ctrsv(o, ul, trans.code(), dg, n, pa, lda, px, incx);
        }
        s.out(B, x, xFrom, xSpan);
    }

    @Override
    protected Scalar dotK(DType t, boolean conjugateX, int n, Object x, int xFrom, int xSpan, int incx, Object y,
                          int yFrom, int ySpan, int incy) {
        Staging s = Staging.current();
        Pointer px = s.in(A, x, xFrom, xSpan);
        Pointer py = s.in(B, y, yFrom, ySpan);
        switch (t) {
            case F64 -> {
                return Scalar.of(openblas.cblas_ddot(n, (DoublePointer) px, incx, (DoublePointer) py, incy));
            }
            case F32 -> {
                return Scalar.of(openblas.cblas_sdot(n, (FloatPointer) px, incx, (FloatPointer) py, incy));
            }
            default -> {
                Pointer r = s.complexScalar(t, RESULT, 0, 0);
                if (t == DType.C128) {
                    if (conjugateX) {
                        openblas.cblas_zdotc_sub(n, px, incx, py, incy, r);
                    } else {
                        openblas.cblas_zdotu_sub(n, px, incx, py, incy, r);
                    }
                } else if (conjugateX) {
                    openblas.cblas_cdotc_sub(n, px, incx, py, incy, r);
                } else {
                    openblas.cblas_cdotu_sub(n, px, incx, py, incy, r);
                }
                double[] v = s.readComplexScalar(t, RESULT);
                return Scalar.of(v[0], v[1]);
            }
        }
    }

    @Override
    protected void axpyK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan, int incx,
                         Object y, int yFrom, int ySpan, int incy) {
        Staging s = Staging.current();
        Pointer px = s.in(A, x, xFrom, xSpan);
        Pointer py = s.in(B, y, yFrom, ySpan);
        switch (t) {
            case F64 -> openblas.cblas_daxpy(n, alphaRe, (DoublePointer) px, incx, (DoublePointer) py, incy);
            case F32 -> openblas.cblas_saxpy(n, (float) alphaRe, (FloatPointer) px, incx, (FloatPointer) py, incy);
            case C128 -> openblas.cblas_zaxpy(n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), px, incx, py, incy);
            case C64 -> openblas.cblas_caxpy(n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), px, incx, py, incy);
        }
        s.out(B, y, yFrom, ySpan);
    }

    @Override
    protected void scalK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan, int incx) {
        Staging s = Staging.current();
        Pointer px = s.in(A, x, xFrom, xSpan);
        switch (t) {
            case F64 -> openblas.cblas_dscal(n, alphaRe, (DoublePointer) px, incx);
            case F32 -> openblas.cblas_sscal(n, (float) alphaRe, (FloatPointer) px, incx);
            case C128 -> openblas.cblas_zscal(n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), px, incx);
            case C64 -> openblas.cblas_cscal(n, s.complexScalar(t, ALPHA, alphaRe, alphaIm), px, incx);
        }
        s.out(A, x, xFrom, xSpan);
    }

    @Override
    protected double reduceK(Reduction r, DType t, int n, Object x, int xFrom, int xSpan, int incx) {
        Staging s = Staging.current();
        Pointer px = s.in(A, x, xFrom, xSpan);
        return switch (r) {
            case NRM2 -> switch (t) {
                case F64 -> openblas.cblas_dnrm2(n, (DoublePointer) px, incx);
                case F32 -> openblas.cblas_snrm2(n, (FloatPointer) px, incx);
                case C128 -> openblas.cblas_dznrm2(n, px, incx);
                case C64 -> openblas.cblas_scnrm2(n, px, incx);
            };
            case ASUM -> switch (t) {
                case F64 -> openblas.cblas_dasum(n, (DoublePointer) px, incx);
                case F32 -> openblas.cblas_sasum(n, (FloatPointer) px, incx);
                case C128 -> openblas.cblas_dzasum(n, px, incx);
                case C64 -> openblas.cblas_scasum(n, px, incx);
            };
            case IAMAX -> switch (t) {
                case F64 -> openblas.cblas_idamax(n, (DoublePointer) px, incx);
                case F32 -> openblas.cblas_isamax(n, (FloatPointer) px, incx);
                case C128 -> openblas.cblas_izamax(n, px, incx);
                case C64 -> openblas.cblas_icamax(n, px, incx);
            };
        };
    }
}
