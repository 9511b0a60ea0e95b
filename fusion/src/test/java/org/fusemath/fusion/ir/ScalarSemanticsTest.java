package org.fusemath.fusion.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class ScalarSemanticsTest {
    private static final MathContext MC = new MathContext(40);

    /** erf by its Taylor series in 40-digit decimal arithmetic (no cancellation problem at this precision for |x| ≤ 6). */
    private static double erfReference(double x) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal x2 = bx.multiply(bx, new MathContext(80));
        BigDecimal term = bx;
        BigDecimal sum = bx;
        MathContext wide = new MathContext(80);
        for (int n = 1; n < 400; n++) {
            term = term.multiply(x2, wide).negate().divide(BigDecimal.valueOf(n), wide);
            BigDecimal add = term.divide(BigDecimal.valueOf(2L * n + 1), wide);
            sum = sum.add(add, wide);
            if (add.abs().compareTo(new BigDecimal("1e-45")) < 0 && n > 2 * x * x) {
                break;
            }
        }
        BigDecimal twoOverSqrtPi = new BigDecimal("1.128379167095512573896158903121545171688101258657997713688171443421");
        return sum.multiply(twoOverSqrtPi, MC).doubleValue();
    }

    @Test
    void erfIsWithinEightUlps() {
        double worst = 0;
        for (double x = -5.9; x <= 5.9; x += 0.0137) {
            double ref = erfReference(x);
            double got = ScalarSemantics.erf(x);
            double ulps = Math.abs(got - ref) / Math.ulp(ref);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 8, "worst erf error " + worst + " ulps");
        assertEquals(1.0, ScalarSemantics.erf(7));
        assertEquals(-1.0, ScalarSemantics.erf(-30));
        assertTrue(Double.isNaN(ScalarSemantics.erf(Double.NaN)));
        assertEquals(0.0, ScalarSemantics.erf(0.0));
    }

    @Test
    void reluAndMaximumKeepNaNAndFloatResultsAreRounded() {
        assertTrue(Double.isNaN(ScalarSemantics.unary(OpKind.RELU, ScalarType.F64, Double.NaN)));
        assertEquals(0.0, ScalarSemantics.unary(OpKind.RELU, ScalarType.F64, -3));
        assertTrue(Double.isNaN(ScalarSemantics.binary(OpKind.MAX, ScalarType.F64, Double.NaN, 1)));
        assertTrue(Double.isNaN(ScalarSemantics.binary(OpKind.MIN, ScalarType.F64, 1, Double.NaN)));
        double third = ScalarSemantics.binary(OpKind.DIV, ScalarType.F32, 1, 3);
        assertEquals((double) (1f / 3f), third, 0.0);
        assertEquals(1.0, ScalarSemantics.sigmoid(800));
        assertEquals(0.0, ScalarSemantics.sigmoid(-800));
        assertEquals(0.0, ScalarSemantics.binary(OpKind.EQ, ScalarType.BOOL, Double.NaN, Double.NaN));
    }
}
