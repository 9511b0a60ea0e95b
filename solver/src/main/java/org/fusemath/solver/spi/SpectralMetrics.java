package org.fusemath.solver.spi;

import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.Eigen;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.Svd;

/**
 * Error measures of SVD, eigen, Cholesky, QR and least-squares results, computed in double precision from the
 * stored values, each scaled by the unit roundoff u of the result's type so that a backward-stable algorithm scores
 * O(1): reconstruction ‖A − U·Σ·Vᴴ‖_F / (‖A‖_F·max(m, n)·u), orthogonality ‖QᴴQ − I‖_F / (n·u), eigen residuals
 * max_j ‖A·v_j − λ_j·v_j‖₂ / (‖A‖_F·‖v_j‖₂·n·u), and the validation suites' combined measures of each
 * decomposition. Stateless and thread-safe.
 */
public final class SpectralMetrics {
    private SpectralMetrics() {
    }

    /** A matrix of complex doubles, row-major: re[i·cols + j], im[i·cols + j]. */
    record Complex(int rows, int cols, double[] re, double[] im) {
        static Complex zeros(int rows, int cols) {
            return new Complex(rows, cols, new double[rows * cols], new double[rows * cols]);
        }

        double frobenius() {
            double s = 0;
            for (int i = 0; i < re.length; i++) {
                s += re[i] * re[i] + im[i] * im[i];
            }
            return Math.sqrt(s);
        }
    }

