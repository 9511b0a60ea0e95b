package org.fusemath.blas.host;

import dev.ludovic.netlib.blas.NativeBLAS;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The Java 17–21 call table for real types: dev.ludovic.netlib's JNI shims hand the caller's heap arrays to
 * OpenBLAS's Fortran (column-major) entry points without copying. A row-major call is the column-major call
 * on the transposes (a row-major m×n array is the column-major n×m array of its transpose): operands and
 * dimensions swap, transposes, sides and triangles flip, exactly as OpenBLAS's own CBLAS layer does, so the
 * results equal {@link JavacppBlas}'s bit for bit.
 *
 * <p>The shims hold each array critical for the whole call (a GC waits for it, as for FFM critical downcalls):
 * level-3 calls above {@link CriticalCalls#limit()} go through the staging table instead. Complex types, and the
 * few real calls the shims' own Java-side checks would reject or answer differently from CBLAS (k = 0, negative
 * increments in the level-1 reductions, a last column stored shorter than its leading dimension), go through
 * the staging table too. Thread count and configuration are the staging table's: both call one OpenBLAS.
 */
final class NetlibBlas extends CheckedBlas {
    private final NativeBLAS blas;
    private final JavacppBlas staging;

    NetlibBlas(NativeBLAS blas, JavacppBlas staging) {
        this.blas = blas;
        this.staging = staging;
    }

    @Override
    public String callPath() {
        return "netlib";
    }

    @Override
    public int threads() {
        return staging.threads();
    }

    @Override
    public String config() {
        return staging.config();
    }

    @Override
    public String coreName() {
        return staging.coreName();
    }

    private static String tr(Trans t) {
        return t == Trans.N ? "N" : "T";
    }

    private static String ul(Uplo u) {
        return u == Uplo.UPPER ? "U" : "L";
    }

    private static String sd(Side s) {
        return s == Side.LEFT ? "L" : "R";
    }

    private static String dg(Diag d) {
        return d == Diag.UNIT ? "U" : "N";
    }

    private static Side flip(Side s) {
        return s == Side.LEFT ? Side.RIGHT : Side.LEFT;
    }

    private static boolean row(Layout order) {
        return order == Layout.ROW_MAJOR;
    }

    @Override
    protected void gemmK(DType t, Layout order, Trans ta, Trans tb, int m, int n, int k, double alphaRe,
                         double alphaIm, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom, int bSpan,
                         int ldb, double betaRe, double betaIm, Object c, int cFrom, int cSpan, int ldc) {
        if (t.isComplex() || k == 0 || !CriticalCalls.allowed((long) m * n * k)) {
            staging.gemmK(t, order, ta, tb, m, n, k, alphaRe, alphaIm, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb,
                    betaRe, betaIm, c, cFrom, cSpan, ldc);
            return;
        }
        if (row(order)) {
            // Cᵀ = op(B)ᵀ·op(A)ᵀ: the row-major arrays are the column-major transposes.
            gemm(tr(tb), tr(ta), n, m, k, alphaRe, b, bFrom, ldb, a, aFrom, lda, betaRe, c, cFrom, ldc);
        } else {
            gemm(tr(ta), tr(tb), m, n, k, alphaRe, a, aFrom, lda, b, bFrom, ldb, betaRe, c, cFrom, ldc);
        }
    }

    private void gemm(String ta, String tb, int m, int n, int k, double alpha, Object a, int aFrom, int lda, Object b,
                      int bFrom, int ldb, double beta, Object c, int cFrom, int ldc) {
        if (c instanceof double[] cd) {
            blas.dgemm(ta, tb, m, n, k, alpha, (double[]) a, aFrom, lda, (double[]) b, bFrom, ldb, beta, cd, cFrom,
                    ldc);
        } else {
            blas.sgemm(ta, tb, m, n, k, (float) alpha, (float[]) a, aFrom, lda, (float[]) b, bFrom, ldb, (float) beta,
                    (float[]) c, cFrom, ldc);
        }
    }

