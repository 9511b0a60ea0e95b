package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.fusion.Explanation.LaunchKind;
import org.junit.jupiter.api.Test;

class FusionPlanTest {
    private static final double U64 = 0x1p-53;

    /** Asserts |got − want| ≤ bound[i]·(k+2)·u·4 + 8 ulp(want), the GEMM bound with room for the epilogue's ops. */
    private static void assertWithinGemmBound(HostTensor want, HostTensor got, double[] scale, int k, double scaleFactor) {
        assertArrayEquals(want.shape(), got.shape());
        for (int i = 0; i < scale.length; i++) {
            double w = Data.get(want.array(), i);
            double v = Data.get(got.array(), i);
            double tol = 4 * (k + 2) * U64 * scale[i] * Math.abs(scaleFactor) + 8 * Math.ulp(w);
            assertTrue(Math.abs(w - v) <= tol, "element " + i + ": " + v + " vs " + w + " (tol " + tol + ")");
        }
    }

    @Test
    void reluOfMatmulPlusBiasTimesHalfIsOneLibraryLaunch() {
        int m = 9, k = 7, n = 5;
        double[] a = Data.doubles(m * k, 1), b = Data.doubles(k * n, 2), bias = Data.doubles(n, 3);
        Expr y = Expr.input("A", HostMatrix.of(a, m, k)).matmul(Expr.input("B", HostMatrix.of(b, k, n)))
                .add(Expr.input("bias", bias)).relu().mul(0.5);
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation ex = p.explanation();
            assertEquals(1, ex.launches().size(), p.explain());
            assertEquals(LaunchKind.LIBRARY_MATMUL, ex.launches().get(0).kind());
            assertTrue(ex.launches().get(0).executor().contains("RELU_BIAS alpha=0.5"), p.explain());
            assertEquals(4, ex.launches().get(0).nodes().size());
            assertEquals(8L * (m * k + k * n + n), ex.launches().get(0).bytesRead());
            assertEquals(8L * m * n, ex.launches().get(0).bytesWritten());
            assertWithinGemmBound(Interpreter.evaluate(y).get(0), p.execute(), Data.absProduct(a, b, m, k, n), k, 0.5);
        }
    }

    @Test
    void aScaleThatIsNotAPowerOfTwoRunsPerGemmPanelInsideTheMatmulLaunch() {
        int m = 4, k = 3, n = 6;
        double[] a = Data.doubles(m * k, 4), b = Data.doubles(k * n, 5), bias = Data.doubles(n, 6);
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias)).relu().mul(0.3);
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation ex = p.explanation();
            assertEquals(1, ex.launches().size(), p.explain());
            assertEquals(LaunchKind.LIBRARY_MATMUL, ex.launches().get(0).kind());
            // a group finishes C per panel anyway, so it also adds the bias and applies the ReLU: one pass over C
            assertTrue(ex.launches().get(0).executor().contains("DEFAULT"), p.explain());
            assertTrue(ex.launches().get(0).detail().contains("per GEMM panel"), p.explain());
            assertTrue(ex.launches().get(0).detail().contains("relu(v2)"), p.explain());
            assertTrue(ex.notFused().stream().anyMatch(nf -> nf.reason().equals(MatmulFusion.LEFT_TO_GROUP)), p.explain());
            assertEquals(4, ex.launches().get(0).nodes().size(), p.explain());
            assertEquals(8L * (m * k + k * n + n), ex.launches().get(0).bytesRead(), p.explain());
            assertWithinGemmBound(Interpreter.evaluate(y).get(0), p.execute(), Data.absProduct(a, b, m, k, n), k, 0.3);
        }
    }

    @Test
    void aSquareGemmIsOneCallWithTheGroupAfterItWhileASmallInnerDimensionSplitsIntoPanels() {
        // n = k = 2048 F64: a 16 MiB panel is 1024 rows, under 4·k, so re-packing B per panel would cost more than it saves
        assertEquals(2048, MatmulStep.panelRows(8L * 2048, 2048, 2048));
        assertEquals(3000, MatmulStep.panelRows(8L * 2048, 2048, 3000));
        // k = 64: 1024-row panels (at least 4·k rows)
        assertEquals(1024, MatmulStep.panelRows(8L * 2048, 64, 4096));
        // never more rows than C has, never fewer than 256 (unless C has fewer)
        assertEquals(100, MatmulStep.panelRows(8L * 2048, 3, 100));
        assertEquals(256, MatmulStep.panelRows(8L << 20, 3, 10_000));
    }

    @Test
    void theBenchmarkedChainIsOneGemmCallAndOnePassOverC() {
        int n = 2048;
        Expr y = Expr.placeholder("A", DType.F64, n, n).matmul(Expr.placeholder("B", DType.F64, n, n))
                .add(Expr.placeholder("bias", DType.F64, n)).relu().mul(0.3).add(Expr.placeholder("R", DType.F64, n, n));
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation ex = p.explanation();
            assertEquals(1, ex.launches().size(), p.explain());
            Explanation.Launch l = ex.launches().get(0);
            assertTrue(l.executor().contains("OpenBLAS DEFAULT"), p.explain());
            assertTrue(l.detail().contains("one panel of all 2048 rows, one GEMM call"), p.explain());
            assertTrue(l.detail().contains("add(v0, v1)") && l.detail().contains("relu(v2)"), p.explain());
            assertEquals(5, l.nodes().size(), p.explain());
            assertEquals(8L * (3L * n * n + n), l.bytesRead(), p.explain());
            assertEquals(8L * n * n, l.bytesWritten(), p.explain());
        }
    }

    @Test
    void aBiasComputedByAnotherLaunchStaysInTheEpilogue() {
        // the group after the matmul could not read the bias before the matmul starts: the epilogue keeps it
        int m = 6, k = 4, n = 5;
        double[] a = Data.doubles(m * k, 50), b = Data.doubles(k * n, 51), u = Data.doubles(n, 52), r = Data.doubles(m * n, 53);
        Expr bias = Expr.input("u", u).exp();
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(bias).relu().mul(0.3)
                .add(Expr.input("R", r, m, n));
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation ex = p.explanation();
            assertEquals(1, ex.count(LaunchKind.LIBRARY_MATMUL), p.explain());
            Explanation.Launch l = ex.launches().stream().filter(x -> x.kind() == LaunchKind.LIBRARY_MATMUL).findFirst()
                    .orElseThrow();
            assertTrue(l.executor().contains("RELU_BIAS"), p.explain());
            assertTrue(l.detail().contains("per GEMM panel"), p.explain());
            assertTrue(ex.notFused().stream().noneMatch(nf -> nf.reason().equals(MatmulFusion.LEFT_TO_GROUP)), p.explain());
            assertWithinGemmBound(Interpreter.evaluate(y).get(0), p.execute(), Data.absProduct(a, b, m, k, n), k, 0.3 * 3);
        }
    }

    @Test
    void matmulChainWithAResidualRunsPerGemmPanelOverSeveralPanels() {
        // n = 2048 F64 rows of 16 KiB: 16 MiB panels of 1024 rows, so 1100 rows are two panels (1024 + 76)
        int m = 1100, k = 3, n = 2048;
        double[] a = Data.doubles(m * k, 40), b = Data.doubles(k * n, 41), bias = Data.doubles(n, 42);
        double[] r = Data.doubles(m * n, 43);
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias)).relu()
                .mul(0.7).add(Expr.input("R", r, m, n));
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation ex = p.explanation();
            assertEquals(1, ex.launches().size(), p.explain());
            Explanation.Launch l = ex.launches().get(0);
            assertTrue(l.detail().contains("per GEMM panel") && l.detail().contains("java-hidden-class"), p.explain());
            assertEquals(8L * (m * k + k * n + n + m * n), l.bytesRead(), p.explain());
            assertEquals(8L * m * n, l.bytesWritten(), p.explain());
            assertEquals(1024, MatmulStep.panelRows(8L * n, k, m), "two panels of 1024 and 76 rows");
            assertTrue(l.detail().contains("2 panels of 1024 rows"), p.explain());
            HostTensor want = Interpreter.evaluate(y).get(0);
            double[] scale = Data.absProduct(a, b, m, k, n);
            for (int rep = 0; rep < 2; rep++) {
                HostTensor got = p.execute();
                double[] g = (double[]) got.array();
                double[] w = (double[]) want.array();
                for (int i = 0; i < w.length; i++) {
                    double tol = 0.7 * 4 * (k + 2) * U64 * scale[i] + 8 * Math.ulp(w[i]);
                    assertTrue(Math.abs(w[i] - g[i]) <= tol, "element " + i + ": " + g[i] + " vs " + w[i]);
                }
            }
            double[] r2 = Data.doubles(m * n, 44);
            p.resetOperands(Map.of("R", r2));
            double[] g = (double[]) p.execute().array();
            double[] w = (double[]) want.array();
            assertEquals(w[5] - r[5] + r2[5], g[5], 1e-12, "a new residual is read on the next execute");
        }
    }

    @Test
    void executeIntoWritesTheCallersArrayWithTheBitsOfExecuteAndChecksItFirst() {
        int m = 300, k = 5, n = 64;
        double[] a = Data.doubles(m * k, 50), b = Data.doubles(k * n, 51), bias = Data.doubles(n, 52);
        double[] r = Data.doubles(m * n, 53);
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias)).relu()
                .mul(0.3).add(Expr.input("R", r, m, n));
        try (FusionPlan p = Fusion.plan(y)) {
            double[] want = (double[]) p.execute().array();
            double[] out = new double[m * n];
            HostTensor got = p.executeInto(out);
            assertTrue(got.array() == out, "the result is the caller's array");
            assertArrayEquals(want, out);
            java.util.Arrays.fill(out, Double.NaN);
            p.executeInto(HostTensor.of(org.fusemath.api.DType.F64, new long[] {m, n}, out));
            assertArrayEquals(want, out, "a second call into the same array");
            assertThrows(ShapeMismatchException.class, () -> p.executeInto(new double[m * n - 1]));
            assertThrows(ShapeMismatchException.class,
                    () -> p.executeInto(HostTensor.of(org.fusemath.api.DType.F64, new long[] {n, m}, new double[m * n])));
            assertThrows(InvalidArgumentException.class, () -> p.executeInto(new float[m * n]));
            assertThrows(InvalidArgumentException.class, () -> p.executeInto(r), "R is an input's array");
            assertThrows(InvalidArgumentException.class, () -> p.executeInto(
                    HostTensor.of(org.fusemath.api.DType.F64, new long[] {m, n}, true, new double[m * n])));
            assertArrayEquals(want, (double[]) p.execute().array(), "execute still returns a new array");
        }
        float[] x = Data.floats(40, 54);
        try (FusionPlan p = Fusion.plan(Expr.input("x", x, 4, 10).mul(2).exp())) {
            float[] out = new float[40];
            p.executeInto(out);
            assertArrayEquals((float[]) p.execute().array(), out);
        }
    }

    @Test
    void aMatmulResultAlsoReadElsewhereIsNotFinishedPerPanel() {
        int m = 4, k = 3, n = 6;
        double[] a = Data.doubles(m * k, 4), b = Data.doubles(k * n, 5);
        Expr c = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n));
        try (FusionPlan p = Fusion.plan(c.mul(0.3).exp(), c.sum(1))) {
            Explanation ex = p.explanation();
            assertEquals(1, ex.count(LaunchKind.LIBRARY_MATMUL), p.explain());
            assertTrue(ex.notFused().stream().anyMatch(nf -> nf.reason().startsWith("not finished per GEMM panel")), p.explain());
            assertTrue(ex.count(LaunchKind.FUSED_KERNEL) >= 1, p.explain());
            List<HostTensor> got = p.executeAll();
            List<HostTensor> want = Interpreter.evaluate(c.mul(0.3).exp(), c.sum(1));
            for (int o = 0; o < 2; o++) {
                double[] g = (double[]) got.get(o).array();
                double[] w = (double[]) want.get(o).array();
                for (int i = 0; i < w.length; i++) {
                    assertEquals(w[i], g[i], 1e-12 * (1 + Math.abs(w[i])), "output " + o + " element " + i);
                }
            }
        }
    }

    @Test
    void sixOpElementwiseChainIsOneKernel() {
        int n = 1000;
        float[] x = Data.floats(n, 7), y = Data.floats(n, 8);
        Expr ex = Expr.input("x", x).mul(1.5).add(0.25).maximum(0).mul(Expr.input("y", y)).sub(0.125).tanh();
        try (FusionPlan p = Fusion.plan(ex)) {
            Explanation e = p.explanation();
            assertEquals(1, e.launches().size(), p.explain());
            assertEquals(LaunchKind.FUSED_KERNEL, e.launches().get(0).kind());
            assertEquals(6, e.launches().get(0).nodes().size());
            assertEquals(4L * 3 * n, e.launches().get(0).bytesRead() + e.launches().get(0).bytesWritten());
            HostTensor got = p.execute();
            float[] g = (float[]) got.array();
            for (int i = 0; i < n; i++) {
                float v = (float) Math.tanh((Math.max(x[i] * 1.5f + 0.25f, 0f) * y[i]) - 0.125f);
                assertEquals(v, g[i], 4 * Math.ulp(v), "element " + i);
            }
        }
    }

    @Test
    void softmaxOfAMatmulIsOneMatmulAndOneKernel() {
        int m = 6, k = 4, n = 5;
        double[] a = Data.doubles(m * k, 9), b = Data.doubles(k * n, 10);
        Expr s = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).softmax(1);
        try (FusionPlan p = Fusion.plan(s)) {
            Explanation e = p.explanation();
            assertEquals(2, e.launches().size(), p.explain());
            assertEquals(LaunchKind.LIBRARY_MATMUL, e.launches().get(0).kind());
            assertEquals(LaunchKind.FUSED_KERNEL, e.launches().get(1).kind());
            assertTrue(e.launches().get(1).detail().contains("in 3 loops"), p.explain());
            double[] got = (double[]) p.execute().array();
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    assertTrue(got[i * n + j] > 0);
                    sum += got[i * n + j];
                }
                assertEquals(1.0, sum, 8 * n * U64);
            }
            HostTensor want = Interpreter.evaluate(s).get(0);
            double[] w = (double[]) want.array();
            for (int i = 0; i < w.length; i++) {
                // the product's error (≤ (k+2)·u·|A||B| ≈ 1e-15 here) moves exp by the same relative amount
                assertEquals(w[i], got[i], 64 * (k + 2) * U64 * Math.abs(w[i]) * 10);
            }
        }
    }

    @Test
    void layerNormAlongRowsIsOneKernel() {
        int m = 5, n = 8;
        double[] x = Data.doubles(m * n, 11);
        Expr in = Expr.input("x", x, m, n);
        Expr centered = in.sub(in.mean(1));
        Expr y = centered.mul(centered.square().mean(1).add(1e-5).rsqrt());
        try (FusionPlan p = Fusion.plan(y)) {
            assertEquals(1, p.explanation().launches().size(), p.explain());
            double[] got = (double[]) p.execute().array();
            for (int i = 0; i < m; i++) {
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    mean += x[i * n + j];
                }
                mean /= n;
                double var = 0;
                for (int j = 0; j < n; j++) {
                    var += (x[i * n + j] - mean) * (x[i * n + j] - mean);
                }
                var /= n;
                for (int j = 0; j < n; j++) {
                    double want = (x[i * n + j] - mean) / Math.sqrt(var + 1e-5);
                    assertEquals(want, got[i * n + j], 64 * n * U64 * (1 + Math.abs(want)));
                }
            }
        }
    }

    @Test
    void repeatedSubexpressionsAreComputedOnce() {
        double[] x = Data.doubles(50, 12);
        Expr a = Expr.input("x", x).exp().add(1);
        Expr b = Expr.input("x", x).exp().add(1);   // built again: structurally the same
        Expr y = a.mul(b);
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation e = p.explanation();
            assertEquals(4, e.mergedSubexpressions(), p.explain());   // x, exp(x), the literal 1, exp(x) + 1
            assertEquals(3, e.launches().get(0).nodes().size(), p.explain());
            long exps = e.launches().get(0).detail().lines().filter(l -> l.contains("exp(")).count();
            assertEquals(1, exps, p.explain());
            double[] got = (double[]) p.execute().array();
            for (int i = 0; i < x.length; i++) {
                double v = Math.exp(x[i]) + 1;
                // a generated exp is within a few ulps of Math.exp (the interpreter's is Math.exp itself)
                assertEquals(v * v, got[i], 8 * Math.ulp(v * v));
            }
        }
    }

    @Test
    void betaTimesCFoldsIntoTheMatmul() {
        int m = 3, k = 4, n = 2;
        double[] a = Data.doubles(m * k, 13), b = Data.doubles(k * n, 14), c = Data.doubles(m * n, 15);
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("C", c, m, n).mul(2));
        try (FusionPlan p = Fusion.plan(y)) {
            assertEquals(1, p.explanation().launches().size(), p.explain());
            assertTrue(p.explanation().launches().get(0).executor().contains("beta=2.0"), p.explain());
            double[] scale = Data.absProduct(a, b, m, k, n);
            for (int i = 0; i < scale.length; i++) {
                scale[i] += 2 * Math.abs(c[i]);
            }
            assertWithinGemmBound(Interpreter.evaluate(y).get(0), p.execute(), scale, k, 1);
            assertArrayEquals(Data.doubles(m * n, 15), c, "C is read, never written");
        }
    }

    @Test
    void geluTanhWithThePreActivationAlsoUsedIsTheAuxEpilogue() {
        int m = 4, k = 5, n = 3;
        double[] a = Data.doubles(m * k, 16), b = Data.doubles(k * n, 17), bias = Data.doubles(n, 18);
        Expr h = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias));
        try (FusionPlan p = Fusion.plan(h.geluTanh(), h)) {
            assertEquals(1, p.explanation().launches().size(), p.explain());
            assertTrue(p.explanation().launches().get(0).executor().contains("GELU_AUX_BIAS"), p.explain());
            List<HostTensor> got = p.executeAll();
            List<HostTensor> want = Interpreter.evaluate(h.geluTanh(), h);
            double[] scale = Data.absProduct(a, b, m, k, n);
            assertWithinGemmBound(want.get(0), got.get(0), scale, k, 2);
            assertWithinGemmBound(want.get(1), got.get(1), scale, k, 1);
        }
        try (FusionPlan p = Fusion.plan(h.gelu())) {
            // the erf form is a generated kernel over each GEMM panel of the matmul's result, which also adds the bias
            assertEquals(1, p.explanation().launches().size(), p.explain());
            assertTrue(p.explanation().launches().get(0).executor().contains("DEFAULT"), p.explain());
            assertTrue(p.explanation().launches().get(0).detail().contains("per GEMM panel"), p.explain());
            assertTrue(p.explanation().launches().get(0).detail().contains("gelu(v2)"), p.explain());
            assertWithinGemmBound(Interpreter.evaluate(h.gelu()).get(0), p.execute(), Data.absProduct(a, b, m, k, n), k, 2);
        }
    }

    @Test
    void aCachedPlanDoesNoPlanningWork() {
        int n = 64;
        Expr y1 = Expr.input("x", Data.doubles(n, 20)).sigmoid().mul(Expr.input("y", Data.doubles(n, 21)));
        FusionPlan p1 = Fusion.plan(y1);
        long before = Fusion.planningCount();
        double[] x2 = Data.doubles(n, 22);
        double[] y2 = Data.doubles(n, 23);
        FusionPlan p2 = Fusion.plan(Expr.input("x", x2).sigmoid().mul(Expr.input("y", y2)));
        assertEquals(before, Fusion.planningCount(), "the same structure, shapes and dtypes come from the cache");
        double[] got = (double[]) p2.execute().array();
        double want = 1 / (1 + Math.exp(-x2[5])) * y2[5];
        assertEquals(want, got[5], 8 * Math.ulp(want));
        p1.resetOperands(Map.of("x", x2, "y", y2));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(got, (double[]) p1.execute().array());
        }
        assertEquals(before, Fusion.planningCount(), "executing and rebinding plan nothing");
        Fusion.plan(Expr.input("x", Data.doubles(n + 1, 20)).sigmoid());
        assertEquals(before + 1, Fusion.planningCount(), "a new shape is planned");
        assertThrows(ShapeMismatchException.class, () -> p1.resetOperands(Map.of("x", new double[n + 1])));
        assertThrows(InvalidArgumentException.class, () -> p1.resetOperands(Map.of("z", x2)));
        assertThrows(InvalidArgumentException.class, () -> p1.resetOperands(Map.of("x", new float[n])));
        p1.close();
        p2.close();
        assertThrows(IllegalStateException.class, p1::execute);
    }

    @Test
    void buildTimeErrorsNameTheNode() {
        Expr a = Expr.input("A", new double[6], 2, 3);
        Expr b = Expr.input("B", new double[8], 2, 4);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("add(A, B)") && e.getMessage().contains("(2, 3)"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().contains("matmul(A, B)") && e.getMessage().contains("inner extents 3 and 2"), e.getMessage());
        InvalidArgumentException bool = assertThrows(InvalidArgumentException.class, () -> a.gt(0).add(1));
        assertTrue(bool.getMessage().contains("comparison A > 0"), bool.getMessage());
        assertThrows(InvalidArgumentException.class, () -> a.sum(2));
        assertThrows(InvalidArgumentException.class, () -> Expr.where(a, a, a));
        assertThrows(InvalidArgumentException.class, () -> Fusion.plan(a.gt(0)));
        Expr other = Expr.input("A", new double[6], 3, 2);
        assertThrows(InvalidArgumentException.class, () -> Fusion.plan(a.add(other.matmul(other, true, false))));
    }

    @Test
    void aValueOfAnotherShapeIsStoredAndReadBroadcastWithTheReason() {
        int m = 4, n = 3;
        double[] x = Data.doubles(m * n, 30);
        double[] v = Data.doubles(n, 31);
        Expr row = Expr.input("v", v).exp();                      // shape (n,): its own group
        Expr y = Expr.input("x", x, m, n).add(row).sum(0, 1);   // a full-shape group reading it broadcast
        try (FusionPlan p = Fusion.plan(y, Expr.input("s", new double[] {2}, new long[0]).sum())) {
            Explanation e = p.explanation();
            assertEquals(3, e.launches().size(), p.explain());
            assertTrue(e.notFused().stream().anyMatch(f -> f.reason().contains("differs from the group's iteration space")),
                    p.explain());
            List<HostTensor> got = p.executeAll();
            double want = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    want += x[i * n + j] + Math.exp(v[j]);
                }
            }
            assertEquals(want, ((double[]) got.get(0).array())[0], 1e-13);
            assertEquals(2.0, ((double[]) got.get(1).array())[0]);
        }
    }

    @Test
    void nothingFusesThroughAMatmul() {
        int m = 3, k = 4, n = 2;
        double[] a = Data.doubles(m * k, 40), b = Data.doubles(k * n, 41);
        Expr y = Expr.input("A", a, m, k).exp().matmul(Expr.input("B", b, k, n)).exp();
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation e = p.explanation();
            // exp(A) is its own kernel before the matmul; the exp after it runs per GEMM panel inside the matmul launch
            assertEquals(List.of(LaunchKind.FUSED_KERNEL, LaunchKind.LIBRARY_MATMUL),
                    e.launches().stream().map(Explanation.Launch::kind).toList(), p.explain());
            assertTrue(e.launches().get(1).detail().contains("per GEMM panel"), p.explain());
            assertTrue(e.notFused().stream().anyMatch(f -> f.reason().contains("operand of the library matmul")), p.explain());
            double[] got = (double[]) p.execute().array();
            double[] want = (double[]) Interpreter.evaluate(y).get(0).array();
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-12 * Math.abs(want[i]));
            }
        }
    }

    @Test
    void dtypesFollowNumpy() {
        Expr f = Expr.input("f", new float[] {1, 2, 3});
        Expr d = Expr.input("d", new double[] {1, 2, 3});
        assertEquals(org.fusemath.api.DType.F32, f.mul(0.1).dtype());
        assertEquals(org.fusemath.api.DType.F64, f.add(d).dtype());
        assertEquals(org.fusemath.api.DType.F32, Expr.where(d.gt(1), f, 2.0 > 1 ? f.neg() : f).dtype());
        assertEquals(org.fusemath.api.DType.F64, Expr.scalar(2).mul(3).dtype());
        HostTensor r = Fusion.evaluate(f.mul(0.1)).get(0);
        assertEquals(0.1f * 3f, ((float[]) r.array())[2], 0.0f);
        assertEquals(3 * (double) 0.1f, ((double[]) Fusion.evaluate(f.astype(org.fusemath.api.DType.F64).mul(Expr.constant(0.1, org.fusemath.api.DType.F32).astype(org.fusemath.api.DType.F64))).get(0).array())[2], 0.0);
    }

    @Test
    void reluOfScaledInputPlusARowVectorBiasIsOneGeneratedKernel() {
        int m = 37, n = 129;
        float[] x = Data.floats(m * n, 50), bias = Data.floats(n, 51);
        x[5] = Float.NaN;
        x[6] = Float.NEGATIVE_INFINITY;
        bias[7] = Float.POSITIVE_INFINITY;
        Expr y = Expr.input("x", x, m, n).mul(Expr.input("s", new float[] {1.5f}, new long[0]))
                .add(Expr.input("bias", bias)).relu();
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation e = p.explanation();
            assertEquals(1, e.launches().size(), p.explain());
            assertEquals(LaunchKind.FUSED_KERNEL, e.launches().get(0).kind());
            assertEquals("java-hidden-class", e.launches().get(0).executor(), p.explain());
            assertTrue(!p.explain().contains("interpreted"), p.explain());
            float[] got = (float[]) p.execute().array();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float want = Math.max(x[i * n + j] * 1.5f + bias[j], 0f);
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got[i * n + j]), "element " + i + "," + j);
                }
            }
        }
    }

    @Test
    void standardisingWithKeepdimsColumnStatisticsIsOneGeneratedKernel() {
        int m = 6, n = 300;
        double[] x = Data.doubles(m * n, 52), mean = Data.doubles(m, 53), std = Data.doubles(m, 54);
        Expr y = Expr.input("x", x, m, n).sub(Expr.input("mean", mean, m, 1)).div(Expr.input("std", std, m, 1));
        try (FusionPlan p = Fusion.plan(y)) {
            assertEquals(1, p.explanation().launches().size(), p.explain());
            assertEquals("java-hidden-class", p.explanation().launches().get(0).executor(), p.explain());
            double[] got = (double[]) p.execute().array();
            for (int i = 0; i < m * n; i++) {
                assertEquals((x[i] - mean[i / n]) / std[i / n], got[i], 0.0, "element " + i);
            }
        }
    }

    @Test
    void dividingByTheColumnSumsIsOneGeneratedKernel() {
        int m = 40, n = 7;
        double[] x = Data.doubles(m * n, 55);
        Expr in = Expr.input("x", x, m, n);
        Expr y = in.div(in.sum(0));
        try (FusionPlan p = Fusion.plan(y)) {
            Explanation e = p.explanation();
            assertEquals(1, e.launches().size(), p.explain());
            assertEquals("java-hidden-class", e.launches().get(0).executor(), p.explain());
            assertTrue(e.launches().get(0).detail().contains("reducing axes [0] in 2 loops"), p.explain());
            double[] got = (double[]) p.execute().array();
            double[] want = (double[]) Interpreter.evaluate(y).get(0).array();
            // the same serial double sums per column: bit for bit
            assertArrayEquals(want, got);
        }
    }

    @Test
    void columnSoftmaxAndMaxDiamondsAreOneGeneratedKernelEach() {
        int m = 50, n = 9;
        float[] x = Data.floats(m * n, 56);
        Expr in = Expr.input("x", x, m, n);
        for (Expr y : List.of(in.softmax(0), in.sub(in.max(0)), in.mean(0), in.min(0))) {
            try (FusionPlan p = Fusion.plan(y)) {
                assertEquals(1, p.explanation().launches().size(), p.explain());
                assertEquals("java-hidden-class", p.explanation().launches().get(0).executor(), p.explain());
                float[] got = (float[]) p.execute().array();
                float[] want = (float[]) Interpreter.evaluate(y).get(0).array();
                for (int i = 0; i < want.length; i++) {
                    // exp's stated bound (softmax) plus the m-term double sums; exact for the rest
                    double tol = (2 * (org.fusemath.fusion.host.VectorMath.EXP_F32_ULPS + 4) * 0x1p-24 + 2 * m * U64) * Math.abs(want[i]);
                    assertEquals(want[i], got[i], tol, "element " + i);
                }
            }
        }
    }
}
