package org.fusemath.blas;

import org.fusemath.api.HostMatrix;

/** A small complex matrix in double precision for test references: values and magnitudes for error bounds. */
final class Dense {
    final int rows;
    final int cols;
    final double[] re;
    final double[] im;

    Dense(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.re = new double[rows * cols];
        this.im = new double[rows * cols];
    }

    interface Element {
        double[] at(int i, int j);
    }

    static Dense of(int rows, int cols, Element e) {
        Dense d = new Dense(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double[] v = e.at(i, j);
                d.re[i * cols + j] = v[0];
                d.im[i * cols + j] = v[1];
            }
        }
        return d;
    }

    /** op(M) of a HostMatrix (entry 0). */
    static Dense of(HostMatrix m, Op op) {
        int r = (int) op.rowsOf(m.shape().rows(), m.shape().cols());
        int c = (int) op.colsOf(m.shape().rows(), m.shape().cols());
        return of(r, c, (i, j) -> {
            int si = op == Op.NONE ? i : j;
            int sj = op == Op.NONE ? j : i;
            double im = Ref.im(m, 0, si, sj);
            return new double[] {Ref.re(m, 0, si, sj), op == Op.CONJUGATE_TRANSPOSE ? -im : im};
        });
    }

    /** A vector as a column. */
    static Dense of(HostVector v) {
        int s = v.dtype().slotsPerElement();
        return of(v.length(), 1, (i, j) -> {
            long at = ((long) v.offset() + (long) i * v.stride()) * s;
            return new double[] {Ref.get(v.array(), at), s == 2 ? Ref.get(v.array(), at + 1) : 0};
        });
    }

    double abs(int i, int j) {
        return Math.hypot(re[i * cols + j], im[i * cols + j]);
    }

    Dense times(Dense o) {
        return of(rows, o.cols, (i, j) -> {
            double sr = 0;
            double si = 0;
            for (int p = 0; p < cols; p++) {
                double ar = re[i * cols + p];
                double ai = im[i * cols + p];
                double br = o.re[p * o.cols + j];
                double bi = o.im[p * o.cols + j];
                sr += ar * br - ai * bi;
                si += ar * bi + ai * br;
            }
            return new double[] {sr, si};
        });
    }

    /** |this|·|o|, the magnitude a product's rounding error is bounded by. */
    Dense absTimes(Dense o) {
        return of(rows, o.cols, (i, j) -> {
            double s = 0;
            for (int p = 0; p < cols; p++) {
                s += abs(i, p) * o.abs(p, j);
            }
            return new double[] {s, 0};
        });
    }

    Dense scaled(Scalar a) {
        return of(rows, cols, (i, j) -> {
            double r = re[i * cols + j];
            double m = im[i * cols + j];
            return new double[] {a.re() * r - a.im() * m, a.re() * m + a.im() * r};
        });
    }

    Dense plus(Dense o) {
        return of(rows, cols, (i, j) -> new double[] {re[i * cols + j] + o.re[i * cols + j], im[i * cols + j] + o.im[i * cols + j]});
    }
}
