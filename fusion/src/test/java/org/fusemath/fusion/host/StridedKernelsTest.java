package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.Random;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;
import org.fusemath.fusion.spi.HostKernel;
import org.junit.jupiter.api.Test;

/**
 * Generated kernels over broadcast inputs (the strided outer loop) and reductions along axes other than the last
 * (column accumulators), against the interpreter: bit for bit where both evaluate the same operations in the same
 * order (arithmetic; sums serial over the reduced rows in both), within the transcendental bounds elsewhere.
 */
class StridedKernelsTest {
    private static final ScalarType[] TYPES = {ScalarType.F32, ScalarType.F64};
    private final JavaKernelCompiler compiler = new JavaKernelCompiler();

    /** Gaussian data of scale 3 with a NaN, -0 and +Inf at the front (when long enough). */
    private static Object data(ScalarType t, long n, long seed) {
        Random r = new Random(seed);
        Object a = t == ScalarType.F32 ? new float[(int) n] : new double[(int) n];
        for (int i = 0; i < n; i++) {
            set(a, i, r.nextGaussian() * 3);
        }
        double[] specials = {Double.NaN, -0.0, Double.POSITIVE_INFINITY};
        for (int i = 0; i < Math.min(n / 8, specials.length); i++) {
            set(a, i * 7, specials[i]);
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

    private static Object[] inputsOf(FusedGroup g, long seed) {
        Object[] in = new Object[g.inputs().size()];
        for (int k = 0; k < in.length; k++) {
            in[k] = data(g.inputs().get(k).type(), g.inputs().get(k).shape().size(), seed + k);
        }
        return in;
    }

    /** Runs the generated kernel and the interpreter on the same inputs and asserts every output bit for bit. */
    private void assertBitExact(FusedGroup g, long seed) {
        HostKernel k = compiler.compileHost(g).orElseThrow(() -> new AssertionError(compiler.declineReason(g)));
        Object[] in = inputsOf(g, seed);
        Object[] got = outputsOf(g);
        Object[] want = outputsOf(g);
        k.run(in, got);
        new GroupInterpreter(g).run(in, want);
        for (int o = 0; o < got.length; o++) {
            for (int i = 0; i < Array.getLength(want[o]); i++) {
                assertEquals(Double.doubleToRawLongBits(get(want[o], i)), Double.doubleToRawLongBits(get(got[o], i)),
                        g.shape() + " output " + o + " element " + i + ": " + get(got[o], i) + " vs " + get(want[o], i));
            }
        }
    }

    // ------------------------------------------------------------------ broadcast inputs

    /** relu(x * s + bias): x over {@code shape}, s a scalar input, bias of shape {@code biasShape}. */
    private static FusedGroup scaledBias(ScalarType t, Shape shape, Shape biasShape) {
        GroupBuilder g = new GroupBuilder(shape);
        int x = g.input(t, shape);
        int s = g.input(t, Shape.of());
        int bias = g.input(t, biasShape);
        g.output(g.op(OpKind.RELU, g.op(OpKind.ADD, g.op(OpKind.MUL, x, s), bias)));
        return g.build();
    }

    /** (x - mean) / std with keepdims statistics of shape {@code statShape}, and x * 2 as a second output. */
    private static FusedGroup standardise(ScalarType t, Shape shape, Shape statShape) {
        GroupBuilder g = new GroupBuilder(shape);
        int x = g.input(t, shape);
        int mean = g.input(t, statShape);
        int std = g.input(t, statShape);
        g.output(g.op(OpKind.DIV, g.op(OpKind.SUB, x, mean), std));
        g.output(g.op(OpKind.MUL, x, g.constant(2, t)));
        return g.build();
    }

    @Test
    void broadcastInputsRunGeneratedAndMatchTheInterpreterBitForBit() {
        for (ScalarType t : TYPES) {
            // a row vector, a column vector, a (1, n) row, edge shapes, rank 3 with a middle-axis broadcast,
            // rows longer than a chunk (ragged tails) and shorter ones
            assertBitExact(scaledBias(t, Shape.of(37, 1029), Shape.of(1029)), 1);
            assertBitExact(scaledBias(t, Shape.of(37, 5), Shape.of(37, 1)), 2);
            assertBitExact(scaledBias(t, Shape.of(1, 700), Shape.of(700)), 3);
            assertBitExact(scaledBias(t, Shape.of(600, 1), Shape.of(1)), 4);
            assertBitExact(scaledBias(t, Shape.of(600, 1), Shape.of(600, 1)), 5);
            assertBitExact(scaledBias(t, Shape.of(4, 3, 130), Shape.of(4, 1, 130)), 6);
            assertBitExact(scaledBias(t, Shape.of(4, 3, 130), Shape.of(3, 1)), 7);
            assertBitExact(scaledBias(t, Shape.of(2, 3, 4, 5), Shape.of(3, 1, 5)), 8);
            assertBitExact(standardise(t, Shape.of(23, 611), Shape.of(23, 1)), 9);
            assertBitExact(standardise(t, Shape.of(23, 611), Shape.of(1, 611)), 10);
            assertBitExact(standardise(t, Shape.of(0, 5), Shape.of(0, 1)), 11);
            assertBitExact(standardise(t, Shape.of(5, 0), Shape.of(5, 1)), 12);
        }
    }

    @Test
    void aBroadcastGroupIsTheDenseLoopNestedInAStridedOuterLoop() {
        // x (m, n) + column (m, 1): one outer loop over rows, the column read once per row into a local
        String src = HostSourceGenerator.generate(scaledBias(ScalarType.F32, Shape.of(37, 5), Shape.of(37, 1)), "K");
        assertTrue(src.contains("float f2 = in2[b2r];"), src);
        assertTrue(src.contains("for (int c0 = from * 1; c0 < to * 1; c0++)"), src);
        assertFalse(src.contains("%"), "no index division per element or row: " + src);
        // one loop and no transcendental: the inner loop reads its inputs at base + i as the dense path does
        assertTrue(src.contains("in0[b0 + i]"), src);
        assertFalse(src.contains("System.arraycopy"), src);
        // a (1, n) bias over (1, n) collapses to the flat dense loop
        String flat = HostSourceGenerator.generate(scaledBias(ScalarType.F32, Shape.of(1, 700), Shape.of(700)), "K");
        assertFalse(flat.contains("c0"), flat);
    }

    @Test
    void broadcastKernelsRunPanelsOfAxis0() {
        // the last: axes 0 and 1 of (7, 3, 100) collapse into one outer axis of 21 (3 positions per index of axis 0)
        Shape[][] cases = {{Shape.of(7, 300), Shape.of(7, 1)}, {Shape.of(7, 300), Shape.of(1, 300)},
            {Shape.of(7, 300), Shape.of(300)}, {Shape.of(7, 3, 100), Shape.of(100)}};
        for (Shape[] c : cases) {
            Shape bias = c[1];
            FusedGroup g = scaledBias(ScalarType.F64, c[0], bias);
            HostKernel k = compiler.compileHost(g).orElseThrow();
            Object[] in = inputsOf(g, 20);
            double[] whole = new double[7 * 300];
            k.run(in, new Object[] {whole});
            double[] panels = new double[7 * 300];
            k.run(in, new Object[] {panels}, 0, 2);
            k.run(in, new Object[] {panels}, 2, 2);
            k.run(in, new Object[] {panels}, 2, 7);
            assertTrue(bias.rank() != 1 || c[0].rank() != 3
                    || HostSourceGenerator.generate(g, "K").contains("c0 = from * 3; c0 < to * 3;"), "collapsed");
            for (int i = 0; i < whole.length; i++) {
                assertEquals(Double.doubleToRawLongBits(whole[i]), Double.doubleToRawLongBits(panels[i]), bias + " element " + i);
            }
        }
    }

    @Test
    void transcendentalsOverBroadcastInputsAreThoseOfTheDenseKernel() {
        // every kind (exp, tanh, gelu, ...) over x + a row bias: the broadcast kernel must give exactly what the
        // dense kernel (tested against the interpreter within its ulp bounds) gives on the materialised bias
        int m = 33;
        int n = 65;
        FusedGroup g = org.fusemath.fusion.FusionGroups.everyKind(m, n);
        FusedGroup dense = denseTwin(g);
        Object[] in = inputsOf(g, 30);
        Object[] denseIn = in.clone();
        float[] bias = (float[]) in[1];
        float[] full = new float[m * n];
        for (int i = 0; i < m * n; i++) {
            full[i] = bias[i % n];
        }
        denseIn[1] = full;
        // transcendentals: the inner loop copies each contiguous input's chunk in once, as the dense path does
        String src = HostSourceGenerator.generate(g, "K");
        assertTrue(src.contains("System.arraycopy(in0, b0, xs0, 0, n);"), src);
        assertFalse(src.contains("in0[b0 + i]"), src);
        Object[] got = outputsOf(g);
        Object[] want = outputsOf(g);
        compiler.compileHost(g).orElseThrow().run(in, got);
        compiler.compileHost(dense).orElseThrow().run(denseIn, want);
        // every value bit for bit, a NaN as a NaN: Java leaves the sign and payload of a NaN from arithmetic open, and
        // this group adds NaNs of both signs (sqrt and log of negatives), where x86 keeps one operand's NaN and C2 may
        // order a commutative add's operands differently in a vectorised loop than in its scalar pre- and post-loops
        for (int o = 0; o < got.length; o++) {
            for (int i = 0; i < m * n; i++) {
                assertEquals(Double.doubleToLongBits(get(want[o], i)), Double.doubleToLongBits(get(got[o], i)), "output " + o + " element " + i);
            }
        }
    }

    /** {@code g} with every input at the group's full shape (dense). */
    private static FusedGroup denseTwin(FusedGroup g) {
        java.util.List<FusedGroup.Input> ins = new java.util.ArrayList<>();
        for (FusedGroup.Input in : g.inputs()) {
            ins.add(in.shape().rank() == 0 ? in : new FusedGroup.Input(in.type(), g.shape(), g.shape().stridesIn(g.shape())));
        }
        return new FusedGroup(g.shape(), g.reducedAxes(), ins, g.ops(), g.outputs());
    }

    @Test
    void aNonUnitInnermostStrideIsDeclinedWithTheReason() {
        // a transposed read ((n, m) array addressed with strides (1, m)) cannot be a RUN or FIXED inner loop
        Shape s = Shape.of(4, 6);
        FusedGroup g = new FusedGroup(s, new int[0],
                java.util.List.of(new FusedGroup.Input(ScalarType.F64, Shape.of(6, 4), new long[] {1, 4})),
                java.util.List.of(new FusedGroup.Op(0, OpKind.INPUT, ScalarType.F64, new int[0], 0, 0, 0),
                        new FusedGroup.Op(1, OpKind.NEG, ScalarType.F64, new int[] {0}, -1, 0, 0)),
                java.util.List.of(new FusedGroup.Output(1, ScalarType.F64, s, s.stridesIn(s))));
        assertTrue(compiler.compileHost(g).isEmpty());
        assertTrue(compiler.declineReason(g).contains("input 0 has stride 4 along the innermost"), compiler.declineReason(g));
    }

    // ------------------------------------------------------------------ reductions along other axes

    /** x / sum(x, axis) with the sum, max and min as outputs at the reduced shape. */
    private static FusedGroup normaliseAlong(ScalarType t, Shape shape, int... axes) {
        GroupBuilder g = new GroupBuilder(shape);
        int x = g.input(t, shape);
        int sum = g.reduce(OpKind.REDUCE_SUM, x, axes);
        g.output(g.op(OpKind.DIV, x, sum));
        g.output(sum);
        g.output(g.reduce(OpKind.REDUCE_MAX, x, axes));
        g.output(g.reduce(OpKind.REDUCE_MIN, x, axes));
        return g.build();
    }

    /** x - max(x, axes), exp, / sum: softmax along {@code axes}. */
    private static FusedGroup softmaxAlong(ScalarType t, Shape shape, int... axes) {
        GroupBuilder g = new GroupBuilder(shape);
        int x = g.input(t, shape);
        int e = g.op(OpKind.EXP, g.op(OpKind.SUB, x, g.reduce(OpKind.REDUCE_MAX, x, axes)));
        g.output(g.op(OpKind.DIV, e, g.reduce(OpKind.REDUCE_SUM, e, axes)));
        return g.build();
    }

    /** (x - mean(x, axis 0)) * scale + bias with a row-vector scale and bias, the mean stored too (var + eps style). */
    private static FusedGroup centredAffine(ScalarType t, long m, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(t, Shape.of(m, n));
        int scale = g.input(t, Shape.of(n));
        int bias = g.input(t, Shape.of(1, n));
        int mean = g.op(OpKind.DIV, g.reduce(OpKind.REDUCE_SUM, x, 0), g.constant(m, t));
        g.output(g.op(OpKind.ADD, g.op(OpKind.MUL, g.op(OpKind.SUB, x, mean), scale), bias));
        g.output(mean, true);
        return g.build();
    }

    @Test
    void reductionsAlongLeadingAxesMatchTheInterpreterBitForBit() {
        for (ScalarType t : TYPES) {
            assertBitExact(normaliseAlong(t, Shape.of(300, 1029), 0), 40);   // chunks and a ragged tail per row
            assertBitExact(normaliseAlong(t, Shape.of(1, 700), 0), 41);
            assertBitExact(normaliseAlong(t, Shape.of(700, 1), 0), 42);      // nothing kept: one serial accumulator
            assertBitExact(normaliseAlong(t, Shape.of(5, 7, 130), 0), 43);   // rank 3, axis 0
            assertBitExact(normaliseAlong(t, Shape.of(5, 7, 130), 0, 1), 44); // a block of leading axes
            assertBitExact(normaliseAlong(t, Shape.of(5, 7, 130), 1), 45);   // the middle axis: an outer loop over axis 0
            assertBitExact(normaliseAlong(t, Shape.of(0, 6), 0), 46);
            assertBitExact(centredAffine(t, 211, 333), 47);
            // nothing transcendental to save: x - mean is recomputed, not staged through the output
            assertTrue(java.util.Arrays.stream(ColumnStaging.stagedIn(centredAffine(t, 4, 3))).allMatch(k -> k < 0));
        }
    }

    @Test
    void columnMaxAndMinAreExactWithNaNAndSignedZeros() {
        for (ScalarType t : TYPES) {
            int m = 9;
            int n = 700;
            FusedGroup g = normaliseAlong(t, Shape.of(m, n), 0);
            Object x = data(t, m * n, 50);
            for (int i = 0; i < m; i++) {
                set(x, i * n + 3, i % 2 == 0 ? -0.0 : 0.0);             // column 3: -0, +0, ...: max +0, min -0
                set(x, i * n + 5, i == 4 ? Double.NaN : i);             // column 5: NaN in the middle wins
                set(x, i * n + 6, i == 8 ? Double.NEGATIVE_INFINITY : i); // column 6: -Inf at the end
            }
            Object[] got = outputsOf(g);
            Object[] want = outputsOf(g);
            compiler.compileHost(g).orElseThrow().run(new Object[] {x}, got);
            new GroupInterpreter(g).run(new Object[] {x}, want);
            for (int o = 0; o < 4; o++) {
                assertTrue(java.util.Objects.deepEquals(want[o], got[o]), t + " output " + o);
            }
            assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(get(got[2], 3)), "max(-0, +0) = +0");
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(get(got[3], 3)), "min(-0, +0) = -0");
            assertTrue(Double.isNaN(get(got[2], 5)) && Double.isNaN(get(got[3], 5)) && Double.isNaN(get(got[1], 5)));
            assertEquals(Double.NEGATIVE_INFINITY, get(got[3], 6));
            assertEquals(Double.NEGATIVE_INFINITY, get(got[1], 6));
            assertEquals(7.0, get(got[2], 6));
        }
    }

