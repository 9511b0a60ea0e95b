package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * The function form's shortcut for a single product small enough for the Java kernel: it recognises
 * such a call without allocating (no spec, no plan) and runs it, because at 4×4 building a spec and a plan
 * costs more than the arithmetic. It only ever accepts calls that are valid as they stand (views are
 * checked when made; the shapes, types and disjointness of C are checked here); anything else, including
 * every invalid call, is declined so that the general path computes it or throws its specific exception.
 * Stateless and thread-safe.
 */
public final class SmallGemm {
    private SmallGemm() {
    }

    /** The crossover of the JVM's call path, looked up once the first small call comes. */
    private static final class Crossover {
        static final long LIMIT = JavaGemm.crossover(NativeCalls.callPath(), false);
        static final long COMPLEX_LIMIT = JavaGemm.crossover(NativeCalls.callPath(), true);
    }

    /**
     * Which code computes a single m·n·k product of this type: {@code java} (the Java kernel, within the
     * crossover) or the host call path ({@link NativeCalls#callPath()}); for reports such as benchmark rows.
     */
    public static String pathFor(DType t, long work) {
        return work <= (t.isComplex() ? Crossover.COMPLEX_LIMIT : Crossover.LIMIT) ? "java" : NativeCalls.callPath();
    }

    /** {@link #tryRun(Op, Op, Scalar, HostMatrix, HostMatrix, Scalar, HostMatrix)} with real scalars. */
    public static boolean tryRun(Op opA, Op opB, double alpha, HostMatrix a, HostMatrix b, double beta, HostMatrix c) {
        return run(opA, opB, alpha, 0, a, b, beta, 0, c);
    }

    /** {@link #tryRun(Op, Op, Scalar, HostMatrix, HostMatrix, Scalar, HostMatrix)} with scalars as (re, im) pairs. */
    public static boolean tryRun(Op opA, Op opB, double alphaRe, double alphaIm, HostMatrix a, HostMatrix b,
                                 double betaRe, double betaIm, HostMatrix c) {
        return run(opA, opB, alphaRe, alphaIm, a, b, betaRe, betaIm, c);
    }

    /** The largest m·n·k this shortcut takes for {@code t} on this JVM's call path. */
    public static long crossover(DType t) {
        return t.isComplex() ? Crossover.COMPLEX_LIMIT : Crossover.LIMIT;
    }

    /**
     * Computes C = alpha·op(A)·op(B) + beta·C and returns true when the call is a valid single product (real
     * scalars for real types) with m·n·k within the Java kernel's crossover; returns false, touching nothing,
     * otherwise.
     */
    public static boolean tryRun(Op opA, Op opB, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        return alpha != null && beta != null && run(opA, opB, alpha.re(), alpha.im(), a, b, beta.re(), beta.im(), c);
    }

    // Scalars travel as doubles so that the real path allocates nothing even where it is not inlined.
    private static boolean run(Op opA, Op opB, double alphaRe, double alphaIm, HostMatrix a, HostMatrix b,
                               double betaRe, double betaIm, HostMatrix c) {
        if (opA == null || opB == null || a == null || b == null || c == null) {
            return false;
        }
        DType t = c.dtype();
        if (a.dtype() != t || b.dtype() != t || !t.isComplex() && (alphaIm != 0 || betaIm != 0)) {
            return false;
        }
        MatrixShape sa = a.shape();
        MatrixShape sb = b.shape();
        MatrixShape sc = c.shape();
        if (sa.batch() != 1 || sb.batch() != 1 || sc.batch() != 1) {
            return false;
        }
        long m = opA.rowsOf(sa.rows(), sa.cols());
        long k = opA.colsOf(sa.rows(), sa.cols());
        long n = opB.colsOf(sb.rows(), sb.cols());
        if (opB.rowsOf(sb.rows(), sb.cols()) != k || sc.rows() != m || sc.cols() != n || m == 0 || n == 0
                || m * n * k > (t.isComplex() ? Crossover.COMPLEX_LIMIT : Crossover.LIMIT)) {
            return false;
        }
        // A distinct array cannot overlap; C sharing one with A or B goes to the general path's span check.
        if (c.array() == a.array() || c.array() == b.array()) {
            return false;
        }
        // A leading dimension past int range (legal on a one-row view) goes to the general path, which drops it.
        if ((sa.ld() | sb.ld() | sc.ld()) > Integer.MAX_VALUE) {
            return false;
        }
        int ars = rowStride(opA, sa);
        int brs = rowStride(opB, sb);
        int crs = rowStride(Op.NONE, sc);
        JavaGemm.gemm(t, (int) m, (int) n, (int) k, alphaRe, alphaIm, a.array(), (int) sa.offset(), ars, other(ars, sa),
                opA == Op.CONJUGATE_TRANSPOSE, b.array(), (int) sb.offset(), brs, other(brs, sb),
                opB == Op.CONJUGATE_TRANSPOSE, betaRe, betaIm, c.array(), (int) sc.offset(), crs, other(crs, sc));
        return true;
    }

    /** The storage stride between rows of op(M): op(M)[i, p] is M[i, p] (NONE) or M[p, i]. */
    private static int rowStride(Op op, MatrixShape s) {
        return (op == Op.NONE) == (s.layout() == Layout.ROW_MAJOR) ? (int) s.ld() : 1;
    }

    private static int other(int rowStride, MatrixShape s) {
        return rowStride == 1 ? (int) s.ld() : 1;
    }
}
