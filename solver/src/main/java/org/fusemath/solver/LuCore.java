package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.host.Trans;
import org.fusemath.solver.host.LapackLu;

/**
 * The state and arithmetic that {@link LuFactorization} (immutable, one matrix) and {@link LuSolver} (stateful,
 * refactored in place) share: getrf's factors of one n×n A kept in A's storage order, the pivots, LAPACK's info and
 * ‖A‖₁ for the condition estimate.
 *
 * <p>Read column-major as LAPACK reads it, the factor array holds F = A (a column-major A) or F = Aᵀ (row-major).
 * Every operation maps op(A) onto op'(F): op(A) = A is Fᵀ for a row-major A, Aᵀ is F, and Aᴴ is conj(F), solved as
 * F·conj(X) = conj(B) (two O(n·k) passes instead of an O(n²) transposition). Not thread-safe by itself.
 */
final class LuCore {
    final DType dtype;
    final int n;
    /** Where getrf and getrs run (the host's LAPACK or cuSOLVER); the condition estimate always runs on the host. */
    final DenseKernels kernels;
    final Layout layout;
    /** n×n without gaps, column-major reading F; may be longer than n² (a reused scratch array). */
    final Object factors;
    final int[] pivots;
    int info;
    /** ‖A‖₁ of the A last factored, NaN when not computed (or when A holds NaN). */
    double norm1 = Double.NaN;
    boolean normKnown;

    /** Elements between consecutive diagonal entries of {@link #factors}: n + 1, or 1 for a diagonal alone. */
    private final int diagonalStride;

    LuCore(DenseKernels kernels, DType dtype, int n, Layout layout, Object factors, int[] pivots) {
        this(kernels, dtype, n, layout, factors, pivots, n + 1);
    }

    private LuCore(DenseKernels kernels, DType dtype, int n, Layout layout, Object factors, int[] pivots,
                   int diagonalStride) {
        this.kernels = kernels;
        this.dtype = dtype;
        this.n = n;
        this.layout = layout;
        this.factors = factors;
        this.pivots = pivots;
        this.diagonalStride = diagonalStride;
    }

    /**
     * The determinant arithmetic of factors kept elsewhere (on a device): U's {@code diagonal} (n elements), the
     * pivots and getrf's info; only {@link #determinant()} and {@link #logDeterminant()} may be called.
     */
    static LuCore ofDiagonal(DType dtype, Object diagonal, int[] pivots, int info) {
        LuCore core = new LuCore(null, dtype, pivots.length, Layout.COLUMN_MAJOR, diagonal, pivots, 1);
        core.info = info;
        return core;
    }

    /** Copies {@code a} (same type, order and layout as this core) into the factors and factors it. */
    void factor(int threads, HostMatrix a, boolean withNorm) {
        Dense.copyInto(a, layout, factors);
        normKnown = withNorm;
        if (withNorm) {
            // ‖A‖₁ is F's 1-norm for a column-major A and F's infinity norm for a row-major one (F = Aᵀ).
            norm1 = Dense.norm(dtype, factors, n, n, layout == Layout.COLUMN_MAJOR);
        }
        info = n == 0 ? 0 : kernels.getrf(dtype, n, factors, pivots);
    }

    void requireNonsingular() {
        if (info > 0) {
            throw new SingularMatrixException(info);
        }
    }

    /** Checks a right-hand side against A; returns its column count. */
    int requireRhs(HostMatrix b) {
        return Operands.requireRhs(dtype, n, n + "x" + n, b);
    }

    /** Overwrites the column-major n×k {@code x} (holding B) with X solving op(A)·X = B. */
    void solveInPlace(int threads, Op op, Object x, int k) {
        Arguments.requireNonNull(op, "op");
        requireNonsingular();
        if (n == 0 || k == 0) {
            return;
        }
        Op stored = op;
        if (layout == Layout.ROW_MAJOR) {
            stored = switch (op) {
                case NONE -> Op.TRANSPOSE;
                case TRANSPOSE -> Op.NONE;
                case CONJUGATE_TRANSPOSE -> Op.NONE;
            };
        }
        boolean conj = layout == Layout.ROW_MAJOR && op == Op.CONJUGATE_TRANSPOSE && dtype.isComplex();
        if (conj) {
            Dense.conjugate(dtype, x, (long) n * k);
        }
        kernels.getrs(dtype, Trans.of(stored), n, k, factors, pivots, x);
        if (conj) {
            Dense.conjugate(dtype, x, (long) n * k);
        }
    }

