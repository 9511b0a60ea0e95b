package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Diag;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The host provider of the level 1–3 routines: turns checked views into call-table arguments (order from
 * the matrix layout, element offsets, leading dimensions, strides) and calls OpenBLAS. Stateless and
 * thread-safe.
 */
public final class OpenBlasRoutines {
    private OpenBlasRoutines() {
    }

    private static NativeBlas blas(FuseContext context) {
        NativeBlas b = NativeCalls.blas();
        b.ensureThreads(context.threads());
        return b;
    }

    private static NativeBlas blas() {
        return NativeCalls.blas();
    }

    /** Σ xᵢyᵢ, or Σ conj(xᵢ)yᵢ when {@code conjugateX}. */
    public static Scalar dot(boolean conjugateX, HostVector x, HostVector y) {
        return blas().dot(x.dtype(), conjugateX, x.length(), x.array(), x.offset(), x.stride(), y.array(), y.offset(),
                y.stride());
    }

    /** y = alpha·x + y. */
    public static void axpy(Scalar alpha, HostVector x, HostVector y) {
        blas().axpy(x.dtype(), x.length(), alpha.re(), alpha.im(), x.array(), x.offset(), x.stride(), y.array(),
                y.offset(), y.stride());
    }

    /** x = alpha·x. */
    public static void scal(Scalar alpha, HostVector x) {
        blas().scal(x.dtype(), x.length(), alpha.re(), alpha.im(), x.array(), x.offset(), x.stride());
    }

    /** ‖x‖₂. */
    public static double nrm2(HostVector x) {
        return blas().nrm2(x.dtype(), x.length(), x.array(), x.offset(), x.stride());
    }

    /** Σ |Re xᵢ| + |Im xᵢ|. */
    public static double asum(HostVector x) {
        return blas().asum(x.dtype(), x.length(), x.array(), x.offset(), x.stride());
    }

    /** The first index of the largest |Re| + |Im|, or -1. */
    public static int iamax(HostVector x) {
        return blas().iamax(x.dtype(), x.length(), x.array(), x.offset(), x.stride());
    }

    /** y = alpha·op(A)·x + beta·y. */
    public static void gemv(FuseContext context, Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta,
                            HostVector y) {
        MatrixShape s = a.shape();
        blas(context).gemv(a.dtype(), s.layout(), Trans.of(op), BlasInts.of("a.rows", s.rows()),
                BlasInts.of("a.cols", s.cols()), alpha.re(), alpha.im(), a.array(), BlasInts.of("a.offset", s.offset()),
                BlasInts.ld("a.ld", s), x.array(), x.offset(), x.stride(), beta.re(), beta.im(), y.array(),
                y.offset(), y.stride());
    }

    /** A = alpha·x·yᵀ + A, or alpha·x·yᴴ + A when {@code conjugateY}. */
    public static void ger(FuseContext context, boolean conjugateY, Scalar alpha, HostVector x, HostVector y,
                           HostMatrix a) {
        MatrixShape s = a.shape();
        blas(context).ger(a.dtype(), s.layout(), conjugateY, BlasInts.of("a.rows", s.rows()),
                BlasInts.of("a.cols", s.cols()), alpha.re(), alpha.im(), x.array(), x.offset(), x.stride(), y.array(),
                y.offset(), y.stride(), a.array(), BlasInts.of("a.offset", s.offset()), BlasInts.ld("a.ld", s));
    }

