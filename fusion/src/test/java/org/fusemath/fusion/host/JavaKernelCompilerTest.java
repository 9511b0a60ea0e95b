package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;
import org.fusemath.fusion.spi.HostKernel;
import org.junit.jupiter.api.Test;

/** Generated hidden-class kernels against the interpreter: bit-exact for arithmetic, within ulp bounds for transcendentals. */
class JavaKernelCompilerTest {
    private final JavaKernelCompiler compiler = new JavaKernelCompiler();

    /** max(a*x + b, 0) * y - c over (m, n), a, b, c scalars. */
    private static FusedGroup chain(ScalarType t, long m, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(t, Shape.of(m, n));
        int y = g.input(t, Shape.of(m, n));
        int ax = g.op(OpKind.MUL, g.constant(1.5, t), x);
        int r = g.op(OpKind.MAX, g.op(OpKind.ADD, ax, g.constant(-0.25, t)), g.constant(0, t));
        g.output(g.op(OpKind.SUB, g.op(OpKind.MUL, r, y), g.constant(0.75, t)));
        return g.build();
    }

    /** sigmoid(x) * y - 0.25 * tanh(x). */
    private static FusedGroup sigmoidTanh(ScalarType t, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(n));
        int x = g.input(t, Shape.of(n));
        int y = g.input(t, Shape.of(n));
        int s = g.op(OpKind.MUL, g.op(OpKind.SIGMOID, x), y);
        g.output(g.op(OpKind.SUB, s, g.op(OpKind.MUL, g.constant(0.25, t), g.op(OpKind.TANH, x))));
        return g.build();
    }

    private static Object data(ScalarType t, int n, long seed) {
        Random r = new Random(seed);
        if (t == ScalarType.F32) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (r.nextGaussian() * 3);
            }
            a[0] = Float.NaN;
            a[1] = -0f;
            a[2] = Float.POSITIVE_INFINITY;
            return a;
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian() * 3;
        }
        a[0] = Double.NaN;
        a[1] = -0.0;
        a[2] = Double.POSITIVE_INFINITY;
        return a;
    }

    private static double[] run(HostKernel k, FusedGroup g, Object[] in) {
        int n = (int) g.shape().size();
        Object out = g.outputs().get(0).type() == ScalarType.F32 ? new float[n] : new double[n];
        k.run(in, new Object[] {out});
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = out instanceof float[] f ? f[i] : ((double[]) out)[i];
        }
        return d;
    }

    @Test
    void elementwiseChainIsBitExact() {
        for (ScalarType t : new ScalarType[] {ScalarType.F32, ScalarType.F64}) {
            FusedGroup g = chain(t, 37, 129);                  // 4773 elements: chunks and a ragged tail
            HostKernel k = compiler.compileHost(g).orElseThrow();
            Object[] in = {data(t, 4773, 1), data(t, 4773, 2)};
            double[] got = run(k, g, in);
            double[] want = run(new GroupInterpreter(g), g, in);
            for (int i = 0; i < got.length; i++) {
                assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), t + " element " + i);
            }
        }
    }

    @Test
    void transcendentalChainWithinBounds() {
        for (ScalarType t : new ScalarType[] {ScalarType.F32, ScalarType.F64}) {
            FusedGroup g = sigmoidTanh(t, 3001);
            // the whole-chunk forms, which read and write the kernel's chunk arrays without copies
            String src = HostSourceGenerator.generate(g, "K");
            String lanes = t == ScalarType.F32 ? "l32." : "l64.";
            assertTrue(src.contains(lanes + "sigmoidChunk(") && src.contains(lanes + "tanhChunk("), src);
            // each input chunk copied in once, every loop over the whole chunk at [i], the output copied out once
            assertEquals(1, count(src, "System.arraycopy(in0, b0, xs0, 0, n);"), src);
            assertEquals(1, count(src, "System.arraycopy(in1, b1, xs1, 0, n);"), src);
            assertEquals(1, count(src, ", 0, out0, o0, n);"), src);
            assertFalse(src.contains("i < n;") || src.contains("+ i]"), src);
            assertTrue(src.contains("for (int i = 0; i < " + F32Lanes.CHUNK + "; i++)"), src);
            // both calls read x from its chunk copy: no loop copies it again into a call's argument scratch
            assertTrue(src.contains(lanes + "sigmoidChunk(xs0, ") && src.contains(lanes + "tanhChunk(xs0, "), src);
            assertFalse(src.contains("= xs0[i];"), src);
            HostKernel k = compiler.compileHost(g).orElseThrow();
            Object[] in = {data(t, 3001, 3), data(t, 3001, 4)};
            double[] got = run(k, g, in);
            double[] want = run(new GroupInterpreter(g), g, in);
            double eps = t == ScalarType.F32 ? 0x1p-24 : 0x1p-53;
            for (int i = 0; i < got.length; i++) {
                if (Double.isNaN(want[i])) {
                    assertTrue(Double.isNaN(got[i]), "element " + i);
                    continue;
                }
                if (got[i] == want[i]) {
                    continue;
                }
                // Each term carries its function's bound plus one rounding of the product or difference; the
                // interpreter itself is within 1 ulp (Math.exp/tanh). Bound in units of the terms' magnitudes.
                double xi = in[0] instanceof float[] f ? f[i] : ((double[]) in[0])[i];
                double yi = in[1] instanceof float[] f ? f[i] : ((double[]) in[1])[i];
                double scale = Math.abs(yi) + 0.25 + Math.abs(want[i]);
                double bound = 2 * (VectorMath.SIGMOID_F64_ULPS + VectorMath.TANH_F64_ULPS + 4) * eps * scale;
                assertTrue(Math.abs(got[i] - want[i]) <= bound,
                        t + " element " + i + " x=" + xi + ": " + got[i] + " vs " + want[i]);
            }
        }
    }

    @Test
    void cachedByKeyAndRangeRunsPanels() {
        FusedGroup g = chain(ScalarType.F32, 8, 1000);
        HostKernel k1 = compiler.compileHost(g).orElseThrow();
        long compiled = JavaKernelCompiler.compiledCount();
        HostKernel k2 = compiler.compileHost(chain(ScalarType.F32, 8, 1000)).orElseThrow();
        assertSame(k1, k2);
        assertEquals(compiled, JavaKernelCompiler.compiledCount(), "a cached kernel is not compiled again");
        Object[] in = {data(ScalarType.F32, 8000, 5), data(ScalarType.F32, 8000, 6)};
        float[] whole = new float[8000];
        k1.run(in, new Object[] {whole});
        float[] panels = new float[8000];
        k1.run(in, new Object[] {panels}, 0, 3);
        k1.run(in, new Object[] {panels}, 3, 8);
        for (int i = 0; i < 8000; i++) {
            assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(panels[i]), "element " + i);
        }
    }

    @Test
    void rowReductionsMatchTheInterpreter() {
        for (ScalarType t : new ScalarType[] {ScalarType.F32, ScalarType.F64}) {
            // layer norm: no transcendental; the sums (pairwise over lanes here, serial in the interpreter) differ
            // within the bound of a double sum, far below a float's rounding
            FusedGroup ln = org.fusemath.fusion.FusionGroups.layerNorm(t, 7, 1300);
            HostKernel k = compiler.compileHost(ln).orElseThrow();
            Object[] in = {data(t, 7 * 1300, 7)};
            Object[] got = {t == ScalarType.F32 ? new float[7 * 1300] : new double[7 * 1300], t == ScalarType.F32 ? new float[7] : new double[7]};
            Object[] want = {t == ScalarType.F32 ? new float[7 * 1300] : new double[7 * 1300], t == ScalarType.F32 ? new float[7] : new double[7]};
            k.run(in, got);
            new GroupInterpreter(ln).run(in, want);
            for (int o = 0; o < 2; o++) {
                assertWithinSumBound(want[o], got[o], 1300, t + " layer norm output " + o);
            }
            // softmax: exp within its bound; each element within (exp bound + 4 roundings) relative and the sum's bound
            FusedGroup sm = org.fusemath.fusion.FusionGroups.softmax(t, 9, 1100);
            Object[] x = {data(t, 9 * 1100, 8)};
            double[] a = run(compiler.compileHost(sm).orElseThrow(), sm, x);
            double[] b = run(new GroupInterpreter(sm), sm, x);
            double eps = t == ScalarType.F32 ? 0x1p-24 : 0x1p-53;
            for (int i = 0; i < a.length; i++) {
                if (Double.isNaN(b[i])) {
                    assertTrue(Double.isNaN(a[i]), "element " + i);
                    continue;
                }
                // plus the two sums of the row's 1100 positive terms, each within γₙ relative in double
                double sums = 2 * 1100 * 0x1p-53;
                assertTrue(Math.abs(a[i] - b[i]) <= (2 * (VectorMath.EXP_F32_ULPS + 4) * eps + sums) * Math.abs(b[i]) + Double.MIN_VALUE,
                        t + " softmax element " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }

    @Test
    void laterStagesReadKeptValuesInsteadOfRecomputingThem() {
        // softmax: the third stage reads exp(x - max) from the second stage's row buffer, so exp runs once
        String src = HostSourceGenerator.generate(org.fusemath.fusion.FusionGroups.softmax(ScalarType.F32, 9, 1100), "K");
        assertEquals(1, src.split("l32\\.expChunk\\(", -1).length - 1, src);
        // 1100 elements: three chunk arrays per row buffer, one for x (read by two stages, copied once) and one for exp
        assertEquals(2, src.split("= s\\.rowChunksF\\(\\d, 3\\);", -1).length - 1, src);
        assertEquals(1, src.split("System\\.arraycopy\\(in0,", -1).length - 1, src);
        // the exp call writes the kept chunk in place and the last stage reads it there: no copies of kept values
        assertFalse(src.matches("(?s).*System\\.arraycopy\\(k\\d.*"), src);
        // the exp stage touches the next row of x (one load per 64-byte line) for the next row's max
        assertTrue(src.contains("touched_ += in0[q];") && src.contains("q += 16"), src);
        // rows longer than the bound recompute instead (two exp calls, no row buffer)
        long longRow = HostSourceGenerator.KEEP_ROW_LIMIT + 1;
        String big = HostSourceGenerator.generate(org.fusemath.fusion.FusionGroups.softmax(ScalarType.F32, 1, longRow), "K");
        assertEquals(2, big.split("l32\\.expChunk\\(", -1).length - 1, big);
        assertFalse(big.contains("rowChunks"), big);
    }

    @Test
    void shiftedExponentialsOfWholeChunkRowsAreOneLanesCall() {
        // softmax over rows of whole chunks: exp(x - max) and the row sum of it are one expShiftedSumChunk call, with
        // neither the difference's loop nor the sum's (the bits: softmaxRowsAreTheSeparatePassesBitForBit, n = 4096)
        String src = HostSourceGenerator.generate(org.fusemath.fusion.FusionGroups.softmax(ScalarType.F32, 3, 4096), "K");
        assertEquals(1, src.split("l32\\.expShiftedSumChunk\\(xs0, red\\d+, m\\d+, p\\d+\\);", -1).length - 1, src);
        assertFalse(src.contains("l32.expChunk(") || src.contains(" - red") || src.matches("(?s).*p\\d+\\[i\\] = p\\d+\\[i\\] \\+.*"), src);
        // a short last chunk keeps the loops (the call would add its stale tail into the sum)
        String shortChunk = HostSourceGenerator.generate(org.fusemath.fusion.FusionGroups.softmax(ScalarType.F32, 3, 4000), "K");
        assertFalse(shortChunk.contains("expShifted"), shortChunk);
        assertTrue(shortChunk.contains(" - red"), shortChunk);
    }

    @Test
    void aShiftedExponentialWithoutItsSumIsTheSeparatePassesBitForBit() {
        // y = exp(x - max(x, axis=1)), F64 rows of two whole chunks: one expShiftedChunk call per chunk, and the bits
        // of the difference's pass followed by the lanes' exp
        int m = 4;
        int n = 2 * F64Lanes.CHUNK;
        GroupBuilder b = new GroupBuilder(Shape.of(m, n));
        int x = b.input(ScalarType.F64, Shape.of(m, n));
        b.output(b.op(OpKind.EXP, b.op(OpKind.SUB, x, b.reduce(OpKind.REDUCE_MAX, x, 1))));
        FusedGroup g = b.build();
        String src = HostSourceGenerator.generate(g, "K");
        assertEquals(1, src.split("l64\\.expShiftedChunk\\(", -1).length - 1, src);
        double[] in = new double[m * n];
        Random r = new Random(12);
        for (int i = 0; i < in.length; i++) {
            in[i] = r.nextGaussian() * 300;             // differences down to about -2000: exp's slow form too
        }
        in[n + 7] = Double.NaN;
        in[2 * n + 9] = Double.NEGATIVE_INFINITY;
        double[] got = new double[m * n];
        compiler.compileHost(g).orElseThrow().run(new Object[] {in}, new Object[] {got});
        double[] want = new double[m * n];
        for (int row = 0; row < m; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = row * n; i < (row + 1) * n; i++) {
                max = Math.max(max, in[i]);
            }
            for (int i = row * n; i < (row + 1) * n; i++) {
                want[i] = in[i] - max;
            }
        }
        VectorMath.apply(VectorMath.Function.EXP, want, want);
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), "element " + i);
        }
    }

    @Test
    void softmaxRowsAreTheSeparatePassesBitForBit() {
        // the row kernel (x and exp(x - max) kept in row chunk arrays) against its unfused passes built from the same
        // parts: RowReductions' max and sum, the lanes' exp over the whole array; every bit must agree, also for rows
        // with a short last chunk, one element, specials, and a thread's scratch reused across shapes
        int m = 5;
        for (int n : new int[] {1100, 4096, 1, 513, 5000}) {
            float[] x = new float[m * n];
            Random r = new Random(n);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (r.nextGaussian() * 4);
            }
            x[n + n / 2] = Float.NaN;                   // row 1: NaN everywhere
            x[2 * n + n / 3] = Float.POSITIVE_INFINITY; // row 2: NaN from inf - inf
            x[3 * n] = -1e30f;                          // row 3: one element's exp underflows to 0
            FusedGroup g = org.fusemath.fusion.FusionGroups.softmax(ScalarType.F32, m, n);
            float[] got = new float[m * n];
            compiler.compileHost(g).orElseThrow().run(new Object[] {x}, new Object[] {got});
            float[] t = new float[m * n];
            float[] want = new float[m * n];
            for (int row = 0; row < m; row++) {
                float max = RowReductions.max(x, row * n, n);
                for (int i = row * n; i < (row + 1) * n; i++) {
                    t[i] = x[i] - max;
                }
            }
            VectorMath.apply(VectorMath.Function.EXP, t, 0, t, 0, t.length);
            for (int row = 0; row < m; row++) {
                float sum = RowReductions.sum(t, row * n, n);
                for (int i = row * n; i < (row + 1) * n; i++) {
                    want[i] = t[i] / sum;
                }
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), "n = " + n + ", element " + i);
            }
        }
    }

    @Test
    void keptValuesUnderComparisonsAcrossStagesMatchTheInterpreterBitForBit() {
        for (ScalarType t : new ScalarType[] {ScalarType.F32, ScalarType.F64}) {
            // d = x - mean (kept); out = where(d > 0, d, -d) / sum(abs(d)): the comparison is recomputed in the
            // last stage from the kept d; no transcendental, sums in index order, so the bits must agree
            int m = 5;
            int n = 1500;
            GroupBuilder b = new GroupBuilder(Shape.of(m, n));
            int x = b.input(t, Shape.of(m, n));
            int d = b.op(OpKind.SUB, x, b.op(OpKind.DIV, b.reduce(OpKind.REDUCE_SUM, x, 1), b.constant(n, t)));
            int s = b.reduce(OpKind.REDUCE_SUM, b.op(OpKind.ABS, d), 1);
            b.output(b.op(OpKind.DIV, b.op(OpKind.WHERE, b.op(OpKind.GT, d, b.constant(0, t)), d, b.op(OpKind.NEG, d)), s));
            FusedGroup g = b.build();
            assertTrue(HostSourceGenerator.generate(g, "K").matches("(?s).*ks\\d+ = k\\d+\\[jc\\];.*"), "d is kept");
            Object[] in = {data(t, m * n, 11)};
            Object[] got = {t == ScalarType.F32 ? new float[m * n] : new double[m * n]};
            Object[] want = {t == ScalarType.F32 ? new float[m * n] : new double[m * n]};
            compiler.compileHost(g).orElseThrow().run(in, got);
            new GroupInterpreter(g).run(in, want);
            assertWithinSumBound(want[0], got[0], n, t.toString());
            // and again on the same thread: the reused row buffer and lane accumulators hold no stale values
            Object[] again = {t == ScalarType.F32 ? new float[m * n] : new double[m * n]};
            compiler.compileHost(g).orElseThrow().run(in, again);
            assertTrue(java.util.Objects.deepEquals(got[0], again[0]), t + " second run");
        }
    }

    /**
     * Both sides sum rows of n terms in double, each within γₙ·Σ|x| of the exact sum, so results derived from
     * them (means, variances, normalised values of size |y|) differ by at most about 2γₙ(2 + |y|) (the inputs are
     * of order 1-10); a float result may also round to the neighbouring float.
     */
    private static void assertWithinSumBound(Object want, Object got, int n, String what) {
        int len = java.lang.reflect.Array.getLength(want);
        for (int i = 0; i < len; i++) {
            double w = ((Number) java.lang.reflect.Array.get(want, i)).doubleValue();
            double v = ((Number) java.lang.reflect.Array.get(got, i)).doubleValue();
            if (Double.isNaN(w)) {
                assertTrue(Double.isNaN(v), what + " element " + i + " NaN");
                continue;
            }
            double tol = 4 * n * 0x1p-53 * (2 + Math.abs(w)) + (want instanceof float[] ? Math.ulp((float) w) : 0);
            assertTrue(Math.abs(w - v) <= tol, what + " element " + i + ": " + v + " vs " + w + " (tol " + tol + ")");
        }
    }

    @Test
    void rowMaxAndMinAreExactlyTheInterpretersAndSumsAreLaneWise() {
        for (ScalarType t : new ScalarType[] {ScalarType.F32, ScalarType.F64}) {
            int m = 4;
            int n = 1500;
            GroupBuilder b = new GroupBuilder(Shape.of(m, n));
            int x = b.input(t, Shape.of(m, n));
            b.output(b.reduce(OpKind.REDUCE_MAX, x, 1), true);
            b.output(b.reduce(OpKind.REDUCE_MIN, x, 1), true);
            b.output(b.reduce(OpKind.REDUCE_SUM, x, 1), true);
            FusedGroup g = b.build();
            String src = HostSourceGenerator.generate(g, "K");
            assertTrue(src.contains("KernelScratch.sumLanes(") && src.contains("[i] = Math.max("), src);
            Object in0 = data(t, m * n, 12);
            // signed zeros and a NaN in row 1, -0 then +0 so that only an order-free max returns +0
            java.lang.reflect.Array.set(in0, n + 7, t == ScalarType.F32 ? (Object) Float.NaN : (Object) Double.NaN);
            for (int j = 0; j < n; j++) {
                double z = j % 2 == 0 ? -0.0 : 0.0;
                java.lang.reflect.Array.set(in0, 3 * n + j, t == ScalarType.F32 ? (Object) (float) z : (Object) z);
            }
            Object[] in = {in0};
            Object[] got = {t == ScalarType.F32 ? new float[m] : new double[m], t == ScalarType.F32 ? new float[m] : new double[m],
                t == ScalarType.F32 ? new float[m] : new double[m]};
            Object[] want = {t == ScalarType.F32 ? new float[m] : new double[m], t == ScalarType.F32 ? new float[m] : new double[m],
                t == ScalarType.F32 ? new float[m] : new double[m]};
            compiler.compileHost(g).orElseThrow().run(in, got);
            new GroupInterpreter(g).run(in, want);
            assertTrue(java.util.Objects.deepEquals(want[0], got[0]), t + " max");
            assertTrue(java.util.Objects.deepEquals(want[1], got[1]), t + " min");
            assertWithinSumBound(want[2], got[2], n, t + " sum");
            assertEquals(0.0, ((Number) java.lang.reflect.Array.get(got[0], 3)).doubleValue());
            assertEquals(Double.doubleToRawLongBits(0.0),
                    Double.doubleToRawLongBits(((Number) java.lang.reflect.Array.get(got[0], 3)).doubleValue()), "max(-0, +0) = +0");
            assertEquals(Double.doubleToRawLongBits(-0.0),
                    Double.doubleToRawLongBits(((Number) java.lang.reflect.Array.get(got[1], 3)).doubleValue()), "min(-0, +0) = -0");
        }
    }

    @Test
    void everyReductionIsGeneratedAndAComparisonUsedAcrossATranscendentalIsDeclined() {
        // x - max(x, axis=0) and x - max(x, axis=(0, 2)) are generated (column accumulators, StridedKernelsTest)
        GroupBuilder ok = new GroupBuilder(Shape.of(4, 5));
        int x = ok.input(ScalarType.F32, Shape.of(4, 5));
        ok.output(ok.op(OpKind.SUB, x, ok.reduce(OpKind.REDUCE_MAX, x, 0)));
        assertTrue(compiler.compileHost(ok.build()).isPresent(), compiler.declineReason(ok.build()));
        GroupBuilder g = new GroupBuilder(Shape.of(4, 5, 6));
        int y = g.input(ScalarType.F32, Shape.of(4, 5, 6));
        g.output(g.op(OpKind.SUB, y, g.reduce(OpKind.REDUCE_MAX, y, 0, 2)));
        assertTrue(compiler.compileHost(g.build()).isPresent(), compiler.declineReason(g.build()));
    }

    @Test
    void aComparisonUsedAcrossATranscendentalIsRecomputedAfterIt() {
        // where(x > 0, exp(x), x) and where(x + 1 < 0.5, tanh(x), -x) over rows: the comparison is computed before
        // the exp call and read after it; it is recomputed there from its (stored) operands, exactly as before
        for (ScalarType t : new ScalarType[] {ScalarType.F32, ScalarType.F64}) {
            GroupBuilder w = new GroupBuilder(Shape.of(3, 700));
            int z = w.input(t, Shape.of(3, 700));
            w.output(w.op(OpKind.WHERE, w.op(OpKind.GT, z, w.constant(0, t)), w.op(OpKind.EXP, z), z));
            int u = w.op(OpKind.ADD, z, w.constant(1, t));
            w.output(w.op(OpKind.WHERE, w.op(OpKind.LT, u, w.constant(0.5, t)), w.op(OpKind.TANH, z), w.op(OpKind.NEG, z)));
            FusedGroup group = w.build();
            HostKernel k = compiler.compileHost(group).orElseThrow(() -> new AssertionError(compiler.declineReason(group)));
            Object x = t == ScalarType.F32 ? new float[2100] : new double[2100];
            java.util.Random r = new java.util.Random(7);
            for (int i = 0; i < 2100; i++) {
                java.lang.reflect.Array.set(x, i, t == ScalarType.F32 ? (Object) (float) (r.nextGaussian() * 2) : (Object) (r.nextGaussian() * 2));
            }
            java.lang.reflect.Array.set(x, 5, t == ScalarType.F32 ? (Object) Float.NaN : (Object) Double.NaN);
            Object[] got = {t == ScalarType.F32 ? new float[2100] : new double[2100], t == ScalarType.F32 ? new float[2100] : new double[2100]};
            Object[] want = {t == ScalarType.F32 ? new float[2100] : new double[2100], t == ScalarType.F32 ? new float[2100] : new double[2100]};
            k.run(new Object[] {x}, got);
            new GroupInterpreter(group).run(new Object[] {x}, want);
            // the lanes' documented bounds from the exact value, plus the interpreter's own half ulp
            double ulps = 0.5 + (t == ScalarType.F32 ? Math.max(VectorMath.EXP_F32_ULPS, VectorMath.TANH_F32_ULPS)
                    : Math.max(VectorMath.EXP_F64_ULPS, VectorMath.TANH_F64_ULPS));
            for (int o = 0; o < 2; o++) {
                for (int i = 0; i < 2100; i++) {
                    double g = ((Number) java.lang.reflect.Array.get(got[o], i)).doubleValue();
                    double e = ((Number) java.lang.reflect.Array.get(want[o], i)).doubleValue();
                    double ulp = t == ScalarType.F32 ? Math.ulp((float) e) : Math.ulp(e);
                    assertTrue(Double.isNaN(e) ? Double.isNaN(g) : Math.abs(g - e) <= ulps * ulp, t + " output " + o + " element " + i + ": " + g + " vs " + e);
                }
            }
        }
    }

    @Test
    void everyKindOverARowBiasIsGeneratedWithAStridedOuterLoop() {
        // its results against the dense kernel's, bit for bit: StridedKernelsTest
        FusedGroup g = org.fusemath.fusion.FusionGroups.everyKind(33, 65);
        assertTrue(compiler.compileHost(g).isPresent(), compiler.declineReason(g));
        assertTrue(HostSourceGenerator.generate(g, "K").contains("for (int c0 = from * 1; c0 < to * 1; c0++)"));
    }

    /** How many times {@code part} occurs in {@code src}. */
    private static int count(String src, String part) {
        int c = 0;
        for (int at = src.indexOf(part); at >= 0; at = src.indexOf(part, at + 1)) {
            c++;
        }
        return c;
    }
}