    /** X = op(A)⁻¹·B in a fresh array, dense in B's storage order. */
    HostMatrix solve(int threads, Op op, HostMatrix b) {
        int k = requireRhs(b);
        requireNonsingular();
        Object x = Dense.copy(b, Layout.COLUMN_MAJOR);
        solveInPlace(threads, op, x, k);
        HostMatrix columns = HostMatrix.of(dtype, x, MatrixShape.columnMajor(n, k));
        if (b.shape().layout() == Layout.COLUMN_MAJOR) {
            return columns;
        }
        return HostMatrix.of(dtype, k == 1 ? x : Dense.copy(columns, Layout.ROW_MAJOR), MatrixShape.rowMajor(n, k));
    }

    /** A⁻¹, dense in A's storage order. */
    HostMatrix inverse(int threads) {
        requireNonsingular();
        Object x = Dense.identity(dtype, n);
        if (n > 0) {
            // F⁻¹ read in A's order is A⁻¹ both ways: (Aᵀ)⁻¹ read row-major is ((Aᵀ)⁻¹)ᵀ = A⁻¹.
            kernels.getrs(dtype, Trans.N, n, n, factors, pivots, x);
        }
        return HostMatrix.of(dtype, x, MatrixShape.dense(n, n, layout));
    }

    /** det(A) = ±Π U(i, i) multiplied in double precision and rounded to the type; 1 for n = 0, 0 if singular. */
    Scalar determinant() {
        if (info > 0) {
            return Scalar.ZERO;
        }
        int slots = dtype.slotsPerElement();
        double re = 1;
        double im = 0;
        for (int i = 0; i < n; i++) {
            int d = i * diagonalStride * slots;
            if (slots == 1) {
                re *= Dense.get(factors, d); // real arithmetic: an overflow gives ±inf, where inf·0 terms would give NaN
            } else {
                double ur = Dense.get(factors, d);
                double ui = Dense.get(factors, d + 1);
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

    /**
     * (sign, log|det A|) as numpy.linalg.slogdet: the sum of log|U(i, i)| in double precision, the sign the product
     * of the pivots' phases U(i, i)/|U(i, i)| and of the row interchanges; (0, −∞) when singular, (1, 0) for n = 0.
     */
    SignLogDet logDeterminant() {
        if (info > 0) {
            return new SignLogDet(Scalar.ZERO, Double.NEGATIVE_INFINITY);
        }
        int slots = dtype.slotsPerElement();
        double log = 0;
        double sr = 1;
        double si = 0;
        for (int i = 0; i < n; i++) {
            int d = i * diagonalStride * slots;
            double ur = Dense.get(factors, d);
            double ui = slots == 2 ? Dense.get(factors, d + 1) : 0;
            double m = slots == 2 ? Math.hypot(ur, ui) : Math.abs(ur);
            log += Math.log(m);
            // Multiply the running phase by U(i, i)/|U(i, i)| (NaN stays NaN).
            double pr = ur / m;
            double pi = ui / m;
            double r = sr * pr - si * pi;
            si = sr * pi + si * pr;
            sr = r;
            if (pivots[i] != i + 1) {
                sr = -sr;
                si = -si;
            }
        }
        if (slots == 2) {
            // Renormalise the accumulated phase: n unit-modulus products drift by O(n·u).
            double m = Math.hypot(sr, si);
            sr /= m;
            si /= m;
        }
        if (dtype.isSinglePrecision()) {
            return new SignLogDet(Scalar.of((float) sr, (float) si), (float) log);
        }
        return new SignLogDet(Scalar.of(sr, si), log);
    }

    /**
     * LAPACK gecon's estimate of 1/κ₁(A) = 1/(‖A‖₁·‖A⁻¹‖₁): 0 for a singular A, NaN when A holds NaN, 0 when
     * ‖A‖₁ is infinite, +∞ for n = 0.
     */
    double reciprocalCondition(int threads) {
        if (!normKnown) {
            throw new IllegalStateException("the norm of A was not recorded for this factorisation");
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (info > 0 || Double.isInfinite(norm1)) {
            return 0;
        }
        if (Double.isNaN(norm1)) {
            return Double.NaN;
        }
        if (norm1 == 0) {
            return 0;
        }
        // κ₁(A) = κ∞(Aᵀ): a row-major A's factors are those of F = Aᵀ, so ask for F's infinity-norm estimate.
        return LapackLu.reciprocalCondition(threads, dtype, layout == Layout.ROW_MAJOR, n, factors, norm1);
    }
}
