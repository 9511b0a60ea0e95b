package org.fusemath.blas.spi;

import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.verify.Bounds;

/**
 * A small matrix of complex doubles for the level 1–3 references: the routines' formulas evaluated
 * directly, and the magnitudes (|A|·|x|) their error bounds are built from. Vectors are columns. Immutable.
 */
final class DenseComplex {
    final int rows;
    final int cols;
    private final double[] re;
    private final double[] im;

    private DenseComplex(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.re = new double[rows * cols];
        this.im = new double[rows * cols];
    }

    /** The value at (i, j) as {re, im}. */
    interface Element {
        double[] at(int i, int j);
    }

    static DenseComplex of(int rows, int cols, Element e) {
        DenseComplex d = new DenseComplex(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double[] v = e.at(i, j);
                d.re[i * cols + j] = v[0];
                d.im[i * cols + j] = v[1];
            }
        }
        return d;
    }

    /** A 0-, 1- (as a column) or 2-D tensor. */
    static DenseComplex of(HostTensor t) {
        HostTensor c = t.toCOrder();
        int rows = c.rank() == 0 ? 1 : (int) c.dim(0);
        int cols = c.rank() == 2 ? (int) c.dim(1) : 1;
        int slots = c.dtype().slotsPerElement();
        Object data = c.array();
        return of(rows, cols, (i, j) -> {
            int at = (i * cols + j) * slots;
            return new double[] {slot(data, at), slots == 2 ? slot(data, at + 1) : 0};
        });
    }

    private static double slot(Object data, int at) {
        return data instanceof double[] d ? d[at] : ((float[]) data)[at];
    }

    double re(int i, int j) {
        return re[i * cols + j];
    }

    double im(int i, int j) {
        return im[i * cols + j];
    }

    double abs(int i, int j) {
        return Math.hypot(re(i, j), im(i, j));
    }

    /** op(this). */
    DenseComplex op(Op op) {
        if (op == Op.NONE) {
            return this;
        }
        double sign = op == Op.CONJUGATE_TRANSPOSE ? -1 : 1;
        return of(cols, rows, (i, j) -> new double[] {re(j, i), sign * im(j, i)});
    }

    DenseComplex times(DenseComplex o) {
        return of(rows, o.cols, (i, j) -> {
            double sr = 0;
            double si = 0;
            for (int p = 0; p < cols; p++) {
                sr += re(i, p) * o.re(p, j) - im(i, p) * o.im(p, j);
                si += re(i, p) * o.im(p, j) + im(i, p) * o.re(p, j);
            }
            return new double[] {sr, si};
        });
    }

    /** |this|·|o| elementwise magnitudes (in the real parts): the scale of a product's rounding error. */
    DenseComplex absTimes(DenseComplex o) {
        return of(rows, o.cols, (i, j) -> {
            double s = 0;
            for (int p = 0; p < cols; p++) {
                s += abs(i, p) * o.abs(p, j);
            }
            return new double[] {s, 0};
        });
    }

    DenseComplex scaled(Scalar s) {
        return of(rows, cols, (i, j) -> new double[] {s.re() * re(i, j) - s.im() * im(i, j),
            s.re() * im(i, j) + s.im() * re(i, j)});
    }

    DenseComplex plus(DenseComplex o) {
        return of(rows, cols, (i, j) -> new double[] {re(i, j) + o.re(i, j), im(i, j) + o.im(i, j)});
    }

    /** Magnitudes a·|this| + b·|o| (in the real parts). */
    DenseComplex magnitudes(double a, DenseComplex o, double b) {
        return of(rows, cols, (i, j) -> new double[] {a * abs(i, j) + (o == null ? 0 : b * o.abs(i, j)), 0});
    }

    /** This square matrix with the imaginary parts of its diagonal set to zero (as herk treats C). */
    DenseComplex withRealDiagonal() {
        return of(rows, cols, (i, j) -> new double[] {re(i, j), i == j ? 0 : im(i, j)});
    }

    /** The upper or lower triangle of this square matrix, with ones on the diagonal when {@code unit}. */
    DenseComplex triangle(boolean upper, boolean unit) {
        return of(rows, cols, (i, j) -> {
            if (i == j && unit) {
                return new double[] {1, 0};
            }
            return (upper ? j >= i : j <= i) ? new double[] {re(i, j), im(i, j)} : new double[] {0, 0};
        });
    }

    /** The symmetric matrix (Aᵀ = A, not Hermitian) whose stored triangle is this one's upper or lower. */
    DenseComplex symmetricFrom(boolean upper) {
        return of(rows, cols, (i, j) -> (upper ? j >= i : j <= i) ? new double[] {re(i, j), im(i, j)}
                : new double[] {re(j, i), im(j, i)});
    }

    /**
     * The worst |this − got| / bound over the elements selected by {@code include}; a zero bound demands
     * equality. NaN when got holds a NaN where this does not.
     */
    double worstRatio(DenseComplex got, DenseComplex bound, Include include) {
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!include.at(i, j)) {
                    continue;
                }
                double err = Math.hypot(re(i, j) - got.re(i, j), im(i, j) - got.im(i, j));
                double b = bound.re(i, j);
                double ratio = err == 0 ? 0 : b == 0 ? Double.POSITIVE_INFINITY : err / b;
                if (Double.isNaN(ratio)) {
                    return Double.NaN;
                }
                worst = Math.max(worst, ratio);
            }
        }
        return worst;
    }

    /** Which elements a comparison covers. */
    interface Include {
        boolean at(int i, int j);

        Include ALL = (i, j) -> true;
    }

    /** γ(n) = n·u / (1 − n·u), the factor of n rounding errors of unit roundoff u. */
    static double gamma(long n, DType t) {
        return Bounds.gamma(n, t);
    }

    /** The factor (4 for complex arithmetic) by which products and sums of this type exceed γ. */
    static double complexity(DType t) {
        return Bounds.dotConstant(t);
    }
}