    static Complex read(HostMatrix m) {
        MatrixShape s = m.shape();
        int rows = (int) s.rows();
        int cols = (int) s.cols();
        Complex c = Complex.zeros(rows, cols);
        boolean complex = m.dtype().isComplex();
        int slots = m.dtype().slotsPerElement();
        Object a = m.array();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = (int) s.indexOf(0, i, j) * slots;
                c.re[i * cols + j] = value(a, at);
                c.im[i * cols + j] = complex ? value(a, at + 1) : 0;
            }
        }
        return c;
    }

    /** The full Hermitian matrix that LAPACK reads from the {@code uplo} triangle of {@code a}. */
    static Complex hermitian(HostMatrix a, Uplo uplo) {
        Complex c = read(a);
        int n = c.rows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean stored = uplo == Uplo.LOWER ? i >= j : i <= j;
                if (!stored) {
                    c.re[i * n + j] = c.re[j * n + i];
                    c.im[i * n + j] = -c.im[j * n + i];
                } else if (i == j) {
                    c.im[i * n + j] = 0;
                }
            }
        }
        return c;
    }

    private static double value(Object array, int at) {
        return array instanceof double[] d ? d[at] : ((float[]) array)[at];
    }

    /** c = x·y (conjugating x first when {@code adjoint}). */
    static Complex multiply(Complex x, boolean adjoint, Complex y) {
        int rows = adjoint ? x.cols : x.rows;
        int inner = adjoint ? x.rows : x.cols;
        Complex c = Complex.zeros(rows, y.cols);
        for (int i = 0; i < rows; i++) {
            for (int p = 0; p < inner; p++) {
                int xi = adjoint ? p * x.cols + i : i * x.cols + p;
                double xr = x.re[xi];
                double xm = adjoint ? -x.im[xi] : x.im[xi];
                for (int j = 0; j < y.cols; j++) {
                    double yr = y.re[p * y.cols + j];
                    double ym = y.im[p * y.cols + j];
                    c.re[i * y.cols + j] += xr * yr - xm * ym;
                    c.im[i * y.cols + j] += xr * ym + xm * yr;
                }
            }
        }
        return c;
    }

    /** ‖A − U·Σ·Vᴴ‖_F / (‖A‖_F·max(m, n)·u) over the k = min(m, n) leading pairs (0 for a zero A with zero Σ). */
    public static double reconstruction(HostMatrix a, Svd svd) {
        return reconstruction(a, svd.u(), svd.s(), svd.vh());
    }

    /** {@link #reconstruction(HostMatrix, Svd)} of the parts U, Σ (k×1) and Vᴴ, whatever computed them. */
    static double reconstruction(HostMatrix a, HostMatrix uPart, HostMatrix sPart, HostMatrix vhPart) {
        Complex ac = read(a);
        Complex u = read(uPart);
        Complex s = read(sPart);
        Complex vh = read(vhPart);
        int k = Math.min(ac.rows, ac.cols);
        Complex us = Complex.zeros(ac.rows, k);
        for (int i = 0; i < ac.rows; i++) {
            for (int j = 0; j < k; j++) {
                us.re[i * k + j] = u.re[i * u.cols + j] * s.re[j];
                us.im[i * k + j] = u.im[i * u.cols + j] * s.re[j];
            }
        }
        Complex leading = Complex.zeros(k, ac.cols);
        System.arraycopy(vh.re, 0, leading.re, 0, k * ac.cols);
        System.arraycopy(vh.im, 0, leading.im, 0, k * ac.cols);
        Complex r = multiply(us, false, leading);
        for (int i = 0; i < r.re.length; i++) {
            r.re[i] -= ac.re[i];
            r.im[i] -= ac.im[i];
        }
        return scaled(r.frobenius(), ac.frobenius() * Math.max(ac.rows, ac.cols) * a.dtype().unitRoundoff());
    }

    /** The SVD's worst of its reconstruction and the orthogonality of U's columns and Vᴴ's rows. */
    static double svd(HostMatrix a, Svd svd) {
        return svd(a, svd.u(), svd.s(), svd.vh());
    }

    /** {@link #svd(HostMatrix, Svd)} of the parts U, Σ (k×1) and Vᴴ, whatever computed them. */
    static double svd(HostMatrix a, HostMatrix u, HostMatrix s, HostMatrix vh) {
        return Math.max(reconstruction(a, u, s, vh), Math.max(orthogonality(u, false), orthogonality(vh, true)));
    }

    /** ‖A − Uᴴ·U‖_F / (‖A‖_F·n·u) for the upper Cholesky factor U of A. */
    static double cholesky(HostMatrix a, HostMatrix upper) {
        Complex u = read(upper);
        return difference(multiply(u, true, u), read(a), a.shape().cols(), a.dtype().unitRoundoff());
    }

    /** max(‖A − Q·R‖_F / (‖A‖_F·m·u), ‖QᴴQ − I‖_F / (n·u)) for the thin Q and reduced R of A. */
    static double qr(HostMatrix a, HostMatrix q, HostMatrix r) {
        Complex product = multiply(read(q), false, read(r));
        double reconstruction = difference(product, read(a), a.shape().rows(), a.dtype().unitRoundoff());
        return Math.max(reconstruction, orthogonality(q, false));
    }

    /** ‖x − target‖_F / (‖target‖_F·order·u). */
    private static double difference(Complex x, Complex target, long order, double u) {
        double diff = 0;
        for (int i = 0; i < x.re.length; i++) {
            diff += Math.pow(x.re[i] - target.re[i], 2) + Math.pow(x.im[i] - target.im[i], 2);
        }
        return Math.sqrt(diff) / (target.frobenius() * order * u);
    }

    /**
     * ‖Aᴴ(A·X − B)‖_F / (‖A‖_F·(‖A‖_F·‖X‖_F + ‖B‖_F)·m·u): the least-squares backward error the normal equations
     * show.
     */
    static double normalEquations(HostMatrix a, HostMatrix x, HostMatrix b) {
        long m = a.shape().rows();
        Complex ac = read(a);
        Complex xc = read(x);
        Complex bc = read(b);
        Complex r = multiply(ac, false, xc);
        for (int i = 0; i < r.re.length; i++) {
            r.re[i] -= bc.re[i];
            r.im[i] -= bc.im[i];
        }
        double normal = multiply(ac, true, r).frobenius();
        double fa = ac.frobenius();
        double scale = fa * (fa * xc.frobenius() + bc.frobenius()) * m * a.dtype().unitRoundoff();
        return normal / scale;
    }

    /** ‖QᴴQ − I‖_F / (c·u) for the columns of Q (or, when {@code rows}, ‖Q·Qᴴ − I‖_F over its rows). */
    public static double orthogonality(HostMatrix q, boolean rows) {
        Complex c = read(q);
        Complex g = rows ? multiply(c, false, adjointOf(c)) : multiply(c, true, c);
        for (int i = 0; i < g.rows; i++) {
            g.re[i * g.cols + i] -= 1;
        }
        return scaled(g.frobenius(), Math.max(1, g.rows) * q.dtype().unitRoundoff());
    }

    private static Complex adjointOf(Complex c) {
        Complex t = Complex.zeros(c.cols, c.rows);
        for (int i = 0; i < c.rows; i++) {
            for (int j = 0; j < c.cols; j++) {
                t.re[j * c.rows + i] = c.re[i * c.cols + j];
                t.im[j * c.rows + i] = -c.im[i * c.cols + j];
            }
        }
        return t;
    }

    /** max_j ‖A·v_j − λ_j·v_j‖₂ / (‖A‖_F·‖v_j‖₂·n·u) for the Hermitian A read from its {@code uplo} triangle. */
    public static double residual(HostMatrix a, Uplo uplo, HermitianEigen e) {
        return residual(a, uplo, e.values(), e.vectors());
    }

    /** max_j ‖A·v_j − λ_j·v_j‖₂ / (‖A‖_F·‖v_j‖₂·n·u) for a general A. */
    public static double residual(HostMatrix a, Eigen e) {
        return residual(a, null, e.values(), e.vectors());
    }

    /** The residual of eigenvalues (n×1) and vectors (n×n) of A (Hermitian from {@code uplo}, or general when null). */
    static double residual(HostMatrix a, Uplo uplo, HostMatrix values, HostMatrix vectors) {
        return residual(uplo == null ? read(a) : hermitian(a, uplo), read(values), read(vectors), a.dtype().unitRoundoff());
    }

    private static double residual(Complex a, Complex w, Complex v, double u) {
        int n = a.rows;
        Complex av = multiply(a, false, v);
        double worst = 0;
        for (int j = 0; j < n; j++) {
            double r = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double vr = v.re[i * n + j];
                double vi = v.im[i * n + j];
                double dr = av.re[i * n + j] - (w.re[j] * vr - w.im[j] * vi);
                double di = av.im[i * n + j] - (w.re[j] * vi + w.im[j] * vr);
                r += dr * dr + di * di;
                norm += vr * vr + vi * vi;
            }
            worst = Math.max(worst, scaled(Math.sqrt(r), a.frobenius() * Math.sqrt(norm) * n * u));
        }
        return worst;
    }

    /**
     * Order-free checks of eigenvalues computed without vectors: max(|Σλ − tr A| / (n^{3/2}·u·‖A‖_F),
     * |Σλ² − tr A²| / (2·n·u·‖A‖_F²)) for the n×n {@code a} (the Hermitian matrix LAPACK reads from {@code uplo},
     * or all of A when null) and its n×1 {@code values}. A backward-stable solver returns the exact eigenvalues of
     * A + E with ‖E‖_F ≤ c·n·u·‖A‖_F, so |Σλ − tr A| = |tr E| ≤ √n·‖E‖_F and |Σλ² − tr A²| = |2·tr(A·E) + tr E²|
     * ≤ 2·‖A‖_F·‖E‖_F + ‖E‖_F²: both scores are then at most about c.
     */
    public static double eigenvalueSums(HostMatrix a, Uplo uplo, HostMatrix values) {
        Complex m = uplo == null ? read(a) : hermitian(a, uplo);
        Complex w = read(values);
        int n = m.rows;
        double s1r = 0;
        double s1i = 0;
        double s2r = 0;
        double s2i = 0;
        for (int j = 0; j < n; j++) {
            double re = w.re[j];
            double im = w.im[j];
            s1r += re;
            s1i += im;
            s2r += re * re - im * im;
            s2i += 2 * re * im;
        }
        double tr = 0;
        double ti = 0;
        double t2r = 0;
        double t2i = 0;
        for (int i = 0; i < n; i++) {
            tr += m.re[i * n + i];
            ti += m.im[i * n + i];
            for (int p = 0; p < n; p++) { // (A²)_ii = Σ_p A_ip·A_pi
                double xr = m.re[i * n + p];
                double xi = m.im[i * n + p];
                double yr = m.re[p * n + i];
                double yi = m.im[p * n + i];
                t2r += xr * yr - xi * yi;
                t2i += xr * yi + xi * yr;
            }
        }
        double u = values.dtype().unitRoundoff();
        double f = m.frobenius();
        double first = scaled(Math.hypot(s1r - tr, s1i - ti), Math.pow(n, 1.5) * u * f);
        double second = scaled(Math.hypot(s2r - t2r, s2i - t2i), 2.0 * n * u * f * f);
        return Math.max(first, second);
    }

    private static double scaled(double error, double scale) {
        return scale == 0 ? error : error / scale;
    }
}
