package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.fusemath.api.HostTensor;
import org.fusemath.fusion.Explanation;
import org.fusemath.fusion.Expr;
import org.fusemath.fusion.Fusion;
import org.fusemath.fusion.FusionPlan;
import org.fusemath.fusion.Interpreter;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;
import org.fusemath.fusion.spi.HostKernel;
import org.junit.jupiter.api.Test;

/**
 * Generated kernels for reductions over every axis (NumPy's axis=None, keepdims), run as one row of all the
 * elements: max and min exactly the interpreter's (NaN and ±0 included); sums within the row path's pairwise bound
 * (⌈N / CHUNK⌉ + log₂ CHUNK)·u·Σ|x| of the exact sum (a BigDecimal reference), plus the final rounding to the
 * result's type; element results that read the reduced value exactly what the IR's ops give on it.
 */
class AllReductionKernelsTest {
    private static final double U = 0x1p-53;
    private static final ScalarType[] TYPES = {ScalarType.F32, ScalarType.F64};
    private static final Shape[] SHAPES = {Shape.of(7, 300), Shape.of(3, 5, 211), Shape.of(1, 1), Shape.of(1, 1, 1),
        Shape.of(0, 3), Shape.of(2, 0, 4), Shape.of(1, 513), Shape.of(64, 64)};
    private final JavaKernelCompiler compiler = new JavaKernelCompiler();

    private static Object data(ScalarType t, long n, long seed, boolean specials) {
        Random r = new Random(seed);
        Object a = t == ScalarType.F32 ? new float[(int) n] : new double[(int) n];
        for (int i = 0; i < n; i++) {
            set(a, i, r.nextGaussian() * 3 + (i % 3 == 0 ? 1e3 : 0));
        }
        if (specials) {
            double[] sp = {Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < Math.min(n / 8, sp.length); i++) {
                set(a, i * 5 + 1, sp[i]);
            }
        }
        return a;
    }

    private static void set(Object a, int i, double v) {
        if (a instanceof float[] f) {
            f[i] = (float) v;
        } else {
            ((double[]) a)[i] = v;
        }
    }

    private static double get(Object a, int i) {
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }

    private static Object[] outputsOf(FusedGroup g) {
        Object[] out = new Object[g.outputs().size()];
        for (int k = 0; k < out.length; k++) {
            int n = (int) g.outputs().get(k).shape().size();
            out[k] = g.outputs().get(k).type() == ScalarType.F32 ? new float[n] : new double[n];
        }
        return out;
    }

    private static int[] allAxes(Shape s) {
        int[] a = new int[s.rank()];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return a;
    }

    /** One reduction of x over every axis, stored. */
    private static FusedGroup reduceAll(ScalarType t, Shape s, OpKind kind) {
        GroupBuilder g = new GroupBuilder(s);
        g.output(g.reduce(kind, g.input(t, s), allAxes(s)));
        return g.build();
    }

    private HostKernel kernel(FusedGroup g) {
        return compiler.compileHost(g).orElseThrow(() -> new AssertionError(compiler.declineReason(g)));
    }