    /** Solves op(A)·x = b in place of x. */
    public static void trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        MatrixShape s = a.shape();
        blas().trsv(a.dtype(), s.layout(), uplo, Trans.of(op), diag, BlasInts.of("a.rows", s.rows()), a.array(),
                BlasInts.of("a.offset", s.offset()), BlasInts.ld("a.ld", s), x.array(), x.offset(), x.stride());
    }

    /**
     * trsm when {@code solve}, trmm otherwise, on B's storage order (A has the same). An empty B is left as it is:
     * its other extent may be past int range, and there is nothing to compute.
     */
    public static void triangular(FuseContext context, boolean solve, Side side, Uplo uplo, Op op, Diag diag,
                                  Scalar alpha, HostMatrix a, HostMatrix b) {
        MatrixShape sb = b.shape();
        if (sb.isEmpty()) {
            return;
        }
        Ints g = new Ints(a, "b", b);
        NativeBlas t = blas(context);
        DType d = a.dtype();
        if (solve) {
            t.trsm(d, sb.layout(), side, uplo, Trans.of(op), diag, g.rows, g.cols, alpha.re(), alpha.im(),
                    a.array(), g.aOffset, g.lda, b.array(), g.outOffset, g.ldOut);
        } else {
            t.trmm(d, sb.layout(), side, uplo, Trans.of(op), diag, g.rows, g.cols, alpha.re(), alpha.im(),
                    a.array(), g.aOffset, g.lda, b.array(), g.outOffset, g.ldOut);
        }
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on one triangle; an empty C is left as it is (nothing to compute). */
    public static void syrk(FuseContext context, Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta,
                            HostMatrix c) {
        if (c.shape().isEmpty()) {
            return;
        }
        Ints g = new Ints(a, "c", c);
        int k = BlasInts.of("k", op == Op.NONE ? a.shape().cols() : a.shape().rows());
        blas(context).syrk(a.dtype(), c.shape().layout(), uplo, op == Op.NONE ? Trans.N : Trans.T, g.rows, k,
                alpha.re(), alpha.im(), a.array(), g.aOffset, g.lda, beta.re(), beta.im(), c.array(), g.outOffset,
                g.ldOut);
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on one triangle (complex); an empty C is left as it is. */
    public static void herk(FuseContext context, Uplo uplo, Op op, double alpha, HostMatrix a, double beta,
                            HostMatrix c) {
        if (c.shape().isEmpty()) {
            return;
        }
        Ints g = new Ints(a, "c", c);
        int k = BlasInts.of("k", op == Op.NONE ? a.shape().cols() : a.shape().rows());
        blas(context).herk(a.dtype(), c.shape().layout(), uplo, op == Op.NONE ? Trans.N : Trans.C, g.rows, k, alpha,
                a.array(), g.aOffset, g.lda, beta, c.array(), g.outOffset, g.ldOut);
    }

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT), A symmetric; an empty C is left as it is. */
    public static void symm(FuseContext context, Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b,
                            Scalar beta, HostMatrix c) {
        if (c.shape().isEmpty()) {
            return;
        }
        Ints g = new Ints(a, "c", c);
        MatrixShape sb = b.shape();
        blas(context).symm(a.dtype(), c.shape().layout(), side, uplo, g.rows, g.cols, alpha.re(), alpha.im(),
                a.array(), g.aOffset, g.lda, b.array(), BlasInts.of("b.offset", sb.offset()), BlasInts.ld("b.ld", sb),
                beta.re(), beta.im(), c.array(), g.outOffset, g.ldOut);
    }

    /** The 32-bit geometry a level-3 call passes for its (non-empty) output and its A. */
    private static final class Ints {
        final int rows;
        final int cols;
        final int outOffset;
        final int ldOut;
        final int aOffset;
        final int lda;

        Ints(HostMatrix a, String outName, HostMatrix out) {
            MatrixShape so = out.shape();
            MatrixShape sa = a.shape();
            rows = BlasInts.of(outName + ".rows", so.rows());
            cols = BlasInts.of(outName + ".cols", so.cols());
            outOffset = BlasInts.of(outName + ".offset", so.offset());
            ldOut = BlasInts.ld(outName + ".ld", so);
            aOffset = BlasInts.of("a.offset", sa.offset());
            lda = BlasInts.ld("a.ld", sa);
        }
    }
}
