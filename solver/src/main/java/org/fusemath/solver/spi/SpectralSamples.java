package org.fusemath.solver.spi;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * Seeded test matrices for the SVD and eigen cases: uniform random, Hermitian (symmetric for real types), Hilbert
 * (condition number about e^{3.5n}), rank-deficient (a product of m×r and r×n factors) and Hermitian with repeated
 * eigenvalues (a Householder reflection Q applied to a diagonal of few distinct values, Q·D·Qᴴ). Stateless.
 */
public final class SpectralSamples {
    private SpectralSamples() {
    }

    /** A rows×cols matrix of zeros of t in layout. */
    public static HostMatrix zeros(DType t, int rows, int cols, Layout layout) {
        int slots = rows * cols * t.slotsPerElement();
        return HostMatrix.of(t, t.isSinglePrecision() ? new float[slots] : new double[slots],
                MatrixShape.dense(rows, cols, layout));
    }

    /** Sets element (i, j) (the imaginary part only for complex types). */
    static void put(HostMatrix m, int i, int j, double re, double im) {
        int at = (int) m.shape().indexOf(0, i, j) * m.dtype().slotsPerElement();
        boolean complex = m.dtype().isComplex();
        if (m.array() instanceof double[] d) {
            d[at] = re;
            if (complex) {
                d[at + 1] = im;
            }
        } else {
            float[] f = (float[]) m.array();
            f[at] = (float) re;
            if (complex) {
                f[at + 1] = (float) im;
            }
        }
    }

    /** Element (i, j)'s real ({@code part} 0) or imaginary (1) part. */
    static double get(HostMatrix m, long i, long j, int part) {
        int at = (int) m.shape().indexOf(0, i, j) * m.dtype().slotsPerElement() + part;
        return m.array() instanceof double[] d ? d[at] : ((float[]) m.array())[at];
    }

    /** Entries uniform in [-1, 1] (both parts for complex types). */
    public static HostMatrix random(DType t, int rows, int cols, Layout layout, long seed) {
        return random(t, rows, cols, layout, new SplittableRandom(seed));
    }

    /** {@link #random(DType, int, int, Layout, long)} drawing from {@code r}, row by row. */
    static HostMatrix random(DType t, int rows, int cols, Layout layout, SplittableRandom r) {
        HostMatrix m = zeros(t, rows, cols, layout);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                put(m, i, j, 2 * r.nextDouble() - 1, t.isComplex() ? 2 * r.nextDouble() - 1 : 0);
            }
        }
        return m;
    }

    /** A random Hermitian matrix (real diagonal, A(j, i) = conj(A(i, j))), both triangles stored. */
    public static HostMatrix hermitian(DType t, int n, Layout layout, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HostMatrix m = zeros(t, n, n, layout);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double re = 2 * r.nextDouble() - 1;
                double im = t.isComplex() && i != j ? 2 * r.nextDouble() - 1 : 0;
                put(m, i, j, re, im);
                put(m, j, i, re, -im);
            }
        }
        return m;
    }

    /** A random Hermitian matrix + 2n·I: positive definite (Gershgorin: the entries are at most 1 in modulus). */
    public static HostMatrix positiveDefinite(DType t, int n, Layout layout, long seed) {
        HostMatrix spd = hermitian(t, n, layout, seed);
        int slots = t.slotsPerElement();
        for (int i = 0; i < n; i++) {
            int at = (i * n + i) * slots;
            if (spd.array() instanceof double[] d) {
                d[at] += 2 * n;
            } else {
                ((float[]) spd.array())[at] += 2 * n;
            }
        }
        return spd;
    }

    /** The Hilbert matrix H(i, j) = 1 / (i + j + 1) (symmetric, positive definite, very ill-conditioned). */
    public static HostMatrix hilbert(DType t, int n, Layout layout) {
        HostMatrix m = zeros(t, n, n, layout);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                put(m, i, j, 1.0 / (i + j + 1), 0);
            }
        }
        return m;
    }

    /** X·Y for random X (m×rank) and Y (rank×n), computed in double: rank {@code rank} up to rounding to t. */
    public static HostMatrix rankDeficient(DType t, int m, int n, int rank, Layout layout, long seed) {
        DType wide = t.isComplex() ? DType.C128 : DType.F64;
        SpectralMetrics.Complex x = SpectralMetrics.read(random(wide, m, rank, Layout.ROW_MAJOR, seed));
        SpectralMetrics.Complex y = SpectralMetrics.read(random(wide, rank, n, Layout.ROW_MAJOR, seed + 1));
        SpectralMetrics.Complex p = SpectralMetrics.multiply(x, false, y);
        HostMatrix a = zeros(t, m, n, layout);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                put(a, i, j, p.re()[i * n + j], t.isComplex() ? p.im()[i * n + j] : 0);
            }
        }
        return a;
    }

    /**
     * Q·D·Qᴴ with Q = I − 2·v·vᴴ/(vᴴ·v) for a random v and D = diag(1, …, 1, 2, …, 2) (the first half 1): a Hermitian
     * matrix whose two eigenvalues each have multiplicity about n/2.
     */
    public static HostMatrix repeatedEigenvalues(DType t, int n, Layout layout, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] vr = new double[n];
        double[] vi = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            vr[i] = 2 * r.nextDouble() - 1;
            vi[i] = t.isComplex() ? 2 * r.nextDouble() - 1 : 0;
            norm += vr[i] * vr[i] + vi[i] * vi[i];
        }
        HostMatrix a = zeros(t, n, n, layout);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int p = 0; p < n; p++) {
                    double d = p < n / 2 ? 1 : 2;
                    // Q(i, p) = δ − 2·v_i·conj(v_p)/‖v‖², conj(Q(j, p)) likewise.
                    double qr = (i == p ? 1 : 0) - 2 * (vr[i] * vr[p] + vi[i] * vi[p]) / norm;
                    double qi = -2 * (vi[i] * vr[p] - vr[i] * vi[p]) / norm;
                    double cr = (j == p ? 1 : 0) - 2 * (vr[j] * vr[p] + vi[j] * vi[p]) / norm;
                    double ci = 2 * (vi[j] * vr[p] - vr[j] * vi[p]) / norm;
                    sr += d * (qr * cr - qi * ci);
                    si += d * (qr * ci + qi * cr);
                }
                put(a, i, j, sr, i == j ? 0 : si);
            }
        }
        return a;
    }
}