    @Test
    void columnSumsAreWithinTheSerialBoundOfTheExactSum() {
        // (m - 1)·u·Σ|x| in double, then one rounding to the output type (half an ulp of the result)
        for (ScalarType t : TYPES) {
            int m = 1500;
            int n = 37;
            GroupBuilder b = new GroupBuilder(Shape.of(m, n));
            b.output(b.reduce(OpKind.REDUCE_SUM, b.input(t, Shape.of(m, n)), 0));
            FusedGroup g = b.build();
            Random r = new Random(60);
            Object x = t == ScalarType.F32 ? new float[m * n] : new double[m * n];
            for (int i = 0; i < m * n; i++) {
                set(x, i, (r.nextDouble() - 0.4) * Math.scalb(1.0, r.nextInt(40) - 20));   // wide range, cancellation
            }
            Object[] got = outputsOf(g);
            compiler.compileHost(g).orElseThrow().run(new Object[] {x}, got);
            for (int j = 0; j < n; j++) {
                BigDecimal exact = BigDecimal.ZERO;
                double abs = 0;
                for (int i = 0; i < m; i++) {
                    exact = exact.add(new BigDecimal(get(x, i * n + j)));
                    abs += Math.abs(get(x, i * n + j));
                }
                double v = get(got[0], j);
                double bound = (m - 1) * 0x1p-53 * abs * 1.01                 // the 1.01: Σ|x| itself rounded
                        + (t == ScalarType.F32 ? Math.ulp((float) v) / 2 : 0);
                double err = new BigDecimal(v).subtract(exact).abs().doubleValue();
                assertTrue(err <= bound, t + " column " + j + ": error " + err + " > " + bound);
            }
        }
    }

