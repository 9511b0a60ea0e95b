package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Scalar;
import org.fusemath.solver.host.LapackLu;

/**
 * The LU factorisation with partial pivoting (P·A = L·U) of one square matrix, made once and used for any
 * number of solves, the inverse and the determinant.
 *
 * <p>The factors are computed on a dense copy of A kept in A's own storage order: read column-major, as LAPACK
 * reads it, a row-major copy is Aᵀ, so {@code getrf} factors Aᵀ and solves use {@code getrs} with the transposed
 * flag (Aᵀᵀ = A); no transposition is made. An exactly singular A (a zero pivot, LAPACK's {@code info} &gt; 0) is
 * reported by {@link #solve} and {@link #inverse} as a {@link SingularMatrixException} carrying that info; its
 * {@link #determinant} is 0.
 *
 * <p>Immutable after construction; may be shared across threads (each solve writes only its own result).
 */
public final class LuFactorization {
    private final FuseContext context;
    private final DType dtype;
    private final int n;
    private final Layout layout;
    /** The LU factors of A (column-major layout) or of Aᵀ (row-major), n×n without gaps. */
    private final Object factors;
    private final int[] pivots;
    private final int info;

    private LuFactorization(FuseContext context, DType dtype, int n, Layout layout, Object factors, int[] pivots,
                            int info) {
        this.context = context;
        this.dtype = dtype;
        this.n = n;
        this.layout = layout;
        this.factors = factors;
        this.pivots = pivots;
        this.info = info;
    }

    /** Factors the square {@code a} (left unchanged) with the default context. */
    public static LuFactorization factor(HostMatrix a) {
        return factor(FuseContext.defaults(), a);
    }

    /** Factors the square {@code a} (left unchanged) on the host with the context's thread count. */
    public static LuFactorization factor(FuseContext context, HostMatrix a) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(a, "a");
        if (context.execution().kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("execution", context.execution(),
                    "host or auto: the LU factorisation runs on the host only");
        }
        MatrixShape s = a.shape();
        if (s.batch() != 1) {
            throw new InvalidArgumentException("a", "a batch of " + s.batch() + " matrices", "one matrix");
        }
        if (s.rows() != s.cols()) {
            throw new ShapeMismatchException("a", s.rows() + "x" + s.cols(), "a square matrix");
        }
        int n = Arguments.toInt("a rows", s.rows());
        Object factors = Dense.copy(a, s.layout());
        int[] pivots = new int[n];
        int info = n == 0 ? 0 : LapackLu.factor(context.threads(), a.dtype(), n, factors, pivots);
        return new LuFactorization(context, a.dtype(), n, s.layout(), factors, pivots, info);
    }

    /** The order n of A. */
    public int n() {
        return n;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /**
     * LAPACK's info: 0, or the 1-based index i of the first exactly zero pivot U(i, i) of the factors as stored
     * (those of Aᵀ for a row-major A: either way A is singular).
     */
    public int info() {
        return info;
    }

    /** Whether A is exactly singular (a zero pivot). */
    public boolean isSingular() {
        return info > 0;
    }

    private void requireNonsingular() {
        if (info > 0) {
            throw new SingularMatrixException(info);
        }
    }

    /** X with A·X = B for the n×k {@code b} (left unchanged); X is dense in B's storage order. */
    public HostMatrix solve(HostMatrix b) {
        Arguments.requireNonNull(b, "b");
        if (b.dtype() != dtype) {
            throw new InvalidArgumentException("b", b.dtype(), dtype + " (the type of A)");
        }
        MatrixShape s = b.shape();
        if (s.batch() != 1 || s.rows() != n) {
            throw new ShapeMismatchException("b", (s.batch() == 1 ? "" : s.batch() + "x") + s.rows() + "x" + s.cols(),
                    "one matrix of " + n + " rows (A is " + n + "x" + n + ")");
        }
        requireNonsingular();
        int k = Arguments.toInt("b cols", s.cols());
        Object x = Dense.copy(b, Layout.COLUMN_MAJOR);
        if (n > 0 && k > 0) {
            LapackLu.solve(context.threads(), dtype, layout == Layout.ROW_MAJOR, n, k, factors, pivots, x);
        }
        HostMatrix columns = HostMatrix.of(dtype, x, MatrixShape.columnMajor(n, k));
        if (s.layout() == Layout.COLUMN_MAJOR) {
            return columns;
        }
        return HostMatrix.of(dtype, k == 1 ? x : Dense.copy(columns, Layout.ROW_MAJOR), MatrixShape.rowMajor(n, k));
    }

    /** A⁻¹, dense in A's storage order. */
    public HostMatrix inverse() {
        requireNonsingular();
        Object x = Dense.identity(dtype, n);
        if (n > 0) {
            // The factors are those of A read in A's order; solving F·X = I gives F⁻¹ in that same reading.
            LapackLu.solve(context.threads(), dtype, false, n, n, factors, pivots, x);
        }
        return HostMatrix.of(dtype, x, MatrixShape.dense(n, n, layout));
    }

    /**
     * det(A) = ±Π U(i, i), the sign that of the row permutation (det Aᵀ = det A), multiplied in double precision
     * and rounded to the type; 1 for n = 0, 0 when A is exactly singular. Like NumPy it may overflow to infinity
     * or underflow to 0 for large n (a log-determinant avoids that).
     */
    public Scalar determinant() {
        if (info > 0) {
            return Scalar.ZERO;
        }
        int slots = dtype.slotsPerElement();
        double re = 1;
        double im = 0;
        for (int i = 0; i < n; i++) {
            int d = (i * n + i) * slots;
            if (slots == 1) {
                re *= get(d); // real arithmetic: an overflow gives ±inf, where inf·0 terms would give NaN
            } else {
                double ur = get(d);
                double ui = get(d + 1);
                double r = re * ur - im * ui;
                im = re * ui + im * ur;
                re = r;
            }
            if (pivots[i] != i + 1) {
                re = -re;
                im = -im;
            }
        }
        if (dtype.isSinglePrecision()) {
            return Scalar.of((float) re, (float) im);
        }
        return Scalar.of(re, im);
    }

    private double get(int slot) {
        return factors instanceof double[] d ? d[slot] : ((float[]) factors)[slot];
    }
}
