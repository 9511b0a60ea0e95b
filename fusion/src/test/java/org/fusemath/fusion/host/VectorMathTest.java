package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.fusemath.fusion.host.VectorMath.Function;
import org.junit.jupiter.api.Test;

/**
 * The stated ulp bounds of {@link VectorMath}: floats over every 1009th bit pattern (4.3 million inputs, all
 * signs and exponents) against double references, doubles over edge cases and dense grids against BigDecimal.
 */
class VectorMathTest {
    private static final double GELU_SPLIT = -4;

    private static double sigmoidRef(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    /** The float check: worst error in ulps of the float nearest the double reference, over [lo, hi]. */
    private static double worstF32(Function f, DoubleUnaryOperator ref, double lo, double hi) {
        int n = 1 << 16;
        float[] x = new float[n];
        float[] y = new float[n];
        double worst = 0;
        long stride = 1009;
        long b = 0;
        while (b < (1L << 32)) {
            int m = 0;
            for (; m < n && b < (1L << 32); m++, b += stride) {
                x[m] = Float.intBitsToFloat((int) b);
            }
            VectorMath.apply(f, x, y);
            for (int i = 0; i < m; i++) {
                double v = x[i];
                if (!(v >= lo && v <= hi)) {
                    continue;
                }
                double r = ref.applyAsDouble(v);
                float rf = (float) r;
                double e = y[i] == rf ? 0 : Math.abs(y[i] - r) / Math.ulp(rf);
                if (!(e <= worst)) {
                    worst = Float.isNaN(y[i]) || Float.isInfinite(y[i]) || Float.isInfinite(rf) ? Double.POSITIVE_INFINITY : e;
                    if (worst == Double.POSITIVE_INFINITY) {
                        throw new AssertionError(f + "(" + x[i] + ") = " + y[i] + ", expected " + rf);
                    }
                }
            }
        }
        return worst;
    }

    private static double erf64(double v) {
        double[] a = {v};
        VectorMath.apply(Function.ERF, a, a);
        return a[0];
    }

    @Test
    void floatBounds() {
        double inf = Double.POSITIVE_INFINITY;
        assertBound("exp f32", worstF32(Function.EXP, Math::exp, -inf, inf), VectorMath.EXP_F32_ULPS);
        assertBound("log f32", worstF32(Function.LOG, Math::log, 0, inf), VectorMath.LOG_F32_ULPS);
        assertBound("tanh f32", worstF32(Function.TANH, Math::tanh, -inf, inf), VectorMath.TANH_F32_ULPS);
        assertBound("sigmoid f32", worstF32(Function.SIGMOID, VectorMathTest::sigmoidRef, -inf, inf),
                VectorMath.SIGMOID_F32_ULPS);
        // The double erf is itself checked against BigDecimal below (3 ulps of a double: far below a float ulp).
        assertBound("erf f32", worstF32(Function.ERF, VectorMathTest::erf64, -inf, inf), VectorMath.ERF_F32_ULPS);
        DoubleUnaryOperator gelu = v -> {
            double[] a = {v};
            VectorMath.apply(Function.GELU, a, a);
            return a[0];
        };
        DoubleUnaryOperator geluTanh = v -> v * sigmoidRef(2 * Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v));
        assertBound("gelu f32", worstF32(Function.GELU, gelu, GELU_SPLIT, inf), VectorMath.GELU_F32_ULPS);
        assertBound("gelu f32 tail", worstF32(Function.GELU, gelu, -100, GELU_SPLIT), VectorMath.GELU_TAIL_F32_ULPS);
        assertBound("gelu_tanh f32", worstF32(Function.GELU_TANH, geluTanh, GELU_SPLIT, inf),
                VectorMath.GELU_TANH_F32_ULPS);
        assertBound("gelu_tanh f32 tail", worstF32(Function.GELU_TANH, geluTanh, -100, GELU_SPLIT),
                VectorMath.GELU_TAIL_F32_ULPS);
    }

    private static void assertBound(String what, double worst, double bound) {
        System.out.printf("[vector-math] %-20s max %.3f ulp (bound %.1f)%n", what, worst, bound);
        assertTrue(worst <= bound, what + ": " + worst + " ulps exceeds the stated " + bound);
    }

