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

    private static int i(long v) {
        return Math.toIntExact(v);
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
        blas(context).gemv(a.dtype(), s.layout(), Trans.of(op), i(s.rows()), i(s.cols()), alpha.re(), alpha.im(),
                a.array(), i(s.offset()), i(s.ld()), x.array(), x.offset(), x.stride(), beta.re(), beta.im(), y.array(),
                y.offset(), y.stride());
    }

    /** A = alpha·x·yᵀ + A, or alpha·x·yᴴ + A when {@code conjugateY}. */
    public static void ger(FuseContext context, boolean conjugateY, Scalar alpha, HostVector x, HostVector y,
                           HostMatrix a) {
        MatrixShape s = a.shape();
        blas(context).ger(a.dtype(), s.layout(), conjugateY, i(s.rows()), i(s.cols()), alpha.re(), alpha.im(), x.array(),
                x.offset(), x.stride(), y.array(), y.offset(), y.stride(), a.array(), i(s.offset()), i(s.ld()));
    }

    /** Solves op(A)·x = b in place of x. */
    public static void trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        MatrixShape s = a.shape();
        blas().trsv(a.dtype(), s.layout(), uplo, Trans.of(op), diag, i(s.rows()), a.array(), i(s.offset()), i(s.ld()),
                x.array(), x.offset(), x.stride());
    }

    /** trsm when {@code solve}, trmm otherwise, on B's storage order (A has the same). */
    public static void triangular(FuseContext context, boolean solve, Side side, Uplo uplo, Op op, Diag diag,
                                  Scalar alpha, HostMatrix a, HostMatrix b) {
        MatrixShape sa = a.shape();
        MatrixShape sb = b.shape();
        NativeBlas t = blas(context);
        DType d = a.dtype();
        if (solve) {
            t.trsm(d, sb.layout(), side, uplo, Trans.of(op), diag, i(sb.rows()), i(sb.cols()), alpha.re(), alpha.im(),
                    a.array(), i(sa.offset()), i(sa.ld()), b.array(), i(sb.offset()), i(sb.ld()));
        } else {
            t.trmm(d, sb.layout(), side, uplo, Trans.of(op), diag, i(sb.rows()), i(sb.cols()), alpha.re(), alpha.im(),
                    a.array(), i(sa.offset()), i(sa.ld()), b.array(), i(sb.offset()), i(sb.ld()));
        }
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on one triangle. */
    public static void syrk(FuseContext context, Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta,
                            HostMatrix c) {
        MatrixShape sa = a.shape();
        MatrixShape sc = c.shape();
        int k = i(op == Op.NONE ? sa.cols() : sa.rows());
        blas(context).syrk(a.dtype(), sc.layout(), uplo, op == Op.NONE ? Trans.N : Trans.T, i(sc.rows()), k, alpha.re(),
                alpha.im(), a.array(), i(sa.offset()), i(sa.ld()), beta.re(), beta.im(), c.array(), i(sc.offset()),
                i(sc.ld()));
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on one triangle (complex). */
    public static void herk(FuseContext context, Uplo uplo, Op op, double alpha, HostMatrix a, double beta,
                            HostMatrix c) {
        MatrixShape sa = a.shape();
        MatrixShape sc = c.shape();
        int k = i(op == Op.NONE ? sa.cols() : sa.rows());
        blas(context).herk(a.dtype(), sc.layout(), uplo, op == Op.NONE ? Trans.N : Trans.C, i(sc.rows()), k, alpha,
                a.array(), i(sa.offset()), i(sa.ld()), beta, c.array(), i(sc.offset()), i(sc.ld()));
    }

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT), A symmetric. */
    public static void symm(FuseContext context, Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b,
                            Scalar beta, HostMatrix c) {
        MatrixShape sa = a.shape();
        MatrixShape sb = b.shape();
        MatrixShape sc = c.shape();
        blas(context).symm(a.dtype(), sc.layout(), side, uplo, i(sc.rows()), i(sc.cols()), alpha.re(), alpha.im(),
                a.array(), i(sa.offset()), i(sa.ld()), b.array(), i(sb.offset()), i(sb.ld()), beta.re(), beta.im(),
                c.array(), i(sc.offset()), i(sc.ld()));
    }
}
