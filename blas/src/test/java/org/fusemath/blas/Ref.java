package org.fusemath.blas;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;

/**
 * Test references: random operands, element access over any {@link MatrixShape}, and a naive GEMM in double
 * precision that also returns each element's forward error bound γ·(|α|·(|op(A)|·|op(B)|) + |β|·|C|).
 */
public final class Ref {
    private Ref() {
    }

    /** A float[] or double[] of {@code slots} uniform values in [-1, 1). */
    public static Object random(DType t, int slots, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        if (t.isSinglePrecision()) {
            float[] f = new float[slots];
            for (int i = 0; i < slots; i++) {
                f[i] = (float) (2 * r.nextDouble() - 1);
            }
            return f;
        }
        double[] d = new double[slots];
        for (int i = 0; i < slots; i++) {
            d[i] = 2 * r.nextDouble() - 1;
        }
        return d;
    }

    /** A random matrix of the shape (its array just long enough, gaps and offset filled too). */
    public static HostMatrix random(DType t, MatrixShape s, long seed) {
        int slots = (int) (s.requiredElements() * t.slotsPerElement());
        return HostMatrix.of(t, random(t, slots, seed), s);
    }

    /** Slot {@code i} as a double. */
    public static double get(Object array, long i) {
        return array instanceof double[] d ? d[(int) i] : ((float[]) array)[(int) i];
    }

    /** Sets slot {@code i}. */
    public static void set(Object array, long i, double v) {
        if (array instanceof double[] d) {
            d[(int) i] = v;
        } else {
            ((float[]) array)[(int) i] = (float) v;
        }
    }

    /** A copy of a float[] / double[]. */
    public static Object copy(Object array) {
        return array instanceof double[] d ? d.clone() : ((float[]) array).clone();
    }

    /** Real part of element (b, i, j). */
    public static double re(HostMatrix m, long b, long i, long j) {
        return get(m.array(), m.shape().indexOf(b, i, j) * m.dtype().slotsPerElement());
    }

    /** Imaginary part of element (b, i, j) (0 for real types). */
    public static double im(HostMatrix m, long b, long i, long j) {
        return m.dtype().isComplex() ? get(m.array(), m.shape().indexOf(b, i, j) * 2 + 1) : 0;
    }

    /** γ_n = n·u / (1 − n·u). */
    public static double gamma(long n, double u) {
        return n * u / (1 - n * u);
    }

    /** The expected result and per-element bound of a GEMM entry: row-major m×n arrays of (re, im, bound). */
    public record Expected(int m, int n, double[] re, double[] im, double[] bound) {
        /** Checks {@code actual} against this, returning the worst error / bound ratio (≤ 1 passes). */
        public double worstRatio(HostMatrix actual, long b) {
            double worst = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int e = i * n + j;
                    double dr = Ref.re(actual, b, i, j) - re[e];
                    double di = Ref.im(actual, b, i, j) - im[e];
                    double err = Math.hypot(dr, di);
                    if (Double.isNaN(err) && !(Double.isNaN(re[e]) || Double.isNaN(im[e]))) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double ratio = bound[e] == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / bound[e];
                    worst = Math.max(worst, ratio);
                }
            }
            return worst;
        }
    }

    /**
     * alpha·op(A)·op(B) + beta·C for batch entry {@code b} of each operand (entry 0 where the operand has a
     * batch of one), computed in double with the GEMM bound c·γ_{k+2}·(|α|·|A||B| + |β|·|C|), c = 2 for real
     * and 4 for complex types (the rounding of the reference and of complex products), plus u·|result|.
     */
    public static Expected gemm(Op opA, Op opB, Scalar alpha, HostMatrix a, long ba, HostMatrix bm, long bb,
                                Scalar beta, HostMatrix c, long bc) {
        DType t = c.dtype();
        MatrixShape sa = a.shape();
        int m = (int) opA.rowsOf(sa.rows(), sa.cols());
        int k = (int) opA.colsOf(sa.rows(), sa.cols());
        int n = (int) opB.colsOf(bm.shape().rows(), bm.shape().cols());
        double[] re = new double[m * n];
        double[] im = new double[m * n];
        double[] bound = new double[m * n];
        double u = t.unitRoundoff();
        double g = (t.isComplex() ? 4 : 2) * gamma(k + 2, u);
        double absAlpha = Math.hypot(alpha.re(), alpha.im());
        double absBeta = Math.hypot(beta.re(), beta.im());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    double ar = opA == Op.NONE ? re(a, ba, i, p) : re(a, ba, p, i);
                    double ai = opA == Op.NONE ? im(a, ba, i, p) : im(a, ba, p, i);
                    if (opA == Op.CONJUGATE_TRANSPOSE) {
                        ai = -ai;
                    }
                    double br = opB == Op.NONE ? re(bm, bb, p, j) : re(bm, bb, j, p);
                    double bi = opB == Op.NONE ? im(bm, bb, p, j) : im(bm, bb, j, p);
                    if (opB == Op.CONJUGATE_TRANSPOSE) {
                        bi = -bi;
                    }
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                    mag += Math.hypot(ar, ai) * Math.hypot(br, bi);
                }
                double rr = alpha.re() * sr - alpha.im() * si;
                double ri = alpha.re() * si + alpha.im() * sr;
                double cmag = 0;
                if (!beta.isZero()) {
                    double cr = re(c, bc, i, j);
                    double ci = im(c, bc, i, j);
                    rr += beta.re() * cr - beta.im() * ci;
                    ri += beta.re() * ci + beta.im() * cr;
                    cmag = Math.hypot(cr, ci);
                }
                int e = i * n + j;
                re[e] = rr;
                im[e] = ri;
                bound[e] = g * (absAlpha * mag + absBeta * cmag) + u * Math.hypot(rr, ri) + Double.MIN_NORMAL;
            }
        }
        return new Expected(m, n, re, im, bound);
    }

    /** Every slot outside the matrix's elements (offset prefix, ld padding) keeps its value. */
    public static void assertGapsUnchanged(HostMatrix c, Object before) {
        DType t = c.dtype();
        int slots = java.lang.reflect.Array.getLength(before);
        boolean[] inside = new boolean[slots];
        MatrixShape s = c.shape();
        for (long b = 0; b < s.batch(); b++) {
            for (long i = 0; i < s.rows(); i++) {
                for (long j = 0; j < s.cols(); j++) {
                    for (int p = 0; p < t.slotsPerElement(); p++) {
                        inside[(int) (s.indexOf(b, i, j) * t.slotsPerElement() + p)] = true;
                    }
                }
            }
        }
        for (int i = 0; i < slots; i++) {
            if (!inside[i]) {
                org.junit.jupiter.api.Assertions.assertEquals(get(before, i), get(c.array(), i), "slot " + i + " outside the matrix changed");
            }
        }
    }

}
