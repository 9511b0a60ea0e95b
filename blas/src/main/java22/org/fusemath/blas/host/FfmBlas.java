package org.fusemath.blas.host;

import static org.fusemath.blas.host.Downcalls.complex;
import static org.fusemath.blas.host.Downcalls.rethrow;
import static org.fusemath.blas.host.Downcalls.seg;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The Java 22+ call table: FFM downcalls into OpenBLAS's CBLAS entry points with the caller's heap arrays
 * passed in place (critical downcalls, see {@link Downcalls}): no copy and no allocation of native memory.
 * Real types call the by-value scalar entry points; complex types share one call site per routine. Level-3
 * calls above {@link CriticalCalls#limit()} go through the JavaCPP staging table instead.
 */
final class FfmBlas extends CheckedBlas {
    private static final Downcalls.Handles GEMM = Downcalls.bind("v", "iiiiiispipispi", "cblas_", "gemm");
    private static final Downcalls.Handles SYMM = Downcalls.bind("v", "iiiiispipispi", "cblas_", "symm");
    private static final Downcalls.Handles SYRK = Downcalls.bind("v", "iiiiispispi", "cblas_", "syrk");
    private static final Downcalls.Handles HERK = Downcalls.bind("v", "iiiiirpirpi", null, null, "cblas_cherk", "cblas_zherk");
    private static final Downcalls.Handles TRMM = Downcalls.bind("v", "iiiiiiispipi", "cblas_", "trmm");
    private static final Downcalls.Handles TRSM = Downcalls.bind("v", "iiiiiiispipi", "cblas_", "trsm");
    private static final Downcalls.Handles GEMV = Downcalls.bind("v", "iiiispipispi", "cblas_", "gemv");
    private static final Downcalls.Handles GER = Downcalls.bind("v", "iiispipipi", "cblas_sger", "cblas_dger", "cblas_cgeru", "cblas_zgeru");
    private static final Downcalls.Handles GERC = Downcalls.bind("v", "iiispipipi", null, null, "cblas_cgerc", "cblas_zgerc");
    private static final Downcalls.Handles TRSV = Downcalls.bind("v", "iiiiipipi", "cblas_", "trsv");
    private static final Downcalls.Handles DOT = Downcalls.bind("r", "ipipi", "cblas_sdot", "cblas_ddot", null, null);
    private static final Downcalls.Handles DOTU = Downcalls.bind("v", "ipipip", null, null, "cblas_cdotu_sub", "cblas_zdotu_sub");
    private static final Downcalls.Handles DOTC = Downcalls.bind("v", "ipipip", null, null, "cblas_cdotc_sub", "cblas_zdotc_sub");
    private static final Downcalls.Handles AXPY = Downcalls.bind("v", "ispipi", "cblas_", "axpy");
    private static final Downcalls.Handles SCAL = Downcalls.bind("v", "ispi", "cblas_", "scal");
    private static final Downcalls.Handles NRM2 = Downcalls.bind("r", "ipi", "cblas_snrm2", "cblas_dnrm2", "cblas_scnrm2", "cblas_dznrm2");
    private static final Downcalls.Handles ASUM = Downcalls.bind("r", "ipi", "cblas_sasum", "cblas_dasum", "cblas_scasum", "cblas_dzasum");
    private static final Downcalls.Handles IAMAX = Downcalls.bind("l", "ipi", "cblas_i", "amax");

    private static final MethodHandle GET_THREADS = Downcalls.plain("openblas_get_num_threads",
            FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle GET_CONFIG = Downcalls.plain("openblas_get_config",
            FunctionDescriptor.of(ValueLayout.ADDRESS));
    private static final MethodHandle GET_CORENAME = Downcalls.plain("openblas_get_corename",
            FunctionDescriptor.of(ValueLayout.ADDRESS));

    @Override
    public String callPath() {
        return "ffm";
    }

    /** The staging table for calls too long to run critical ({@link CriticalCalls}), made on first use. */
    private static final class Staged {
        static final JavacppBlas BLAS = new JavacppBlas();
    }

    @Override
    public int threads() {
        try {
            return (int) GET_THREADS.invokeExact();
        } catch (Throwable e) {
            throw rethrow("openblas_get_num_threads", e);
        }
    }

    @Override
    public String config() {
        return string(GET_CONFIG, "openblas_get_config");
    }

    @Override
    public String coreName() {
        return string(GET_CORENAME, "openblas_get_corename");
    }

    @SuppressWarnings("restricted") // OpenBLAS returns a static NUL-terminated string
    private static String string(MethodHandle h, String routine) {
        try {
            MemorySegment p = (MemorySegment) h.invokeExact();
            return p.equals(MemorySegment.NULL) ? "unknown" : p.reinterpret(4096).getString(0).trim();
        } catch (Throwable e) {
            throw rethrow(routine, e);
        }
    }

    @Override
    protected void gemmK(DType t, Layout order, Trans ta, Trans tb, int m, int n, int k, double alphaRe,
                         double alphaIm, Object a, int aFrom, int aSpan, int lda, Object b, int bFrom, int bSpan,
                         int ldb, double betaRe, double betaIm, Object c, int cFrom, int cSpan, int ldc) {
        if (!CriticalCalls.allowed((long) m * n * k)) {
            Staged.BLAS.gemmK(t, order, ta, tb, m, n, k, alphaRe, alphaIm, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb,
                    betaRe, betaIm, c, cFrom, cSpan, ldc);
            return;
        }
        int o = Cblas.order(order);
        try {
            switch (t) {
                case F64 -> GEMM.f64().invokeExact(o, ta.code(), tb.code(), m, n, k, alphaRe, seg(a, aFrom), lda,
                        seg(b, bFrom), ldb, betaRe, seg(c, cFrom), ldc);
                case F32 -> GEMM.f32().invokeExact(o, ta.code(), tb.code(), m, n, k, (float) alphaRe, seg(a, aFrom), lda,
                        seg(b, bFrom), ldb, (float) betaRe, seg(c, cFrom), ldc);
                case C64, C128 -> GEMM.of(t).invokeExact(o, ta.code(), tb.code(), m, n, k, complex(t, alphaRe, alphaIm),
                        seg(a, aFrom), lda, seg(b, bFrom), ldb, complex(t, betaRe, betaIm), seg(c, cFrom), ldc);
            }
        } catch (Throwable e) {
            throw rethrow("gemm", e);
        }
    }

    @Override
    protected void symmK(DType t, Layout order, Side side, Uplo uplo, int m, int n, double alphaRe, double alphaIm,
                         Object a, int aFrom, int aSpan, int lda, Object b, int bFrom, int bSpan, int ldb,
                         double betaRe, double betaIm, Object c, int cFrom, int cSpan, int ldc) {
        if (!CriticalCalls.allowed((long) m * n * (side == Side.LEFT ? m : n))) {
            Staged.BLAS.symmK(t, order, side, uplo, m, n, alphaRe, alphaIm, a, aFrom, aSpan, lda, b, bFrom, bSpan, ldb,
                    betaRe, betaIm, c, cFrom, cSpan, ldc);
            return;
        }
        int o = Cblas.order(order);
        int sd = Cblas.side(side);
        int ul = Cblas.uplo(uplo);
        try {
            switch (t) {
                case F64 -> SYMM.f64().invokeExact(o, sd, ul, m, n, alphaRe, seg(a, aFrom), lda, seg(b, bFrom), ldb,
                        betaRe, seg(c, cFrom), ldc);
                case F32 -> SYMM.f32().invokeExact(o, sd, ul, m, n, (float) alphaRe, seg(a, aFrom), lda, seg(b, bFrom),
                        ldb, (float) betaRe, seg(c, cFrom), ldc);
                case C64, C128 -> SYMM.of(t).invokeExact(o, sd, ul, m, n, complex(t, alphaRe, alphaIm), seg(a, aFrom),
                        lda, seg(b, bFrom), ldb, complex(t, betaRe, betaIm), seg(c, cFrom), ldc);
            }
        } catch (Throwable e) {
            throw rethrow("symm", e);
        }
    }

    @Override
    protected void syrkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alphaRe, double alphaIm,
                         Object a, int aFrom, int aSpan, int lda, double betaRe, double betaIm, Object c, int cFrom,
                         int cSpan, int ldc) {
        if (!CriticalCalls.allowed((long) n * n * k)) {
            Staged.BLAS.syrkK(t, order, uplo, trans, n, k, alphaRe, alphaIm, a, aFrom, aSpan, lda, betaRe, betaIm, c,
                    cFrom, cSpan, ldc);
            return;
        }
        int o = Cblas.order(order);
        int ul = Cblas.uplo(uplo);
        try {
            switch (t) {
                case F64 -> SYRK.f64().invokeExact(o, ul, trans.code(), n, k, alphaRe, seg(a, aFrom), lda, betaRe,
                        seg(c, cFrom), ldc);
                case F32 -> SYRK.f32().invokeExact(o, ul, trans.code(), n, k, (float) alphaRe, seg(a, aFrom), lda,
                        (float) betaRe, seg(c, cFrom), ldc);
                case C64, C128 -> SYRK.of(t).invokeExact(o, ul, trans.code(), n, k, complex(t, alphaRe, alphaIm),
                        seg(a, aFrom), lda, complex(t, betaRe, betaIm), seg(c, cFrom), ldc);
            }
        } catch (Throwable e) {
            throw rethrow("syrk", e);
        }
    }

    @Override
    protected void herkK(DType t, Layout order, Uplo uplo, Trans trans, int n, int k, double alpha, Object a,
                         int aFrom, int aSpan, int lda, double beta, Object c, int cFrom, int cSpan, int ldc) {
        if (!CriticalCalls.allowed((long) n * n * k)) {
            Staged.BLAS.herkK(t, order, uplo, trans, n, k, alpha, a, aFrom, aSpan, lda, beta, c, cFrom, cSpan, ldc);
            return;
        }
        int o = Cblas.order(order);
        int ul = Cblas.uplo(uplo);
        try {
            if (t == DType.C128) {
                HERK.c128().invokeExact(o, ul, trans.code(), n, k, alpha, seg(a, aFrom), lda, beta, seg(c, cFrom), ldc);
            } else {
                HERK.c64().invokeExact(o, ul, trans.code(), n, k, (float) alpha, seg(a, aFrom), lda, (float) beta,
                        seg(c, cFrom), ldc);
            }
        } catch (Throwable e) {
            throw rethrow("herk", e);
        }
    }

    @Override
    protected void triangular3K(boolean solve, DType t, Layout order, Side side, Uplo uplo, Trans transA, Diag diag,
                                int m, int n, double alphaRe, double alphaIm, Object a, int aFrom, int aSpan, int lda,
                                Object b, int bFrom, int bSpan, int ldb) {
        if (!CriticalCalls.allowed((long) m * n * (side == Side.LEFT ? m : n))) {
            Staged.BLAS.triangular3K(solve, t, order, side, uplo, transA, diag, m, n, alphaRe, alphaIm, a, aFrom, aSpan,
                    lda, b, bFrom, bSpan, ldb);
            return;
        }
        Downcalls.Handles h = solve ? TRSM : TRMM;
        int o = Cblas.order(order);
        int sd = Cblas.side(side);
        int ul = Cblas.uplo(uplo);
        int dg = Cblas.diag(diag);
        try {
            switch (t) {
                case F64 -> h.f64().invokeExact(o, sd, ul, transA.code(), dg, m, n, alphaRe, seg(a, aFrom), lda,
                        seg(b, bFrom), ldb);
                case F32 -> h.f32().invokeExact(o, sd, ul, transA.code(), dg, m, n, (float) alphaRe, seg(a, aFrom), lda,
                        seg(b, bFrom), ldb);
                case C64, C128 -> h.of(t).invokeExact(o, sd, ul, transA.code(), dg, m, n, complex(t, alphaRe, alphaIm),
                        seg(a, aFrom), lda, seg(b, bFrom), ldb);
            }
        } catch (Throwable e) {
            throw rethrow(solve ? "trsm" : "trmm", e);
        }
    }

    @Override
    protected void gemvK(DType t, Layout order, Trans trans, int m, int n, double alphaRe, double alphaIm, Object a,
                         int aFrom, int aSpan, int lda, Object x, int xFrom, int xSpan, int incx, double betaRe,
                         double betaIm, Object y, int yFrom, int ySpan, int incy) {
        int o = Cblas.order(order);
        try {
            switch (t) {
                case F64 -> GEMV.f64().invokeExact(o, trans.code(), m, n, alphaRe, seg(a, aFrom), lda, seg(x, xFrom),
                        incx, betaRe, seg(y, yFrom), incy);
                case F32 -> GEMV.f32().invokeExact(o, trans.code(), m, n, (float) alphaRe, seg(a, aFrom), lda,
                        seg(x, xFrom), incx, (float) betaRe, seg(y, yFrom), incy);
                case C64, C128 -> GEMV.of(t).invokeExact(o, trans.code(), m, n, complex(t, alphaRe, alphaIm),
                        seg(a, aFrom), lda, seg(x, xFrom), incx, complex(t, betaRe, betaIm), seg(y, yFrom), incy);
            }
        } catch (Throwable e) {
            throw rethrow("gemv", e);
        }
    }

    @Override
    protected void gerK(DType t, Layout order, boolean conjugateY, int m, int n, double alphaRe, double alphaIm,
                        Object x, int xFrom, int xSpan, int incx, Object y, int yFrom, int ySpan, int incy, Object a,
                        int aFrom, int aSpan, int lda) {
        int o = Cblas.order(order);
        try {
            switch (t) {
                case F64 -> GER.f64().invokeExact(o, m, n, alphaRe, seg(x, xFrom), incx, seg(y, yFrom), incy,
                        seg(a, aFrom), lda);
                case F32 -> GER.f32().invokeExact(o, m, n, (float) alphaRe, seg(x, xFrom), incx, seg(y, yFrom), incy,
                        seg(a, aFrom), lda);
                case C64, C128 -> (conjugateY ? GERC : GER).of(t).invokeExact(o, m, n, complex(t, alphaRe, alphaIm),
                        seg(x, xFrom), incx, seg(y, yFrom), incy, seg(a, aFrom), lda);
            }
        } catch (Throwable e) {
            throw rethrow("ger", e);
        }
    }

    @Override
    protected void trsvK(DType t, Layout order, Uplo uplo, Trans trans, Diag diag, int n, Object a, int aFrom,
                         int aSpan, int lda, Object x, int xFrom, int xSpan, int incx) {
        try {
            TRSV.of(t).invokeExact(Cblas.order(order), Cblas.uplo(uplo), trans.code(), Cblas.diag(diag), n,
                    seg(a, aFrom), lda, seg(x, xFrom), incx);
        } catch (Throwable e) {
            throw rethrow("trsv", e);
        }
    }

    @Override
    protected Scalar dotK(DType t, boolean conjugateX, int n, Object x, int xFrom, int xSpan, int incx, Object y,
                          int yFrom, int ySpan, int incy) {
        try {
            switch (t) {
                case F64 -> {
                    return Scalar.of((double) DOT.f64().invokeExact(n, seg(x, xFrom), incx, seg(y, yFrom), incy));
                }
                case F32 -> {
                    return Scalar.of((float) DOT.f32().invokeExact(n, seg(x, xFrom), incx, seg(y, yFrom), incy));
                }
                default -> {
                    MemorySegment result = complex(t, 0, 0);
                    (conjugateX ? DOTC : DOTU).of(t).invokeExact(n, seg(x, xFrom), incx, seg(y, yFrom), incy, result);
                    return t.isSinglePrecision()
                            ? Scalar.of(result.getAtIndex(ValueLayout.JAVA_FLOAT, 0), result.getAtIndex(ValueLayout.JAVA_FLOAT, 1))
                            : Scalar.of(result.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), result.getAtIndex(ValueLayout.JAVA_DOUBLE, 1));
                }
            }
        } catch (Throwable e) {
            throw rethrow("dot", e);
        }
    }

    @Override
    protected void axpyK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan, int incx,
                         Object y, int yFrom, int ySpan, int incy) {
        try {
            switch (t) {
                case F64 -> AXPY.f64().invokeExact(n, alphaRe, seg(x, xFrom), incx, seg(y, yFrom), incy);
                case F32 -> AXPY.f32().invokeExact(n, (float) alphaRe, seg(x, xFrom), incx, seg(y, yFrom), incy);
                case C64, C128 -> AXPY.of(t).invokeExact(n, complex(t, alphaRe, alphaIm), seg(x, xFrom), incx,
                        seg(y, yFrom), incy);
            }
        } catch (Throwable e) {
            throw rethrow("axpy", e);
        }
    }

    @Override
    protected void scalK(DType t, int n, double alphaRe, double alphaIm, Object x, int xFrom, int xSpan, int incx) {
        try {
            switch (t) {
                case F64 -> SCAL.f64().invokeExact(n, alphaRe, seg(x, xFrom), incx);
                case F32 -> SCAL.f32().invokeExact(n, (float) alphaRe, seg(x, xFrom), incx);
                case C64, C128 -> SCAL.of(t).invokeExact(n, complex(t, alphaRe, alphaIm), seg(x, xFrom), incx);
            }
        } catch (Throwable e) {
            throw rethrow("scal", e);
        }
    }

    @Override
    protected double reduceK(Reduction r, DType t, int n, Object x, int xFrom, int xSpan, int incx) {
        MemorySegment sx = seg(x, xFrom);
        try {
            if (r == Reduction.IAMAX) {
                return (long) IAMAX.of(t).invokeExact(n, sx, incx);
            }
            MethodHandle h = (r == Reduction.NRM2 ? NRM2 : ASUM).of(t);
            return t.isSinglePrecision() ? (float) h.invokeExact(n, sx, incx) : (double) h.invokeExact(n, sx, incx);
        } catch (Throwable e) {
            throw rethrow(r.name().toLowerCase(java.util.Locale.ROOT), e);
        }
    }
}