    @Test
    void columnSoftmaxIsWithinTheExpBound() {
        for (ScalarType t : TYPES) {
            for (int[] axes : new int[][] {{0}, {0, 1}, {0, 2}}) {
                Shape s = axes.length == 1 ? Shape.of(700, 130) : Shape.of(20, 30, 40);
                FusedGroup g = softmaxAlong(t, s, axes);
                // exp(x - max) is computed once: the sum's stage stores it in the output, the divide reads it back
                String src = HostSourceGenerator.generate(g, "K");
                String lanes = t == ScalarType.F32 ? "l32." : "l64.";
                int expCalls = src.split(java.util.regex.Pattern.quote(lanes + "exp("), -1).length - 1
                        + src.split(java.util.regex.Pattern.quote(lanes + "expChunk("), -1).length - 1;
                assertEquals(1, expCalls, src);
                assertTrue(src.contains("out0[o0 + i] = m3[i];") && src.contains("out0[o0 + i] / red4"), src);
                Object[] in = inputsOf(g, 70);
                Object[] got = outputsOf(g);
                Object[] want = outputsOf(g);
                compiler.compileHost(g).orElseThrow().run(in, got);
                new GroupInterpreter(g).run(in, want);
                long terms = s.size() / s.reduced(axes).size();
                double eps = t == ScalarType.F32 ? 0x1p-24 : 0x1p-53;
                for (int i = 0; i < (int) s.size(); i++) {
                    double w = get(want[0], i);
                    double v = get(got[0], i);
                    if (Double.isNaN(w)) {
                        assertTrue(Double.isNaN(v), "element " + i);
                        continue;
                    }
                    // exp within its ulps (twice: the term and the sum), 4 roundings; the sums are in the same order
                    double bound = (2 * (VectorMath.EXP_F32_ULPS + 4) * eps + 2 * terms * 0x1p-53) * Math.abs(w) + Double.MIN_VALUE;
                    assertTrue(Math.abs(v - w) <= bound, t + " " + s + " element " + i + ": " + v + " vs " + w);
                }
            }
        }
    }

