package org.fusemath.blas.host;

import static org.fusemath.blas.host.CallChecks.dims;
import static org.fusemath.blas.host.CallChecks.matrix;
import static org.fusemath.blas.host.CallChecks.nonNull;
import static org.fusemath.blas.host.CallChecks.vector;

import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * Checks every argument of a {@link NativeBlas} call, then hands the kernel ({@code gemmK}, ...) slot
 * offsets ({@code aFrom}: first array slot) and spans ({@code aSpan}: slots addressed from there), so that an
 * implementation only moves data and calls. Real types see N/T flags only (C becomes T, R becomes N). A call
 * big enough for OpenBLAS to thread holds the thread-count gate ({@link HostCallPolicy}); BLAS calls need no
 * deep stack at any size and run on the caller's thread.
 */
abstract class CheckedBlas implements NativeBlas {
    /** Sets the OpenBLAS thread count of the calling thread's later calls ({@link OpenBlasThreads}). */
    @Override
    public final void ensureThreads(int threads) {
        OpenBlasThreads.request(threads);
    }

    private static Trans effective(DType t, Trans trans) {
        return t.isComplex() ? trans : trans.real();
    }

    private static int slot(DType t, int offset) {
        return offset * t.slotsPerElement();
    }

    @Override
    public final void gemm(DType t, Layout order, Trans transA, Trans transB, int m, int n, int k, double alphaRe,
                           double alphaIm, Object a, int aOff, int lda, Object b, int bOff, int ldb, double betaRe,
                           double betaIm, Object c, int cOff, int ldc) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        nonNull(transA, "transA");
        nonNull(transB, "transB");
        dims("m", m);
        dims("n", n);
        dims("k", k);
        CallChecks.realScalar("alpha", t, alphaIm);
        CallChecks.realScalar("beta", t, betaIm);
        Trans ta = effective(t, transA);
        Trans tb = effective(t, transB);
        int aSpan = matrix("A", t, order, ta.transposes() ? k : m, ta.transposes() ? m : k, a, aOff, lda);
        int bSpan = matrix("B", t, order, tb.transposes() ? n : k, tb.transposes() ? k : n, b, bOff, ldb);
        int cSpan = matrix("C", t, order, m, n, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) m * n * k, HostCallPolicy.LEVEL3);
        try {
            gemmK(t, order, ta, tb, m, n, k, alphaRe, alphaIm, a, slot(t, aOff), aSpan, lda, b, slot(t, bOff), bSpan, ldb,
                    betaRe, betaIm, c, slot(t, cOff), cSpan, ldc);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void gemmK(DType t, Layout order, Trans ta, Trans tb, int m, int n, int k, double alphaRe,
                                  double alphaIm, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom,
                                  int bSpan, int ldb, double betaRe, double betaIm, Object c, int cFrom, int cSpan,
                                  int ldc);

    @Override
    public final void symm(DType t, Layout order, Side side, Uplo uplo, int m, int n, double alphaRe, double alphaIm,
                           Object a, int aOff, int lda, Object b, int bOff, int ldb, double betaRe, double betaIm,
                           Object c, int cOff, int ldc) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        nonNull(side, "side");
        nonNull(uplo, "uplo");
        dims("m", m);
        dims("n", n);
        CallChecks.realScalar("alpha", t, alphaIm);
        CallChecks.realScalar("beta", t, betaIm);
        int ka = side == Side.LEFT ? m : n;
        int aSpan = matrix("A", t, order, ka, ka, a, aOff, lda);
        int bSpan = matrix("B", t, order, m, n, b, bOff, ldb);
        int cSpan = matrix("C", t, order, m, n, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) m * n * ka, HostCallPolicy.LEVEL3);
        try {
            symmK(t, order, side, uplo, m, n, alphaRe, alphaIm, a, slot(t, aOff), aSpan, lda, b, slot(t, bOff), bSpan, ldb,
                    betaRe, betaIm, c, slot(t, cOff), cSpan, ldc);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void symmK(DType t, Layout order, Side side, Uplo uplo, int m, int n, double alphaRe,
                                  double alphaIm, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom,
                                  int bSpan, int ldb, double betaRe, double betaIm, Object c, int cFrom, int cSpan,
                                  int ldc);

    @Override
    public final void syrk(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alphaRe,
                           double alphaIm, Object a, int aOff, int lda, double betaRe, double betaIm, Object c,
                           int cOff, int ldc) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        nonNull(uplo, "uplo");
        nonNull(trans, "trans");
        if (trans != Trans.N && trans != Trans.T) {
            throw new org.fusemath.api.InvalidArgumentException("trans", trans, "N or T for syrk (herk takes C)");
        }
        dims("n", n);
        dims("k", k);
        CallChecks.realScalar("alpha", t, alphaIm);
        CallChecks.realScalar("beta", t, betaIm);
        int aSpan = matrix("A", t, order, trans == Trans.N ? n : k, trans == Trans.N ? k : n, a, aOff, lda);
        int cSpan = matrix("C", t, order, n, n, c, cOff, ldc);
        if (n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) n * n * k, HostCallPolicy.LEVEL3);
        try {
            syrkK(t, order, uplo, trans, n, k, alphaRe, alphaIm, a, slot(t, aOff), aSpan, lda, betaRe, betaIm, c,
                    slot(t, cOff), cSpan, ldc);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void syrkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alphaRe,
                                  double alphaIm, Object a, int aFrom, int aSpan, int lda, double betaRe,
                                  double betaIm, Object c, int cFrom, int cSpan, int ldc);

    @Override
    public final void herk(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alpha, Object a,
                           int aOff, int lda, double beta, Object c, int cOff, int ldc) {
        nonNull(t, "dtype");
        CallChecks.complexOnly("herk", t);
        nonNull(order, "order");
        nonNull(uplo, "uplo");
        nonNull(trans, "trans");
        if (trans != Trans.N && trans != Trans.C) {
            throw new org.fusemath.api.InvalidArgumentException("trans", trans, "N or C for herk");
        }
        dims("n", n);
        dims("k", k);
        int aSpan = matrix("A", t, order, trans == Trans.N ? n : k, trans == Trans.N ? k : n, a, aOff, lda);
        int cSpan = matrix("C", t, order, n, n, c, cOff, ldc);
        if (n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) n * n * k, HostCallPolicy.LEVEL3);
        try {
            herkK(t, order, uplo, trans, n, k, alpha, a, slot(t, aOff), aSpan, lda, beta, c, slot(t, cOff), cSpan, ldc);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void herkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alpha, Object a,
                                  int aFrom, int aSpan, int lda, double beta, Object c, int cFrom, int cSpan, int ldc);

    @Override
    public final void trmm(DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag, int m, int n,
                           double alphaRe, double alphaIm, Object a, int aOff, int lda, Object b, int bOff, int ldb) {
        triangular3(t, order, side, uplo, transA, diag, m, n, alphaRe, alphaIm, a, aOff, lda, b, bOff, ldb, false);
    }

    @Override
    public final void trsm(DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag, int m, int n,
                           double alphaRe, double alphaIm, Object a, int aOff, int lda, Object b, int bOff, int ldb) {
        triangular3(t, order, side, uplo, transA, diag, m, n, alphaRe, alphaIm, a, aOff, lda, b, bOff, ldb, true);
    }

    private void triangular3(DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag, int m, int n,
                             double alphaRe, double alphaIm, Object a, int aOff, int lda, Object b, int bOff, int ldb,
                             boolean solve) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        nonNull(side, "side");
        nonNull(uplo, "uplo");
        nonNull(diag, "diag");
        Trans ta = effective(t, CallChecks.noConjNoTrans("transA", transA));
        dims("m", m);
        dims("n", n);
        CallChecks.realScalar("alpha", t, alphaIm);
        int ka = side == Side.LEFT ? m : n;
        int aSpan = matrix("A", t, order, ka, ka, a, aOff, lda);
        int bSpan = matrix("B", t, order, m, n, b, bOff, ldb);
        if (m == 0 || n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) m * n * ka, HostCallPolicy.LEVEL3);
        try {
            triangular3K(solve, t, order, side, uplo, ta, diag, m, n, alphaRe, alphaIm, a, slot(t, aOff), aSpan, lda, b,
                    slot(t, bOff), bSpan, ldb);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    /** trsm when {@code solve}, trmm otherwise (same arguments). */
    protected abstract void triangular3K(boolean solve, DType t, Layout order, Side side, Uplo uplo, Trans transA,
                                         Diag diag, int m, int n, double alphaRe, double alphaIm, Object a, int aFrom,
                                         int aSpan, int lda, Object b, int bFrom, int bSpan, int ldb);

    @Override
    public final void gemv(DType t, Layout order, Trans trans, int m, int n, double alphaRe, double alphaIm, Object a,
                           int aOff, int lda, Object x, int xOff, int incx, double betaRe, double betaIm, Object y,
                           int yOff, int incy) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        nonNull(trans, "trans");
        Trans tr = effective(t, trans);
        dims("m", m);
        dims("n", n);
        CallChecks.realScalar("alpha", t, alphaIm);
        CallChecks.realScalar("beta", t, betaIm);
        int aSpan = matrix("A", t, order, m, n, a, aOff, lda);
        int lenX = tr.transposes() ? m : n;
        int lenY = tr.transposes() ? n : m;
        int xSpan = vector("X", t, lenX, x, xOff, incx);
        int ySpan = vector("Y", t, lenY, y, yOff, incy);
        if (lenY == 0) {
            return;
        }
        if (lenX == 0) {
            // BLAS quick-returns here and leaves y unscaled; the definition says y = beta·y.
            HostArrays.scale(t, y, slot(t, yOff), lenY, incy, betaRe, betaIm);
            return;
        }
        boolean gated = HostCallPolicy.enter((long) m * n, HostCallPolicy.LEVEL2);
        try {
            gemvK(t, order, tr, m, n, alphaRe, alphaIm, a, slot(t, aOff), aSpan, lda, x, slot(t, xOff), xSpan, incx,
                    betaRe, betaIm, y, slot(t, yOff), ySpan, incy);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void gemvK(DType t, Layout order, Trans trans, int m, int n, double alphaRe, double alphaIm,
                                  Object a, int aFrom, int aSpan, int lda, Object x, int xFrom, int xSpan, int incx,
                                  double betaRe, double betaIm, Object y, int yFrom, int ySpan, int incy);

    @Override
    public final void ger(DType t, Layout order, boolean conjugateY, int m, int n, double alphaRe, double alphaIm,
                          Object x, int xOff, int incx, Object y, int yOff, int incy, Object a, int aOff, int lda) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        dims("m", m);
        dims("n", n);
        CallChecks.realScalar("alpha", t, alphaIm);
        int xSpan = vector("X", t, m, x, xOff, incx);
        int ySpan = vector("Y", t, n, y, yOff, incy);
        int aSpan = matrix("A", t, order, m, n, a, aOff, lda);
        if (m == 0 || n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) m * n, HostCallPolicy.LEVEL2);
        try {
            gerK(t, order, conjugateY && t.isComplex(), m, n, alphaRe, alphaIm, x, slot(t, xOff), xSpan, incx, y,
                    slot(t, yOff), ySpan, incy, a, slot(t, aOff), aSpan, lda);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void gerK(DType t, Layout order, boolean conjugateY, int m, int n, double alphaRe,
                                 double alphaIm, Object x, int xFrom, int xSpan, int incx, Object y, int yFrom,
                                 int ySpan, int incy, Object a, int aFrom, int aSpan, int lda);

    @Override
    public final void trsv(DType t, Layout order, Uplo uplo, Trans trans, Diag diag, int n, Object a, int aOff, int lda,
                           Object x, int xOff, int incx) {
        nonNull(t, "dtype");
        nonNull(order, "order");
        nonNull(uplo, "uplo");
        nonNull(diag, "diag");
        Trans tr = effective(t, CallChecks.noConjNoTrans("trans", trans));
        dims("n", n);
        int aSpan = matrix("A", t, order, n, n, a, aOff, lda);
        int xSpan = vector("X", t, n, x, xOff, incx);
        if (n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter((long) n * n, HostCallPolicy.LEVEL2);
        try {
            trsvK(t, order, uplo, tr, diag, n, a, slot(t, aOff), aSpan, lda, x, slot(t, xOff), xSpan, incx);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void trsvK(DType t, Layout order, Uplo uplo, Trans trans, Diag diag, int n, Object a, int aFrom,
                                  int aSpan, int lda, Object x, int xFrom, int xSpan, int incx);

    @Override
    public final Scalar dot(DType t, boolean conjugateX, int n, Object x, int xOff, int incx, Object y, int yOff,
                            int incy) {
        nonNull(t, "dtype");
        dims("n", n);
        int xSpan = vector("X", t, n, x, xOff, incx);
        int ySpan = vector("Y", t, n, y, yOff, incy);
        if (n == 0) {
            return Scalar.ZERO;
        }
        boolean gated = HostCallPolicy.enter(n, HostCallPolicy.LEVEL1);
        try {
            return dotK(t, conjugateX && t.isComplex(), n, x, slot(t, xOff), xSpan, incx, y, slot(t, yOff), ySpan, incy);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract Scalar dotK(DType t, boolean conjugateX, int n, Object x, int xFrom, int xSpan, int incx,
                                   Object y, int yFrom, int ySpan, int incy);

    @Override
    public final void axpy(DType t, int n, double alphaRe, double alphaIm, Object x, int xOff, int incx, Object y,
                           int yOff, int incy) {
        nonNull(t, "dtype");
        dims("n", n);
        CallChecks.realScalar("alpha", t, alphaIm);
        int xSpan = vector("X", t, n, x, xOff, incx);
        int ySpan = vector("Y", t, n, y, yOff, incy);
        if (n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter(n, HostCallPolicy.LEVEL1);
        try {
            axpyK(t, n, alphaRe, alphaIm, x, slot(t, xOff), xSpan, incx, y, slot(t, yOff), ySpan, incy);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void axpyK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan,
                                  int incx, Object y, int yFrom, int ySpan, int incy);

    @Override
    public final void scal(DType t, int n, double alphaRe, double alphaIm, Object x, int xOff, int incx) {
        nonNull(t, "dtype");
        dims("n", n);
        CallChecks.realScalar("alpha", t, alphaIm);
        int xSpan = vector("X", t, n, x, xOff, incx);
        if (n == 0) {
            return;
        }
        boolean gated = HostCallPolicy.enter(n, HostCallPolicy.LEVEL1);
        try {
            scalK(t, n, alphaRe, alphaIm, x, slot(t, xOff), xSpan, incx);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    protected abstract void scalK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan,
                                  int incx);

    @Override
    public final double nrm2(DType t, int n, Object x, int xOff, int incx) {
        return reduce(Reduction.NRM2, t, n, x, xOff, incx);
    }

    @Override
    public final double asum(DType t, int n, Object x, int xOff, int incx) {
        return reduce(Reduction.ASUM, t, n, x, xOff, incx);
    }

    @Override
    public final int iamax(DType t, int n, Object x, int xOff, int incx) {
        double index = reduce(Reduction.IAMAX, t, n, x, xOff, incx);
        return n == 0 ? -1 : (int) index;
    }

    private double reduce(Reduction r, DType t, int n, Object x, int xOff, int incx) {
        nonNull(t, "dtype");
        dims("n", n);
        int xSpan = vector("X", t, n, x, xOff, incx);
        if (n == 0) {
            return 0;
        }
        boolean gated = HostCallPolicy.enter(n, HostCallPolicy.LEVEL1);
        try {
            return reduceK(r, t, n, x, slot(t, xOff), xSpan, incx);
        } finally {
            HostCallPolicy.leave(gated);
        }
    }

    /** The level-1 reductions sharing one kernel signature. */
    protected enum Reduction {
        /** Euclidean norm. */
        NRM2,
        /** Sum of |Re| + |Im|. */
        ASUM,
        /** 0-based index of the largest |Re| + |Im| (returned as a double). */
        IAMAX
    }

    protected abstract double reduceK(Reduction r, DType t, int n, Object x, int xFrom, int xSpan, int incx);
}