    @Test
    void maxAndMinOverEveryAxisAreTheInterpretersBitForBitNaNAndSignedZeroIncluded() {
        for (ScalarType t : TYPES) {
            for (Shape s : SHAPES) {
                for (OpKind kind : new OpKind[] {OpKind.REDUCE_MAX, OpKind.REDUCE_MIN}) {
                    for (int variant = 0; variant < 3; variant++) {
                        FusedGroup g = reduceAll(t, s, kind);
                        Object x = data(t, s.size(), 11 + variant, variant == 1);
                        if (variant == 2) {
                            // only zeros of both signs: max must be +0 and min -0 wherever both occur
                            for (int i = 0; i < s.size(); i++) {
                                set(x, i, i % 2 == 0 ? -0.0 : 0.0);
                            }
                        }
                        Object[] got = outputsOf(g);
                        Object[] want = outputsOf(g);
                        kernel(g).run(new Object[] {x}, got);
                        new GroupInterpreter(g).run(new Object[] {x}, want);
                        assertEquals(Double.doubleToRawLongBits(get(want[0], 0)), Double.doubleToRawLongBits(get(got[0], 0)),
                                t + " " + kind + " over " + s + " variant " + variant + ": " + get(got[0], 0) + " vs " + get(want[0], 0));
                        if (variant == 1 && s.size() >= 8) {
                            assertTrue(Double.isNaN(get(got[0], 0)), "a NaN propagates through " + kind);
                        }
                        if (variant == 2 && s.size() >= 2) {
                            assertEquals(kind == OpKind.REDUCE_MAX ? 0L : Double.doubleToRawLongBits(-0.0),
                                    Double.doubleToRawLongBits(get(got[0], 0)), kind + " of ±0");
                        }
                    }
                }
            }
        }
    }

    /** |got − Σx| ≤ (⌈n / CHUNK⌉ + log₂ CHUNK)·u·Σ|x| + half an ulp of the result's type, Σ exact (BigDecimal). */
    private static void assertSumWithinBound(double got, Object x, ScalarType t, String what) {
        assertSumWithinBound(got, x, t, false, what);
    }

    /** As above; {@code serial}: the bound of a serial double sum, (n − 1)·u·Σ|x|, the interpreter's. */
    private static void assertSumWithinBound(double got, Object x, ScalarType t, boolean serial, String what) {
        int n = Array.getLength(x);
        BigDecimal exact = BigDecimal.ZERO;
        double abs = 0;
        for (int i = 0; i < n; i++) {
            exact = exact.add(new BigDecimal(get(x, i)));
            abs += Math.abs(get(x, i));
        }
        double e = exact.doubleValue();
        double rounding = t == ScalarType.F32 ? Math.ulp((float) e) : Math.ulp(e) / 2;
        double terms = serial ? Math.max(0, n - 1) : (n + F32Lanes.CHUNK - 1) / F32Lanes.CHUNK + 9;
        double bound = terms * U * abs * 1.01 + rounding;
        double err = new BigDecimal(got).subtract(exact).abs().doubleValue();
        assertTrue(err <= bound, what + ": " + got + " vs exact " + e + ", error " + err + " > bound " + bound);
    }

    @Test
    void sumsOverEveryAxisAreWithinThePairwiseBoundOfTheExactSum() {
        for (ScalarType t : TYPES) {
            for (Shape s : SHAPES) {
                FusedGroup g = reduceAll(t, s, OpKind.REDUCE_SUM);
                Object x = data(t, s.size(), 21, false);
                Object[] got = outputsOf(g);
                Object[] want = outputsOf(g);
                kernel(g).run(new Object[] {x}, got);
                new GroupInterpreter(g).run(new Object[] {x}, want);
                assertSumWithinBound(get(got[0], 0), x, t, t + " sum over " + s);
                assertSumWithinBound(get(want[0], 0), x, t, true, t + " interpreter's sum over " + s + " (the reference itself)");
                if (s.size() == 0) {
                    assertEquals(0L, Double.doubleToRawLongBits(get(got[0], 0)), "the empty sum is +0");
                }
                if (s.size() == 1) {
                    assertEquals(Double.doubleToRawLongBits(get(x, 0)), Double.doubleToRawLongBits(get(got[0], 0)), "one element");
                }
            }
        }
    }

    @Test
    void aNaNOrInfinityInASumOverEveryAxisPropagatesAsIeeeSays() {
        for (ScalarType t : TYPES) {
            FusedGroup g = reduceAll(t, Shape.of(9, 70), OpKind.REDUCE_SUM);
            Object x = data(t, 630, 5, false);
            set(x, 400, Double.POSITIVE_INFINITY);
            Object[] got = outputsOf(g);
            kernel(g).run(new Object[] {x}, got);
            assertEquals(Double.POSITIVE_INFINITY, get(got[0], 0), t + " +Inf");
            set(x, 17, Double.NEGATIVE_INFINITY);
            kernel(g).run(new Object[] {x}, got);
            assertTrue(Double.isNaN(get(got[0], 0)), t + " Inf - Inf is NaN");
        }
    }