    @Override
    protected void symmK(DType t, Layout order, Side side, Uplo uplo, int m, int n, double alphaRe, double alphaIm,
                         Object a, int aFrom, int aSpan, int lda, Object b, int bFrom, int bSpan, int ldb,
                         double betaRe, double betaIm, Object c, int cFrom, int cSpan, int ldc) {
        int ka = side == Side.LEFT ? m : n;
        // Column-major view: a row-major call is the transposed problem (sides and triangles flip, m and n swap).
        Side s = row(order) ? flip(side) : side;
        Uplo u = row(order) ? uplo.flipped() : uplo;
        int cm = row(order) ? n : m;
        int cn = row(order) ? m : n;
        if (t.isComplex() || !CriticalCalls.allowed((long) m * n * ka) || !NetlibShims.whole(a, aFrom, ka, lda)
                || !NetlibShims.whole(b, bFrom, cn, ldb) || !NetlibShims.whole(c, cFrom, cn, ldc)) {
            staging.symmK(t, order, side, uplo, m, n, alphaRe, alphaIm, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb,
                    betaRe, betaIm, c, cFrom, cSpan, ldc);
            return;
        }
        if (c instanceof double[] cd) {
            blas.dsymm(sd(s), ul(u), cm, cn, alphaRe, (double[]) a, aFrom, lda, (double[]) b, bFrom, ldb, betaRe, cd,
                    cFrom, ldc);
        } else {
            blas.ssymm(sd(s), ul(u), cm, cn, (float) alphaRe, (float[]) a, aFrom, lda, (float[]) b, bFrom, ldb,
                    (float) betaRe, (float[]) c, cFrom, ldc);
        }
    }