    @Test
    void floatSpecialValues() {
        float nan = Float.NaN;
        float inf = Float.POSITIVE_INFINITY;
        float[] x = {nan, inf, -inf, 0f, -0f, -1f, Float.MIN_VALUE, 100f, -200f};
        assertF32(Function.EXP, x, nan, inf, 0f, 1f, 1f, (float) Math.exp(-1), 1f, inf, 0f);
        assertF32(Function.LOG, x, nan, inf, nan, -inf, -inf, nan, (float) Math.log(Float.MIN_VALUE),
                (float) Math.log(100), nan);
        assertF32(Function.TANH, x, nan, 1f, -1f, 0f, -0f, (float) Math.tanh(-1), Float.MIN_VALUE, 1f, -1f);
        assertF32(Function.SIGMOID, x, nan, 1f, 0f, 0.5f, 0.5f, (float) sigmoidRef(-1), 0.5f, 1f, 0f);
        assertF32(Function.GELU, x, nan, inf, -0f, 0f, -0f, null, null, 100f, -0f);
        assertF32(Function.GELU_TANH, x, nan, inf, -0f, 0f, -0f, null, 0f, 100f, -0f);
        float[] e = new float[x.length];
        VectorMath.apply(Function.ERF, x, e);
        assertTrue(Float.isNaN(e[0]));
        assertEquals(1f, e[1]);
        assertEquals(-1f, e[2]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(e[4]), "erf(-0) = -0");
    }