    /**
     * x / sum(x) (or x − mean(x)) with the sum also stored: the sum within its bound, and every element exactly the
     * IR's division (subtraction) by the stored sum (mean: the stored sum / N), in the element type.
     */
    @Test
    void elementResultsReadTheReducedValueOfAllTheElements() {
        for (ScalarType t : TYPES) {
            for (Shape s : SHAPES) {
                for (boolean centre : new boolean[] {false, true}) {
                    GroupBuilder b = new GroupBuilder(s);
                    int x = b.input(t, s);
                    int sum = b.reduce(OpKind.REDUCE_SUM, x, allAxes(s));
                    int count = b.constant(s.size(), t);
                    int y = centre ? b.op(OpKind.SUB, x, b.op(OpKind.DIV, sum, count)) : b.op(OpKind.DIV, x, sum);
                    b.output(y);
                    b.output(sum);
                    FusedGroup g = b.build();
                    Object xs = data(t, s.size(), 31, false);
                    Object[] got = outputsOf(g);
                    kernel(g).run(new Object[] {xs}, got);
                    if (s.size() == 0) {
                        continue;
                    }
                    double sv = get(got[1], 0);
                    assertSumWithinBound(sv, xs, t, t + " sum over " + s);
                    for (int i = 0; i < s.size(); i++) {
                        double xi = get(xs, i);
                        double want;
                        if (t == ScalarType.F32) {
                            float fs = (float) sv;
                            want = centre ? (float) xi - fs / (float) s.size() : (float) xi / fs;
                        } else {
                            want = centre ? xi - sv / s.size() : xi / sv;
                        }
                        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(get(got[0], i)),
                                t + (centre ? " x - mean(x)" : " x / sum(x)") + " over " + s + " element " + i);
                    }
                }
            }
        }
    }

    /** mean(x) + eps stored at the reduced shape (one element), beside the mean: exactly the IR's op on the stored mean. */
    @Test
    void anElementValueOfTheReducedShapeIsStoredOnce() {
        for (ScalarType t : TYPES) {
            for (Shape s : SHAPES) {
                GroupBuilder b = new GroupBuilder(s);
                int x = b.input(t, s);
                int mean = b.op(OpKind.DIV, b.reduce(OpKind.REDUCE_SUM, x, allAxes(s)), b.constant(s.size(), t));
                b.output(b.op(OpKind.ADD, mean, b.constant(0.25, t)), true);
                b.output(mean, true);
                FusedGroup g = b.build();
                Object xs = data(t, s.size(), 71, false);
                Object[] got = outputsOf(g);
                Object[] want = outputsOf(g);
                kernel(g).run(new Object[] {xs}, got);
                new GroupInterpreter(g).run(new Object[] {xs}, want);
                double m = get(got[1], 0);
                double expect = t == ScalarType.F32 ? (float) m + 0.25f : m + 0.25;
                if (s.size() > 0) {
                    assertEquals(Double.doubleToRawLongBits(expect), Double.doubleToRawLongBits(get(got[0], 0)), t + " over " + s);
                    // both sums' bounds (serial n − 1, pairwise ⌈n / 512⌉ + 9 terms, together below n + 9) times
                    // Σ|x| / n, the mean magnitude (below 2e3 for these data), plus the F32 roundings
                    double tol = (s.size() + 9) * U * 2e3 + (t == ScalarType.F32 ? 4 * Math.ulp((float) m) : 4 * Math.ulp(m));
                    assertTrue(Math.abs(m - get(want[1], 0)) <= tol, t + " mean over " + s + ": " + m + " vs " + get(want[1], 0));
                }
            }
        }
    }

    /** exp(x) / Σ exp(x) over every axis: bit for bit the rank-1 row kernel of the same elements, kept or recomputed. */
    @Test
    void aTwoStageGroupOverEveryAxisIsTheRowKernelOfItsElements() {
        // the second shape has more elements than KEEP_ROW_LIMIT: exp(x) is recomputed in the second stage
        Shape[] shapes = {Shape.of(37, 29), Shape.of(1025, 1024)};
        assertTrue(shapes[1].size() > HostSourceGenerator.KEEP_ROW_LIMIT && shapes[0].size() <= HostSourceGenerator.KEEP_ROW_LIMIT);
        for (Shape s : shapes) {
            FusedGroup all = expOverSum(s, allAxes(s));
            FusedGroup row = expOverSum(Shape.of(s.size()), new int[] {0});
            Object x = data(ScalarType.F32, s.size(), 41, false);
            for (int i = 0; i < s.size(); i++) {
                set(x, i, get(x, i) / 1e3);   // exp stays finite
            }
            Object[] got = outputsOf(all);
            Object[] want = outputsOf(row);
            kernel(all).run(new Object[] {x}, got);
            kernel(row).run(new Object[] {x}, want);
            for (int o = 0; o < got.length; o++) {
                for (int i = 0; i < Array.getLength(want[o]); i++) {
                    assertEquals(Float.floatToRawIntBits((float) get(want[o], i)), Float.floatToRawIntBits((float) get(got[o], i)),
                            s + " output " + o + " element " + i);
                }
            }
        }
    }

    private static FusedGroup expOverSum(Shape s, int[] axes) {
        GroupBuilder b = new GroupBuilder(s);
        int e = b.op(OpKind.EXP, b.input(ScalarType.F32, s));
        int sum = b.reduce(OpKind.REDUCE_SUM, e, axes);
        b.output(b.op(OpKind.DIV, e, sum));
        b.output(sum);
        return b.build();
    }

    @Test
    void aScalarInputJoinsAReductionOverEveryAxisAndABroadcastRowRunsTheColumnPath() {
        Shape s = Shape.of(6, 50);
        for (ScalarType t : TYPES) {
            GroupBuilder b = new GroupBuilder(s);
            int x = b.input(t, s);
            int k = b.input(t, Shape.of());
            b.output(b.reduce(OpKind.REDUCE_SUM, b.op(OpKind.MUL, x, k), 0, 1));
            FusedGroup g = b.build();
            Object xs = data(t, s.size(), 51, false);
            Object ks = data(t, 1, 52, false);
            Object[] got = outputsOf(g);
            kernel(g).run(new Object[] {xs, ks}, got);
            Object prod = t == ScalarType.F32 ? new float[300] : new double[300];
            for (int i = 0; i < 300; i++) {
                set(prod, i, t == ScalarType.F32 ? (float) get(xs, i) * (float) get(ks, 0) : get(xs, i) * get(ks, 0));
            }
            assertSumWithinBound(get(got[0], 0), prod, t, t + " sum(x * k)");

            GroupBuilder r = new GroupBuilder(s);
            int rx = r.input(t, s);
            int bias = r.input(t, Shape.of(50));
            r.output(r.reduce(OpKind.REDUCE_SUM, r.op(OpKind.ADD, rx, bias), 0, 1));
            FusedGroup rg = r.build();
            // no flat view: the column path, whose serial sum is the interpreter's bit for bit
            Object[] rin = {data(t, s.size(), 53, false), data(t, 50, 54, false)};
            Object[] rgot = outputsOf(rg);
            Object[] rwant = outputsOf(rg);
            kernel(rg).run(rin, rgot);
            new GroupInterpreter(rg).run(rin, rwant);
            assertEquals(Double.doubleToRawLongBits(get(rwant[0], 0)), Double.doubleToRawLongBits(get(rgot[0], 0)), t + " sum(x + bias)");
        }
    }

    /** A last-axis reduction's element value at the reduced shape (the row path's (m, 1) output): one store per row. */
    @Test
    void aRowReductionStoresAnElementValueOfTheReducedShapeOncePerRow() {
        for (ScalarType t : TYPES) {
            for (Shape s : new Shape[] {Shape.of(7, 300), Shape.of(7, 2), Shape.of(3, 4, 600), Shape.of(5, 1)}) {
                GroupBuilder b = new GroupBuilder(s);
                int x = b.input(t, s);
                int max = b.reduce(OpKind.REDUCE_MAX, x, s.rank() - 1);
                b.output(b.op(OpKind.ADD, max, b.constant(1, t)), true);
                b.output(b.op(OpKind.SUB, x, max));
                FusedGroup g = b.build();
                Object xs = data(t, s.size(), 81, true);
                Object[] got = outputsOf(g);
                Object[] want = outputsOf(g);
                kernel(g).run(new Object[] {xs}, got);
                new GroupInterpreter(g).run(new Object[] {xs}, want);
                for (int o = 0; o < got.length; o++) {
                    for (int i = 0; i < Array.getLength(want[o]); i++) {
                        assertEquals(Double.doubleToRawLongBits(get(want[o], i)), Double.doubleToRawLongBits(get(got[o], i)),
                                t + " over " + s + " output " + o + " element " + i);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ whole plans

    private static void assertOneGeneratedKernel(FusionPlan p) {
        Explanation e = p.explanation();
        assertEquals(1, e.launches().size(), p.explain());
        Explanation.Launch l = e.launches().get(0);
        assertEquals(Explanation.LaunchKind.FUSED_KERNEL, l.kind(), p.explain());
        assertTrue(l.executor().contains("java-hidden-class"), p.explain());
        assertFalse(p.explain().contains("interpreted"), p.explain());
    }

    @Test
    void xOverSumAndXMinusMeanOverEveryAxisAreOneGeneratedKernel() {
        for (long[] dims : new long[][] {{5, 7}, {2, 3, 129}, {1000}}) {
            int n = 1;
            for (long d : dims) {
                n *= (int) d;
            }
            float[] xs = (float[]) data(ScalarType.F32, n, 61, false);
            double[] xd = (double[]) data(ScalarType.F64, n, 62, false);
            Expr xf = Expr.input("x", xs, dims);
            Expr x64 = Expr.input("x", xd, dims);
            for (Expr x : List.of(xf, x64)) {
                Expr centred = x.sub(x.mean());
                Expr invStd = centred.square().mean().add(1e-5).rsqrt();
                for (Expr y : List.of(x.div(x.sum()), centred, x.sub(x.max()), x.div(x.min()), centred.mul(invStd))) {
                    try (FusionPlan p = Fusion.plan(y)) {
                        assertOneGeneratedKernel(p);
                        HostTensor got = p.execute();
                        HostTensor want = Interpreter.evaluate(y).get(0);
                        assertEquals(List.of(dims.length), List.of(got.shape().length));
                        double scale = 0;
                        for (int i = 0; i < n; i++) {
                            scale = Math.max(scale, Math.abs(get(want.array(), i)));
                        }
                        // the reduced value differs from the interpreter's by at most both sums' bounds
                        // (relative 2·(⌈n / CHUNK⌉ + 9 + n)·u·Σ|x|/|Σx|, here below 1e-9 in double for these data);
                        // F32 results add a few float roundings
                        double rel = x == xf ? 8 * 0x1p-24 : 1e-9;
                        for (int i = 0; i < n; i++) {
                            double w = get(want.array(), i);
                            double v = get(got.array(), i);
                            assertTrue(Math.abs(w - v) <= rel * scale, y + " element " + i + ": " + v + " vs " + w);
                        }
                    }
                }
            }
        }
    }
}
