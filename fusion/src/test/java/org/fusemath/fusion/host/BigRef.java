package org.fusemath.fusion.host;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** High-precision references (60+ significant digits) for the double transcendentals. */
final class BigRef {
    static final MathContext MC = new MathContext(70, RoundingMode.HALF_EVEN);
    static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798");
    static final BigDecimal SQRT_PI = PI.sqrt(MC);
    static final BigDecimal TWO = BigDecimal.valueOf(2);

    private BigRef() {
    }

    static BigDecimal exp(BigDecimal x) {
        if (x.signum() < 0) {
            return BigDecimal.ONE.divide(exp(x.negate()), MC);
        }
        int m = 0;
        BigDecimal r = x;
        while (r.compareTo(new BigDecimal("0.001")) > 0) {
            r = r.divide(TWO, MC);
            m++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 40; k++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < m; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** e^x - 1, accurate for small x. */
    static BigDecimal expm1(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            return exp(x).subtract(BigDecimal.ONE, MC);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 60; k++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }

    static BigDecimal log(double x) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal y = new BigDecimal(Math.log(x));
        for (int i = 0; i < 4; i++) {
            BigDecimal e = exp(y);
            y = y.add(TWO.multiply(bx.subtract(e, MC), MC).divide(bx.add(e, MC), MC), MC);
        }
        return y;
    }

    static BigDecimal tanh(double x) {
        BigDecimal e = expm1(new BigDecimal(2 * Math.abs(x)));   // 2|x| is exact
        BigDecimal t = e.divide(e.add(TWO, MC), MC);
        return x < 0 ? t.negate() : t;
    }

    static BigDecimal sigmoid(BigDecimal x) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate()), MC), MC);
    }

    /** erf(z) for 0 <= z <= 7 by its Taylor series (enough guard digits for the cancellation). */
    static BigDecimal erfSeries(BigDecimal z) {
        MathContext mc = new MathContext(110, RoundingMode.HALF_EVEN);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;                 // (-1)^n z^(2n+1) / n!
        BigDecimal sum = z;
        for (int n = 1; n < 600; n++) {
            term = term.multiply(z2, mc).divide(BigDecimal.valueOf(-n), mc);
            BigDecimal add = term.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(add, mc);
            if (add.abs().compareTo(new BigDecimal("1e-90")) < 0) {
                break;
            }
        }
        return sum.multiply(TWO, mc).divide(SQRT_PI, mc);
    }

    /** erfc(z) for z >= 3 by its continued fraction, evaluated backwards. */
    static BigDecimal erfcLarge(BigDecimal z) {
        BigDecimal f = z;
        for (int k = 400; k >= 1; k--) {
            f = z.add(BigDecimal.valueOf(k).divide(TWO, MC).divide(f, MC), MC);
        }
        return exp(z.multiply(z, MC).negate()).divide(SQRT_PI.multiply(f, MC), MC);
    }

    static BigDecimal erf(BigDecimal z) {
        if (z.signum() < 0) {
            return erf(z.negate()).negate();
        }
        if (z.compareTo(BigDecimal.valueOf(3)) >= 0) {
            return BigDecimal.ONE.subtract(erfcLarge(z), MC);
        }
        return erfSeries(z);
    }

    static BigDecimal erfc(BigDecimal z) {
        if (z.compareTo(BigDecimal.valueOf(3)) >= 0) {
            return erfcLarge(z);
        }
        return BigDecimal.ONE.subtract(erf(z), MC);
    }

    static BigDecimal gelu(double x) {
        BigDecimal z = new BigDecimal(-x).divide(TWO.sqrt(MC), MC);
        return new BigDecimal(x).multiply(erfc(z), MC).divide(TWO, MC);
    }

    static BigDecimal geluTanh(double x) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal k = TWO.multiply(TWO.divide(PI, MC).sqrt(MC), MC);
        BigDecimal y = k.multiply(bx.add(new BigDecimal("0.044715").multiply(bx.pow(3), MC), MC), MC);
        return bx.multiply(sigmoid(y), MC);
    }

    /** |y - exact| in ulps of the double nearest exact (MIN_VALUE for subnormals); 0 when y is that double. */
    static double ulps(double y, BigDecimal exact) {
        double r = exact.doubleValue();
        if (y == r) {
            return 0;
        }
        if (Double.isInfinite(r) || Double.isInfinite(y) || Double.isNaN(y)) {
            return Double.POSITIVE_INFINITY;
        }
        return new BigDecimal(y).subtract(exact, MC).abs().divide(new BigDecimal(Math.ulp(r)), MC).doubleValue();
    }
}