    /** Expected values by position; null skips, and -0 / +0 are told apart. */
    private static void assertF32(Function f, float[] x, Float... expected) {
        float[] y = new float[x.length];
        VectorMath.apply(f, x, y);
        for (int i = 0; i < x.length; i++) {
            if (expected[i] == null) {
                continue;
            }
            if (Float.isNaN(expected[i])) {
                assertTrue(Float.isNaN(y[i]), f + "(" + x[i] + ") = " + y[i] + ", expected NaN");
            } else if (expected[i] == 0f) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(y[i]),
                        f + "(" + x[i] + ") = " + y[i] + ", expected " + expected[i]);
            } else {
                assertTrue(y[i] == expected[i] || Math.abs(y[i] - expected[i]) <= Math.ulp(expected[i]),
                        f + "(" + x[i] + ") = " + y[i] + ", expected " + expected[i]);
            }
        }
    }

    /** Edge cases, a uniform grid over [lo, hi] and log-spaced magnitudes of both signs inside it. */
    private static double[] samples(double lo, double hi, int n, double... edges) {
        List<Double> s = new ArrayList<>();
        for (double e : edges) {
            s.add(e);
        }
        for (int i = 0; i <= n; i++) {
            s.add(lo + (hi - lo) * i / n + 1e-3 * Math.sin(i));   // off the round numbers
        }
        for (double m = 1e-300; m < 1e300; m *= 7.3) {
            if (m <= hi) {
                s.add(m);
            }
            if (-m >= lo) {
                s.add(-m);
            }
        }
        return s.stream().filter(v -> v >= lo && v <= hi).mapToDouble(Double::doubleValue).toArray();
    }

    private static double worstF64(Function f, double[] x, DoubleFunction<BigDecimal> ref) {
        double[] y = new double[x.length];
        VectorMath.apply(f, x, y);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double e = BigRef.ulps(y[i], ref.apply(x[i]));
            if (!(e <= worst)) {
                if (!(e < Double.POSITIVE_INFINITY)) {
                    throw new AssertionError(f + "(" + x[i] + ") = " + y[i] + ", expected " + ref.apply(x[i]));
                }
                worst = e;
            }
        }
        return worst;
    }

    @Test
    void doubleBounds() {
        double[] expX = samples(-745.1, 709.78, 1500, -745.1, -708.4, -708.39, -0.34657359, 0.34657359, 1e-320,
                -1e-320, 709.78, 1);
        assertBound("exp f64", worstF64(Function.EXP, expX, v -> BigRef.exp(new BigDecimal(v))),
                VectorMath.EXP_F64_ULPS);
        double[] logX = samples(Double.MIN_VALUE, Double.MAX_VALUE, 2000, Double.MIN_VALUE, Double.MIN_NORMAL, 0.7071067811865476,
                1.4142135623730951, 1 - 0x1p-53, 1 + 0x1p-52, Double.MAX_VALUE);
        assertBound("log f64", worstF64(Function.LOG, logX, BigRef::log), VectorMath.LOG_F64_ULPS);
        assertBound("log f64 near 1", worstF64(Function.LOG, samples(0.5, 2, 1500), BigRef::log), VectorMath.LOG_F64_ULPS);
        double[] mid = samples(-40, 40, 1500, 0.625, -0.625, 0.6250000000000001, 1, -1, 0.5, 20, -20, 1e-310);
        assertBound("tanh f64", worstF64(Function.TANH, mid, BigRef::tanh), VectorMath.TANH_F64_ULPS);
        assertBound("sigmoid f64", worstF64(Function.SIGMOID, samples(-745, 40, 1500, -709, -708, -745),
                v -> BigRef.sigmoid(new BigDecimal(v))), VectorMath.SIGMOID_F64_ULPS);
        assertBound("erf f64", worstF64(Function.ERF, samples(-7, 7, 1500, 1, -1, 0.9999999999999999, 6),
                v -> BigRef.erf(new BigDecimal(v))), VectorMath.ERF_F64_ULPS);
        assertBound("gelu f64", worstF64(Function.GELU, samples(GELU_SPLIT, 40, 1200, -1.4142135623730951),
                BigRef::gelu), VectorMath.GELU_F64_ULPS);
        assertBound("gelu f64 tail", worstF64(Function.GELU, samples(-38, GELU_SPLIT, 600), BigRef::gelu),
                VectorMath.GELU_TAIL_F64_ULPS);
        assertBound("gelu_tanh f64", worstF64(Function.GELU_TANH, samples(GELU_SPLIT, 40, 1200), BigRef::geluTanh),
                VectorMath.GELU_TANH_F64_ULPS);
        assertBound("gelu_tanh f64 tail", worstF64(Function.GELU_TANH, samples(-21, GELU_SPLIT, 600),
                BigRef::geluTanh), VectorMath.GELU_TAIL_F64_ULPS);
    }

    @Test
    void doubleSpecialValues() {
        double inf = Double.POSITIVE_INFINITY;
        double[] x = {Double.NaN, inf, -inf, 0, -0.0, 710, -746};
        double[] y = new double[x.length];
        VectorMath.apply(Function.EXP, x, y);
        assertTrue(Double.isNaN(y[0]));
        assertEquals(inf, y[1]);
        assertEquals(0.0, y[2]);
        assertEquals(1.0, y[3]);
        assertEquals(inf, y[5]);
        assertEquals(0.0, y[6]);
        VectorMath.apply(Function.LOG, x, y);
        assertEquals(inf, y[1]);
        assertTrue(Double.isNaN(y[2]));
        assertEquals(-inf, y[3]);
        VectorMath.apply(Function.TANH, x, y);
        assertEquals(1.0, y[1]);
        assertEquals(-1.0, y[2]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y[4]));
        VectorMath.apply(Function.GELU, x, y);
        assertEquals(inf, y[1]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y[2]));
        VectorMath.apply(Function.GELU_TANH, x, y);
        assertEquals(inf, y[1]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y[2]));
    }

    @Test
    void chunkArgumentsAreChecked() {
        F32Lanes lanes = new F32Lanes();
        float[] a = new float[F32Lanes.CHUNK + 1];
        assertThrows(IllegalArgumentException.class, () -> lanes.exp(a, 0, a, 0, F32Lanes.CHUNK + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> lanes.exp(a, 2, a, 0, F32Lanes.CHUNK));
        assertThrows(IllegalArgumentException.class, () -> VectorMath.apply(Function.EXP, new float[3], new float[2]));
    }

    @Test
    void theRangeFormMatchesTheWholeArrayFormAndLeavesTheRestAlone() {
        int n = 2 * F64Lanes.CHUNK + 37; // two full chunks and a short one
        double[] x = new double[n + 5];
        float[] xf = new float[n + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 97) / 7.0 - 6;
            xf[i] = (float) x[i];
        }
        double[] whole = new double[n];
        float[] wholeF = new float[n];
        VectorMath.apply(Function.EXP, java.util.Arrays.copyOfRange(x, 3, 3 + n), whole);
        VectorMath.apply(Function.EXP, java.util.Arrays.copyOfRange(xf, 3, 3 + n), wholeF);
        double[] out = new double[n + 9];
        float[] outF = new float[n + 9];
        java.util.Arrays.fill(out, -7);
        java.util.Arrays.fill(outF, -7);
        VectorMath.apply(Function.EXP, x, 3, out, 4, n);
        VectorMath.apply(Function.EXP, xf, 3, outF, 4, n);
        for (int i = 0; i < out.length; i++) {
            boolean inside = i >= 4 && i < 4 + n;
            assertEquals(inside ? whole[i - 4] : -7, out[i], "double at " + i);
            assertEquals(inside ? wholeF[i - 4] : -7f, outF[i], "float at " + i);
        }
        // In place at one offset: the same values.
        VectorMath.apply(Function.EXP, x, 3, x, 3, n);
        for (int i = 0; i < n; i++) {
            assertEquals(whole[i], x[3 + i]);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> VectorMath.apply(Function.LOG, x, 6, out, 0, n));
        assertThrows(IndexOutOfBoundsException.class, () -> VectorMath.apply(Function.LOG, x, 0, out, 10, n));
        assertThrows(IllegalArgumentException.class, () -> VectorMath.apply(Function.LOG, x, 0, out, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> VectorMath.apply(Function.LOG, x, 0, x, 1, n));
        assertThrows(IllegalArgumentException.class, () -> VectorMath.apply(Function.LOG, xf, 1, xf, 0, n));
    }
}
