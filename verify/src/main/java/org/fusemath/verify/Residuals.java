package org.fusemath.verify;

import org.fusemath.api.DType;

/** The complex-aware dense arithmetic the residual checks need, in double precision. Stateless. */
final class Residuals {
    private Residuals() {
    }

    static Dense times(Dense a, Dense b) {
        Dense c = new Dense(a.dtype.isComplex() || b.dtype.isComplex() ? DType.C128 : DType.F64, a.rows, b.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int p = 0; p < a.cols; p++) {
                double ar = a.re(i, p);
                double ai = a.im(i, p);
                for (int j = 0; j < b.cols; j++) {
                    double br = b.re(p, j);
                    double bi = b.im(p, j);
                    c.re[i * c.cols + j] += ar * br - ai * bi;
                    if (c.im != null) {
                        c.im[i * c.cols + j] += ar * bi + ai * br;
                    }
                }
            }
        }
        return c;
    }

    static Dense minus(Dense a, Dense b) {
        Dense c = new Dense(a.dtype.isComplex() || b.dtype.isComplex() ? DType.C128 : DType.F64, a.rows, a.cols);
        for (int e = 0; e < c.size(); e++) {
            c.re[e] = a.re[e] - b.re[e];
            if (c.im != null) {
                c.im[e] = (a.im == null ? 0 : a.im[e]) - (b.im == null ? 0 : b.im[e]);
            }
        }
        return c;
    }

    /** Column j of v times s[j]. */
    static Dense scaleColumns(Dense v, double[] s) {
        Dense c = new Dense(v.dtype, v.rows, v.cols);
        for (int e = 0; e < c.size(); e++) {
            c.re[e] = v.re[e] * s[e % v.cols];
            if (c.im != null) {
                c.im[e] = v.im[e] * s[e % v.cols];
            }
        }
        return c;
    }

    static Dense adjoint(Dense v) {
        Dense c = new Dense(v.dtype, v.cols, v.rows);
        for (int i = 0; i < v.rows; i++) {
            for (int j = 0; j < v.cols; j++) {
                c.re[j * c.cols + i] = v.re(i, j);
                if (c.im != null) {
                    c.im[j * c.cols + i] = -v.im(i, j);
                }
            }
        }
        return c;
    }

    static Dense identity(DType dtype, int n) {
        Dense c = new Dense(dtype, n, n);
        for (int i = 0; i < n; i++) {
            c.re[i * n + i] = 1;
        }
        return c;
    }

    /** ‖M‖∞, the largest row sum of moduli. */
    static double infNorm(Dense m) {
        double worst = 0;
        for (int i = 0; i < m.rows; i++) {
            double row = 0;
            for (int j = 0; j < m.cols; j++) {
                row += m.abs(i * m.cols + j);
            }
            worst = Math.max(worst, Double.isNaN(row) ? Double.POSITIVE_INFINITY : row);
        }
        return worst;
    }

    static double frobenius(Dense m) {
        double s = 0;
        for (int e = 0; e < m.size(); e++) {
            s += m.abs(e) * m.abs(e);
        }
        return Math.sqrt(s);
    }
}