    @Test
    void aColumnGroupRunsWholeAlongTheAxisItReducesAndInPanelsAlongAKeptOne() {
        FusedGroup g = normaliseAlong(ScalarType.F64, Shape.of(6, 5), 0);
        HostKernel k = compiler.compileHost(g).orElseThrow();
        Object[] in = inputsOf(g, 80);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> k.run(in, outputsOf(g), 0, 3));
        assertTrue(e.getMessage().contains("from/to"), e.getMessage());
        FusedGroup middle = normaliseAlong(ScalarType.F64, Shape.of(4, 6, 5), 1);
        HostKernel km = compiler.compileHost(middle).orElseThrow();
        Object[] whole = outputsOf(middle);
        Object[] panels = outputsOf(middle);
        Object[] min = inputsOf(middle, 81);
        km.run(min, whole);
        km.run(min, panels, 0, 1);
        km.run(min, panels, 1, 4);
        for (int o = 0; o < whole.length; o++) {
            assertTrue(java.util.Objects.deepEquals(whole[o], panels[o]), "output " + o);
        }
    }

    /**
     * (x + bias) - max and (x + bias) / sum along {@code axes} (no bias when {@code biasShape} is null), with the sum,
     * max, min and max + 1 as outputs at the reduced shape.
     */
    private static FusedGroup centredAlong(ScalarType t, Shape shape, Shape biasShape, int... axes) {
        GroupBuilder g = new GroupBuilder(shape);
        int x = g.input(t, shape);
        if (biasShape != null) {
            x = g.op(OpKind.ADD, x, g.input(t, biasShape));
        }
        int sum = g.reduce(OpKind.REDUCE_SUM, x, axes);
        int max = g.reduce(OpKind.REDUCE_MAX, x, axes);
        g.output(g.op(OpKind.SUB, x, max));
        g.output(g.op(OpKind.DIV, x, sum));
        g.output(sum);
        g.output(max);
        g.output(g.reduce(OpKind.REDUCE_MIN, x, axes));
        g.output(g.op(OpKind.ADD, max, g.constant(1, t)), true);   // an element value at the reduced shape
        return g.build();
    }

    @Test
    void reductionsOverScatteredAxesRunTheColumnPathAndMatchTheInterpreterBitForBit() {
        // reduced axes among kept ones, the last reduced together with others, and a block with an input broadcast
        // along part of it: serial sums in the interpreter's order; edge extents 1, 2, odd, and rows past a chunk
        Object[][] cases = {
            {Shape.of(3, 4, 5), null, new int[] {0, 2}},
            {Shape.of(2, 1, 1100), null, new int[] {0, 2}},
            {Shape.of(1, 2, 3), null, new int[] {0, 2}},
            {Shape.of(5, 2, 7, 3), null, new int[] {0, 2}},
            {Shape.of(3, 4, 2, 5), null, new int[] {1, 3}},
            {Shape.of(2, 3, 2, 3), null, new int[] {0, 1, 3}},
            {Shape.of(3, 4, 5), Shape.of(5), new int[] {1, 2}},       // bias along part of the trailing block
            {Shape.of(6, 50), Shape.of(50), new int[] {0, 1}},        // every axis, a broadcast row
            {Shape.of(3, 0, 4), null, new int[] {0, 2}},
        };
        long seed = 100;
        for (ScalarType t : TYPES) {
            for (Object[] c : cases) {
                FusedGroup g = centredAlong(t, (Shape) c[0], (Shape) c[1], (int[]) c[2]);
                assertTrue(StridedLoops.columns(ReductionForms.hostForm(g)), g.toString());
                assertBitExact(g, seed++);
            }
        }
    }

    @Test
    void aScatteredReductionRunsWholeAlongAxis0WhenItReducesItAndInPanelsWhenItKeepsIt() {
        FusedGroup g = centredAlong(ScalarType.F64, Shape.of(4, 3, 5), null, 0, 2);
        HostKernel k = compiler.compileHost(g).orElseThrow();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> k.run(inputsOf(g, 90), outputsOf(g), 0, 2));
        assertTrue(e.getMessage().contains("from/to"), e.getMessage());
        FusedGroup kept = centredAlong(ScalarType.F64, Shape.of(4, 3, 5, 2), null, 1, 3);
        HostKernel kk = compiler.compileHost(kept).orElseThrow();
        Object[] in = inputsOf(kept, 91);
        Object[] whole = outputsOf(kept);
        Object[] panels = outputsOf(kept);
        kk.run(in, whole);
        kk.run(in, panels, 0, 3);
        kk.run(in, panels, 3, 4);
        for (int o = 0; o < whole.length; o++) {
            assertTrue(java.util.Objects.deepEquals(whole[o], panels[o]), "output " + o);
        }
        String src = HostSourceGenerator.generate(kept, "K");
        // one accumulator per index of the kept axis 2 (between the reduced ones), serial along the reduced axis 3
        assertTrue(src.contains("double[] c1 = new double[5];"), src);
        assertTrue(src.contains("c1[a_] = c1[a_] + "), src);
    }

    @Test
    void aTrailingBlockOfReducedAxesRunsTheRowPath() {
        // (1, 2) of a rank-3 array with axis 0 kept: rows of d1·d2 elements, lane accumulators; max and min exact,
        // element values of max bit for bit, sums within both the row path's and the interpreter's bound
        Object[][] cases = {
            {Shape.of(3, 4, 5), new int[] {1, 2}},
            {Shape.of(2, 3, 700), new int[] {1, 2}},
            {Shape.of(5, 1, 1), new int[] {1, 2}},
            {Shape.of(2, 3, 2, 5), new int[] {2, 3}},
            {Shape.of(2, 3, 2, 5), new int[] {1, 2, 3}},
            {Shape.of(3, 4, 5), new int[] {1, 2}},
        };
        long seed = 200;
        for (ScalarType t : TYPES) {
            for (int ci = 0; ci < cases.length; ci++) {
                Shape s = (Shape) cases[ci][0];
                int[] axes = (int[]) cases[ci][1];
                // the last case adds a scalar input (broadcast along the whole block) to x
                FusedGroup g = centredAlong(t, s, ci == cases.length - 1 ? Shape.of() : null, axes);
                FusedGroup form = ReductionForms.hostForm(g);
                assertFalse(StridedLoops.columns(form), g.toString());
                assertEquals(axes[0] + 1, form.shape().rank());
                assertTrue(HostSourceGenerator.generate(g, "K").contains("KernelScratch.sumLanes"), "row lanes");
                HostKernel k = compiler.compileHost(g).orElseThrow(() -> new AssertionError(compiler.declineReason(g)));
                Object[] in = inputsOf(g, seed++);
                Object[] got = outputsOf(g);
                Object[] want = outputsOf(g);
                k.run(in, got);
                new GroupInterpreter(g).run(in, want);
                Object[] panels = outputsOf(g);
                k.run(in, panels, 0, 1);
                k.run(in, panels, 1, (int) s.dim(0));
                int len = (int) (s.size() / s.reduced(axes).size());
                for (int o = 0; o < got.length; o++) {
                    assertTrue(java.util.Objects.deepEquals(got[o], panels[o]), "panels, output " + o);
                    for (int i = 0; i < Array.getLength(want[o]); i++) {
                        double w = get(want[o], i);
                        double v = get(got[o], i);
                        if (o != 1 && o != 2) {
                            assertEquals(Double.doubleToRawLongBits(w), Double.doubleToRawLongBits(v), t + " " + s + " output " + o + " element " + i);
                        } else if (o == 2) {
                            double abs = 0;
                            for (int j = 0; j < len; j++) {
                                abs += Math.abs(get(in[0], i * len + j) + (in.length > 1 ? get(in[1], 0) : 0));
                            }
                            assertSumsAgree(w, v, t, len, abs, s + " sum " + i);
                        }
                    }
                }
            }
        }
    }

    /** Two sums of the same n terms (serial and lane-wise) agree within both bounds, NaN and infinities as IEEE says. */
    private static void assertSumsAgree(double want, double got, ScalarType t, int n, double abs, String what) {
        if (Double.isNaN(want) || Double.isInfinite(want) || Double.isNaN(abs) || Double.isInfinite(abs)) {
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), what);
            return;
        }
        double bound = (n + n / F32Lanes.CHUNK + 10) * 0x1p-53 * abs * 1.01
                + (t == ScalarType.F32 ? Math.ulp((float) Math.max(Math.abs(want), Math.abs(got))) : 0);
        assertTrue(Math.abs(want - got) <= bound, what + ": " + got + " vs " + want + ", bound " + bound);
    }

    @Test
    void tupleAxisReductionsAreOneGeneratedKernelThatMatchesTheInterpreter() {
        float[] xs = (float[]) data(ScalarType.F32, 3 * 4 * 5, 300);
        double[] xd = (double[]) data(ScalarType.F64, 3 * 4 * 5, 301);
        for (org.fusemath.fusion.Expr x : java.util.List.of(org.fusemath.fusion.Expr.input("x", xs, 3, 4, 5),
                org.fusemath.fusion.Expr.input("x", xd, 3, 4, 5))) {
            for (org.fusemath.fusion.Expr y : java.util.List.of(x.sub(x.max(0, 2)), x.sub(x.min(1)), x.mul(x.max(-2, -1)),
                    x.sub(x.max(1, 2)).div(x.max(0, 2)))) {
                try (org.fusemath.fusion.FusionPlan p = org.fusemath.fusion.Fusion.plan(y)) {
                    String ex = p.explain();
                    assertFalse(ex.contains("interpreted"), ex);
                    assertTrue(p.explanation().launches().stream().allMatch(l -> l.executor().contains("java-hidden-class")), ex);
                    Object got = p.execute().array();
                    Object want = org.fusemath.fusion.Interpreter.evaluate(y).get(0).array();
                    assertTrue(java.util.Objects.deepEquals(want, got), y + "\n" + ex);
                }
            }
        }
    }
}
