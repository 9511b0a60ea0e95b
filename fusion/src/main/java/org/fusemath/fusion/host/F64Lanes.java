package org.fusemath.fusion.host;

/**
 * Double transcendentals over chunks of at most {@link #CHUNK} elements, the double counterpart of
 * {@link F32Lanes} (same stages and exact 0/1 selects; longer polynomials, and 2^k built from 64-bit patterns).
 *
 * <p>Accuracy (max error in ulps of the exact result, measured against BigDecimal references over dense
 * samples, subnormals, ±0, ±∞ and NaN included; tests assert the bounds): see each method and {@link VectorMath}.
 * Outputs may alias inputs. Not thread-safe: an instance owns its scratch arrays, so each thread uses its own.
 */
public final class F64Lanes {
    /** The most elements one call takes. */
    public static final int CHUNK = 512;

    private static final double SHIFT = 0x1.8p52;               // adding it rounds |v| < 2^51 to an integer
    private static final long SHIFT_BITS = 0x4338000000000000L; // Double.doubleToRawLongBits(SHIFT)
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42fee00000: k * LN2_HI is exact
    private static final double LN2_LO = 1.90821492927058770002e-10; // ln 2 - LN2_HI
    private static final double EXP_MIN = -746;                  // below: e^x < MIN_VALUE / 2, rounds to 0
    private static final double EXP_MAX = 710;                   // above: e^x > MAX_VALUE, rounds to +inf
    private static final double STEP = 0x1p1000;                // times 0x1p74: maps every positive double to >= 1

    // e^r on |r| <= ln2/2: 1 + r + r^2 (1/2 + r/6 + ... + r^11/13!), truncation below 0.05 ulp.
    private static final double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720,
            E7 = 1.0 / 5040, E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800, E11 = 1.0 / 39916800,
            E12 = 1.0 / 479001600, E13 = 1.0 / 6227020800.0;

    // log(1+f) = f - f^2/2 + s (f^2/2 + R), s = f / (2 + f), R = s^2 (L1 + L2 s^2 + ...): fit on s^2 <= 0.0295.
    private static final double L1 = 0.66666666666666666465, L2 = 0.40000000000000876983,
            L3 = 0.28571428570803611811, L4 = 0.22222222391713917442, L5 = 0.18181795640132906276,
            L6 = 0.15386239702814658188, L7 = 0.13268773138656885185, L8 = 0.13086626147840102138;
    private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;

    // tanh(x) = x + x^3 T(x^2) on |x| <= TANH_SMALL (Chebyshev fit, relative error of T 3.2e-16).
    private static final double TANH_SMALL = 0.625;
    private static final double T0 = -0.33333333333333322565, T1 = 0.13333333333326657736,
            T2 = -0.053968253961395570821, T3 = 0.021869488260559114645, T4 = -0.0088632298309257087457,
            T5 = 0.0035920589774734553151, T6 = -0.001455309297534642025, T7 = 0.00058743728600943818973,
            T8 = -0.000230776162695198579, T9 = 0.000079599557352648080002, T10 = -0.000017244874494844330172;
    private static final double TANH_CLAMP = 20;                 // tanh(20) rounds to 1 in double

    // erf(x) = x P(x^2) on |x| <= 1 (Chebyshev fit, relative error 1.4e-19).
    private static final double P0 = 1.1283791670955125738, P1 = -0.37612638903183748056,
            P2 = 0.11283791670954878666, P3 = -0.026866170645076793248, P4 = 0.0052239776248180144673,
            P5 = -0.00085483269808337899052, P6 = 0.00012055331111642710923, P7 = -0.000014925595266831181565,
            P8 = 1.6461000484121368033e-6, P9 = -1.6350312701054695011e-7, P10 = 1.4659775274047435814e-8,
            P11 = -1.137284885679167367e-9, P12 = 5.9571761477489114044e-11;
    // erfc(z) = t exp(-z^2 + Q(t)), t = 1 / (1 + z/2), used for z >= 1: the Numerical Recipes form refitted on z in [0.5, 27].
    private static final double Q0 = -1.265512123476727873, Q1 = 0.99999999923713030129, Q2 = 0.37500003367523944807,
            Q3 = 0.083332427717847652809, Q4 = -0.085920856228817807916, Q5 = -0.14397225412798604636,
            Q6 = -0.089559287235354984674, Q7 = 0.012191651455965042378, Q8 = 0.2385873742273758439,
            Q9 = -0.38458870740890172134, Q10 = 1.8837940682035806386, Q11 = -5.8284327347218984095,
            Q12 = 12.324454105338184302, Q13 = -19.538158463326535396, Q14 = 16.947491577998418962,
            Q15 = 10.238119973587826038, Q16 = -56.9464643486816153, Q17 = 91.166369826557277714,
            Q18 = -87.128154704798701259, Q19 = 54.494325515749237233, Q20 = -22.086569642848584509,
            Q21 = 5.31386370103800882, Q22 = -0.58019720142064805532;
    private static final double ERF_SPLIT = 1;               // erf(x) = x P(x^2) below, 1 - erfc(x) above
    private static final double ERFC_CLAMP = 28.5;              // exp(-z^2) underflows to 0 before
    private static final double GELU_MIN = -40;                 // gelu(x) rounds to -0 below
    private static final double INV_SQRT2 = 0.70710678118654752440;
    private static final double GELU_TANH_K = 1.5957691216057307117; // 2 sqrt(2/pi)
    private static final double GELU_TANH_C = 0.044715;
    private static final double GELU_TANH_K_LO = -9.96930880911092e-17;  // 2 sqrt(2/pi) - GELU_TANH_K
    private static final double GELU_TANH_C_LO = 2.1960211427085595e-18;  // 0.044715 - GELU_TANH_C