    @Override
    protected void syrkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alphaRe, double alphaIm,
                         Object a, int aFrom, int aSpan, int lda, double betaRe, double betaIm, Object c, int cFrom,
                         int cSpan, int ldc) {
        Uplo u = row(order) ? uplo.flipped() : uplo;
        Trans tt = row(order) ? trans.flipped() : trans;
        int aCols = tt == Trans.N ? k : n;
        if (t.isComplex() || k == 0 || !CriticalCalls.allowed((long) n * n * k)
                || !NetlibShims.whole(a, aFrom, aCols, lda) || !NetlibShims.whole(c, cFrom, n, ldc)) {
            staging.syrkK(t, order, uplo, trans, n, k, alphaRe, alphaIm, a, aFrom, aSpan, lda, betaRe, betaIm, c, cFrom,
                    cSpan, ldc);
            return;
        }
        if (c instanceof double[] cd) {
            blas.dsyrk(ul(u), tr(tt), n, k, alphaRe, (double[]) a, aFrom, lda, betaRe, cd, cFrom, ldc);
        } else {
            blas.ssyrk(ul(u), tr(tt), n, k, (float) alphaRe, (float[]) a, aFrom, lda, (float) betaRe, (float[]) c,
                    cFrom, ldc);
        }
    }

    @Override
    protected void herkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alpha, Object a,
                         int aFrom, int aSpan, int lda, double beta, Object c, int cFrom, int cSpan, int ldc) {
        staging.herkK(t, order, uplo, trans, n, k, alpha, a, aFrom, aSpan, lda, beta, c, cFrom, cSpan, ldc);
    }

    @Override
    protected void triangular3K(boolean solve, DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag,
                                int m, int n, double alphaRe, double alphaIm, Object a, int aFrom, int aSpan, int lda,
                                Object b, int bFrom, int bSpan, int ldb) {
        int ka = side == Side.LEFT ? m : n;
        Side s = row(order) ? flip(side) : side;
        Uplo u = row(order) ? uplo.flipped() : uplo;
        int bm = row(order) ? n : m;
        int bn = row(order) ? m : n;
        if (t.isComplex() || !CriticalCalls.allowed((long) m * n * ka) || !NetlibShims.whole(a, aFrom, ka, lda)
                || !NetlibShims.whole(b, bFrom, bn, ldb)) {
            staging.triangular3K(solve, t, order, side, uplo, transA, diag, m, n, alphaRe, alphaIm, a, aFrom, aSpan,
                    lda, b, bFrom, bSpan, ldb);
            return;
        }
        String sdf = sd(s);
        String ulf = ul(u);
        String trf = tr(transA);
        String dgf = dg(diag);
        if (b instanceof double[] bd) {
            if (solve) {
                blas.dtrsm(sdf, ulf, trf, dgf, bm, bn, alphaRe, (double[]) a, aFrom, lda, bd, bFrom, ldb);
            } else {
                blas.dtrmm(sdf, ulf, trf, dgf, bm, bn, alphaRe, (double[]) a, aFrom, lda, bd, bFrom, ldb);
            }
        } else if (solve) {
            blas.strsm(sdf, ulf, trf, dgf, bm, bn, (float) alphaRe, (float[]) a, aFrom, lda, (float[]) b, bFrom, ldb);
        } else {
            blas.strmm(sdf, ulf, trf, dgf, bm, bn, (float) alphaRe, (float[]) a, aFrom, lda, (float[]) b, bFrom, ldb);
        }
    }

    @Override
    protected void gemvK(DType t, Layout order, Trans trans, int m, int n, double alphaRe, double alphaIm, Object a,
                         int aFrom, int aSpan, int lda, Object x, int xFrom, int xSpan, int incx, double betaRe,
                         double betaIm, Object y, int yFrom, int ySpan, int incy) {
        if (t.isComplex()) {
            staging.gemvK(t, order, trans, m, n, alphaRe, alphaIm, a, aFrom, aSpan, lda, x, xFrom, xSpan, incx, betaRe,
                    betaIm, y, yFrom, ySpan, incy);
            return;
        }
        String trf = tr(row(order) ? trans.flipped() : trans);
        int am = row(order) ? n : m;
        int an = row(order) ? m : n;
        if (y instanceof double[] yd) {
            blas.dgemv(trf, am, an, alphaRe, (double[]) a, aFrom, lda, (double[]) x, xFrom, incx, betaRe, yd, yFrom,
                    incy);
        } else {
            blas.sgemv(trf, am, an, (float) alphaRe, (float[]) a, aFrom, lda, (float[]) x, xFrom, incx, (float) betaRe,
                    (float[]) y, yFrom, incy);
        }
    }

    @Override
    protected void gerK(DType t, Layout order, boolean conjugateY, int m, int n, double alphaRe, double alphaIm,
                        Object x, int xFrom, int xSpan, int incx, Object y, int yFrom, int ySpan, int incy, Object a,
                        int aFrom, int aSpan, int lda) {
        int an = row(order) ? m : n;
        if (t.isComplex() || !NetlibShims.whole(a, aFrom, an, lda)) {
            staging.gerK(t, order, conjugateY, m, n, alphaRe, alphaIm, x, xFrom, xSpan, incx, y, yFrom, ySpan, incy, a,
                    aFrom, aSpan, lda);
            return;
        }
        if (row(order)) {
            // Aᵀ += alpha·y·xᵀ.
            ger(n, m, alphaRe, y, yFrom, incy, x, xFrom, incx, a, aFrom, lda);
        } else {
            ger(m, n, alphaRe, x, xFrom, incx, y, yFrom, incy, a, aFrom, lda);
        }
    }

    private void ger(int m, int n, double alpha, Object x, int xFrom, int incx, Object y, int yFrom, int incy, Object a,
                     int aFrom, int lda) {
        if (a instanceof double[] ad) {
            blas.dger(m, n, alpha, (double[]) x, xFrom, incx, (double[]) y, yFrom, incy, ad, aFrom, lda);
        } else {
            blas.sger(m, n, (float) alpha, (float[]) x, xFrom, incx, (float[]) y, yFrom, incy, (float[]) a, aFrom, lda);
        }
    }

    @Override
    protected void trsvK(DType t, Layout order, Uplo uplo, Trans trans, Diag diag, int n, Object a, int aFrom,
                         int aSpan, int lda, Object x, int xFrom, int xSpan, int incx) {
        if (t.isComplex() || !NetlibShims.whole(a, aFrom, n, lda)) {
            staging.trsvK(t, order, uplo, trans, diag, n, a, aFrom, aSpan, lda, x, xFrom, xSpan, incx);
            return;
        }
        String ulf = ul(row(order) ? uplo.flipped() : uplo);
        String trf = tr(row(order) ? trans.flipped() : trans);
        if (x instanceof double[] xd) {
            blas.dtrsv(ulf, trf, dg(diag), n, (double[]) a, aFrom, lda, xd, xFrom, incx);
        } else {
            blas.strsv(ulf, trf, dg(diag), n, (float[]) a, aFrom, lda, (float[]) x, xFrom, incx);
        }
    }

    @Override
    protected Scalar dotK(DType t, boolean conjugateX, int n, Object x, int xFrom, int xSpan, int incx, Object y,
                          int yFrom, int ySpan, int incy) {
        if (t.isComplex()) {
            return staging.dotK(t, conjugateX, n, x, xFrom, xSpan, incx, y, yFrom, ySpan, incy);
        }
        if (x instanceof double[] xd) {
            return Scalar.of(blas.ddot(n, xd, xFrom, incx, (double[]) y, yFrom, incy));
        }
        return Scalar.of(blas.sdot(n, (float[]) x, xFrom, incx, (float[]) y, yFrom, incy));
    }

    @Override
    protected void axpyK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan, int incx,
                         Object y, int yFrom, int ySpan, int incy) {
        if (t.isComplex()) {
            staging.axpyK(t, n, alphaRe, alphaIm, x, xFrom, xSpan, incx, y, yFrom, ySpan, incy);
        } else if (y instanceof double[] yd) {
            blas.daxpy(n, alphaRe, (double[]) x, xFrom, incx, yd, yFrom, incy);
        } else {
            blas.saxpy(n, (float) alphaRe, (float[]) x, xFrom, incx, (float[]) y, yFrom, incy);
        }
    }

    @Override
    protected void scalK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan, int incx) {
        // The shims return early for a negative increment, where OpenBLAS's CBLAS layer is the reference.
        if (t.isComplex() || incx < 0) {
            staging.scalK(t, n, alphaRe, alphaIm, x, xFrom, xSpan, incx);
        } else if (x instanceof double[] xd) {
            blas.dscal(n, alphaRe, xd, xFrom, incx);
        } else {
            blas.sscal(n, (float) alphaRe, (float[]) x, xFrom, incx);
        }
    }

    @Override
    protected double reduceK(Reduction r, DType t, int n, Object x, int xFrom, int xSpan, int incx) {
        // The shims answer 0 (nrm2) and -1 (iamax) for a negative increment without calling OpenBLAS.
        if (t.isComplex() || incx < 0) {
            return staging.reduceK(r, t, n, x, xFrom, xSpan, incx);
        }
        if (x instanceof double[] d) {
            return switch (r) {
                case NRM2 -> blas.dnrm2(n, d, xFrom, incx);
                case ASUM -> blas.dasum(n, d, xFrom, incx);
                case IAMAX -> blas.idamax(n, d, xFrom, incx); // the shim returns the 0-based index
            };
        }
        float[] f = (float[]) x;
        return switch (r) {
            case NRM2 -> blas.snrm2(n, f, xFrom, incx);
            case ASUM -> blas.sasum(n, f, xFrom, incx);
            case IAMAX -> blas.isamax(n, f, xFrom, incx);
        };
    }
}