    private final double[] s0 = new double[CHUNK];
    private final double[] s1 = new double[CHUNK];
    private final double[] s2 = new double[CHUNK];
    private final double[] s3 = new double[CHUNK];
    private final double[] s4 = new double[CHUNK];

    /** e^x; within {@link VectorMath#EXP_F64_ULPS} (subnormal results included); exp(-inf) = 0, exp(+inf) = +inf, NaN stays NaN. */
    public void exp(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        expInto(x, xo, out, oo, n);
    }

    /** log(x); within {@link VectorMath#LOG_F64_ULPS}; log(0) = -inf, log(x &lt; 0) = NaN, subnormals, +inf and NaN as IEEE says. */
    public void log(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        double[] f = s0;
        double[] e = s1;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        // The scalar stage: x = 2^e m with m in [sqrt(1/2), sqrt 2), f = m - 1 (exact).
        for (int i = 0; i < n; i++) {
            long ix = Double.doubleToRawLongBits(x[xo + i]);
            lo = Math.min(lo, ix);
            hi = Math.max(hi, ix);
            long tmp = ix - SQRT_HALF_BITS;
            f[i] = Double.longBitsToDouble(ix - (tmp & 0xfff0000000000000L)) - 1;
            e[i] = (double) (tmp >> 52);
        }
        for (int i = 0; i < n; i++) {
            double fi = f[i];
            double k = e[i];
            double s = fi / (2 + fi);
            double z = s * s;
            double r = z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * (L7 + z * L8)))))));
            double hfsq = 0.5 * fi * fi;
            out[oo + i] = k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - fi);
        }
        if (lo < 0x0010000000000000L || hi >= 0x7ff0000000000000L) {
            // Zero, negative, subnormal, infinite or NaN inputs in this chunk: those elements take the scalar
            // path (StrictMath.log: fdlibm, under 1 ulp).
            for (int i = 0; i < n; i++) {
                long ix = Double.doubleToRawLongBits(x[xo + i]);
                if (ix < 0x0010000000000000L || ix >= 0x7ff0000000000000L) {
                    out[oo + i] = StrictMath.log(Double.longBitsToDouble(ix));
                }
            }
        }
    }

    /** tanh(x); within {@link VectorMath#TANH_F64_ULPS}; tanh(±0) = ±0, tanh(±inf) = ±1. */
    public void tanh(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        double[] e = s3;
        for (int i = 0; i < n; i++) {
            e[i] = 2 * Math.min(Math.abs(x[xo + i]), TANH_CLAMP);
        }
        expInto(e, 0, e, 0, n);
        for (int i = 0; i < n; i++) {
            double v = x[xo + i];
            double a = Math.abs(v);
            double as = Math.min(a, TANH_SMALL);
            double u = as * as;
            double small = Math.fma(as * u, T0 + u * (T1 + u * (T2 + u * (T3 + u * (T4 + u * (T5 + u * (T6 + u * (T7
                    + u * (T8 + u * (T9 + u * T10))))))))), as);
            double large = 1 - 2 / (e[i] + 1);
            double w = step(a - TANH_SMALL);
            out[oo + i] = sign(v) * Math.fma(w, large, (1 - w) * small);
        }
    }

    /** 1 / (1 + e^-x); within {@link VectorMath#SIGMOID_F64_ULPS} (subnormal results included). */
    public void sigmoid(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        double[] e = s3;
        for (int i = 0; i < n; i++) {
            e[i] = -Math.abs(x[xo + i]);
        }
        expInto(e, 0, e, 0, n);
        for (int i = 0; i < n; i++) {
            // x > 0: 1 / (1 + e^-x); x <= 0: e^x / (1 + e^x), which keeps its accuracy where e^x is tiny.
            double w = step(x[xo + i]);
            double ei = e[i];
            out[oo + i] = Math.fma(1 - w, ei, w) / (1 + ei);
        }
    }

    /** erf(x); within {@link VectorMath#ERF_F64_ULPS}; erf(±0) = ±0, erf(±inf) = ±1. */
    public void erf(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        double[] c = s4;
        for (int i = 0; i < n; i++) {
            c[i] = Math.abs(x[xo + i]);
        }
        erfcLarge(c, 1, 1, n);
        for (int i = 0; i < n; i++) {
            double v = x[xo + i];
            double a = Math.abs(v);
            double w = step(a - ERF_SPLIT);
            out[oo + i] = sign(v) * Math.fma(w, 1 - c[i], (1 - w) * erfSmall(a));
        }
    }

    /**
     * GELU in its erf form, x Φ(x) = x erfc(-x/√2) / 2, computed through erfc so that it keeps its relative
     * accuracy for negative x; within {@link VectorMath#GELU_F64_ULPS} for x &gt;= -4 and
     * {@link VectorMath#GELU_TAIL_F64_ULPS} below; gelu(-inf) = -0, gelu(+inf) = +inf.
     */
    public void gelu(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        double[] c = s4;
        for (int i = 0; i < n; i++) {
            c[i] = Math.abs(x[xo + i]);
        }
        erfcLarge(c, INV_SQRT2, 0.5, n);
        for (int i = 0; i < n; i++) {
            double v = x[xo + i];
            double a = Math.abs(v) * INV_SQRT2;           // |z|, z = -x/√2
            double w = step(a - ERF_SPLIT);
            double neg = step(-v);                        // z > 0: erfc(z) = C or 1 - erf; z < 0: 2 - C or 1 + erf
            double ci = c[i];
            double es = erfSmall(a);
            double whenNeg = Math.fma(w, ci, (1 - w) * (1 - es));
            double whenPos = Math.fma(w, 2 - ci, (1 - w) * (1 + es));
            double erfc = Math.fma(neg, whenNeg, (1 - neg) * whenPos);
            out[oo + i] = 0.5 * Math.max(v, GELU_MIN) * erfc;
        }
    }

    /**
     * GELU in its tanh form, x (1 + tanh(√(2/π)(x + 0.044715 x³))) / 2, computed as x σ(2√(2/π)(x + 0.044715 x³))
     * (the same function, without the cancellation for negative x); within
     * {@link VectorMath#GELU_TANH_F64_ULPS} for x &gt;= -4 and {@link VectorMath#GELU_TAIL_F64_ULPS} below; gelu_tanh(-inf) = -0.
     */
    public void geluTanh(double[] x, int xo, double[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        double[] y = s2;
        double[] ye = s4;
        for (int i = 0; i < n; i++) {
            // y = K v (1 + C v^2) as y + ye (error-free products and sum, K and C as two-term constants): y reaches |y| ~ 100 where e^y's
            // relative error is |y| times y's, so a plainly rounded y would cost tens of ulps.
            double v = Math.min(Math.max(x[xo + i], GELU_MIN), -GELU_MIN);
            double v2 = v * v;
            double v2e = Math.fma(v, v, -v2);
            double g = GELU_TANH_C * v2;
            double ge = Math.fma(GELU_TANH_C, v2, -g) + Math.fma(GELU_TANH_C, v2e, GELU_TANH_C_LO * v2);
            double h = 1 + g;
            double hb = h - 1;
            double he = ((1 - (h - hb)) + (g - hb)) + ge;
            double m = v * h;
            double me = Math.fma(v, h, -m) + v * he;
            double yi = GELU_TANH_K * m;
            y[i] = yi;
            ye[i] = Math.fma(GELU_TANH_K, m, -yi) + Math.fma(GELU_TANH_K, me, GELU_TANH_K_LO * m);
        }
        sigmoid(y, 0, y, 0, n);
        for (int i = 0; i < n; i++) {
            double sg = y[i];                                 // sigma(y + ye) = sigma(y) (1 + (1 - sigma(y)) ye)
            out[oo + i] = Math.max(x[xo + i], GELU_MIN) * Math.fma(sg * (1 - sg), ye[i], sg);
        }
    }

    /** exp without the argument check; uses s0 and s1, never s2..s4. */
    private void expInto(double[] x, int xo, double[] out, int oo, int n) {
        double[] p = s0;
        double[] t = s1;
        for (int i = 0; i < n; i++) {
            double v = Math.min(Math.max(x[xo + i], EXP_MIN), EXP_MAX);
            double ti = v * LOG2E + SHIFT;
            double k = ti - SHIFT;
            double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, v));
            double q = E2 + r * (E3 + r * (E4 + r * (E5 + r * (E6 + r * (E7 + r * (E8 + r * (E9 + r * (E10
                    + r * (E11 + r * (E12 + r * E13))))))))));
            p[i] = Math.fma(r * r, q, r) + 1;
            t[i] = ti;
        }
        // The scalar stage: 2^k as two normal powers of two (k in [-1077, 1025]), so that overflow and gradual
        // underflow round once, in the last multiply.
        for (int i = 0; i < n; i++) {
            long k = Double.doubleToRawLongBits(t[i]) - SHIFT_BITS;
            long k1 = k >> 1;
            double half1 = Double.longBitsToDouble((k1 + 1023) << 52);
            double half2 = Double.longBitsToDouble((k - k1 + 1023) << 52);
            out[oo + i] = p[i] * half1 * half2;
        }
    }

    /**
     * c[i] = erfc(z) for z = max(c[i] scale, ERF_SPLIT), c[i] &gt;= 0 assumed, with square = scale^2 exact (1 or 1/2), so
     * that z^2 = (c[i]^2) square is formed exactly and exp(-z^2) keeps its accuracy; uses s0..s3.
     */
    private void erfcLarge(double[] c, double scale, double square, int n) {
        double[] q = s2;
        double[] g = s3;
        for (int i = 0; i < n; i++) {
            double a = Math.min(Math.max(c[i], ERF_SPLIT / scale), ERFC_CLAMP / scale);
            double z = a * scale;
            double t = 1 / Math.fma(0.5, z, 1);
            double sq = a * a;
            double hi = sq * square;
            double lo = Math.fma(a, a, -sq) * square;   // z^2 = hi + lo exactly
            q[i] = erfcPoly(t) - lo;
            g[i] = -hi;
            c[i] = t;
        }
        expInto(q, 0, q, 0, n);
        expInto(g, 0, g, 0, n);
        for (int i = 0; i < n; i++) {
            c[i] = c[i] * q[i] * g[i];
        }
    }

    private static double erfcPoly(double t) {
        double p = Q22;
        p = Math.fma(p, t, Q21);
        p = Math.fma(p, t, Q20);
        p = Math.fma(p, t, Q19);
        p = Math.fma(p, t, Q18);
        p = Math.fma(p, t, Q17);
        p = Math.fma(p, t, Q16);
        p = Math.fma(p, t, Q15);
        p = Math.fma(p, t, Q14);
        p = Math.fma(p, t, Q13);
        p = Math.fma(p, t, Q12);
        p = Math.fma(p, t, Q11);
        p = Math.fma(p, t, Q10);
        p = Math.fma(p, t, Q9);
        p = Math.fma(p, t, Q8);
        p = Math.fma(p, t, Q7);
        p = Math.fma(p, t, Q6);
        p = Math.fma(p, t, Q5);
        p = Math.fma(p, t, Q4);
        p = Math.fma(p, t, Q3);
        p = Math.fma(p, t, Q2);
        p = Math.fma(p, t, Q1);
        p = Math.fma(p, t, Q0);
        return p;
    }

    private static double erfSmall(double a) {
        double as = Math.min(a, ERF_SPLIT);
        double u = as * as;
        return as * (P0 + u * (P1 + u * (P2 + u * (P3 + u * (P4 + u * (P5 + u * (P6 + u * (P7 + u * (P8 + u * (P9
                + u * (P10 + u * (P11 + u * P12))))))))))));
    }

    /** 1 for d &gt; 0, 0 for d &lt;= 0 (both zeros), NaN for NaN. */
    private static double step(double d) {
        return Math.min(Math.max(d * STEP * 0x1p74, 0), 1);
    }

    /** ±1 with the sign of v, ±0 for ±0, NaN for NaN. */
    private static double sign(double v) {
        return Math.min(Math.max(v * STEP * 0x1p74, -1), 1);
    }

    private static void check(double[] x, int xo, double[] out, int oo, int n) {
        if (n < 0 || n > CHUNK) {
            throw new IllegalArgumentException("n must be in [0, " + CHUNK + "], got " + n);
        }
        if (xo < 0 || xo > x.length - n) {
            throw new IndexOutOfBoundsException("x: offset " + xo + " + n " + n + " exceeds length " + x.length);
        }
        if (oo < 0 || oo > out.length - n) {
            throw new IndexOutOfBoundsException("out: offset " + oo + " + n " + n + " exceeds length " + out.length);
        }
    }
}
