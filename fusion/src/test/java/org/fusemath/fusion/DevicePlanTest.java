package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.fusion.Explanation.LaunchKind;
import org.fusemath.fusion.ir.Node;
import org.junit.jupiter.api.Test;

/**
 * Device plans, planned without a device and executed through {@link CpuDeviceCalls}: the plan shapes (one cuBLASLt
 * launch for matmul + bias + ReLU + scale, one kernel for an element-wise chain, one matmul and one kernel for a
 * softmax of a matmul), the launch sequence (inputs copied in once, intermediates staying in device buffers, only the
 * roots copied back), and the results against host execution of the same expressions.
 */
class DevicePlanTest {
    private static final double U64 = 0x1p-53;
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    /** A device plan over the fake, and the fake. */
    private record Planned(FusionPlan plan, CpuDeviceCalls calls, PlanTemplate template) implements AutoCloseable {
        @Override
        public void close() {
            plan.close();
        }
    }

    private static Planned device(Expr... roots) {
        List<Node> nodes = new ArrayList<>();
        for (Expr e : roots) {
            nodes.add(e.node());
        }
        Graph g = new Graph(nodes);
        CpuDeviceCalls calls = new CpuDeviceCalls();
        PlanTemplate t = DevicePlanner.plan(g, Execution.device(0), calls.factory());
        return new Planned(new FusionPlan(t, g.inputs, DEVICE), calls, t);
    }

    /** The same expressions on the host, every group interpreted (the oracle the generated kernels are held to). */
    private static List<HostTensor> hostInterpreted(Expr... roots) {
        List<Node> nodes = new ArrayList<>();
        for (Expr e : roots) {
            nodes.add(e.node());
        }
        Graph g = new Graph(nodes);
        try (FusionPlan p = new FusionPlan(Planner.plan(g, Execution.HOST, List.of()), g.inputs, FuseContext.defaults())) {
            return p.executeAll();
        }
    }

    /** |got − want| ≤ 4·(k+2)·u·scale[i]·|s| + 8 ulp(want): the GEMM bound with room for the epilogue's ops. */
    private static void assertWithinGemmBound(HostTensor want, HostTensor got, double[] scale, int k, double s) {
        assertArrayEquals(want.shape(), got.shape());
        for (int i = 0; i < scale.length; i++) {
            double w = Data.get(want.array(), i);
            double v = Data.get(got.array(), i);
            double tol = 4 * (k + 2) * U64 * scale[i] * Math.abs(s) + 8 * Math.ulp(w);
            assertTrue(Math.abs(w - v) <= tol, "element " + i + ": " + v + " vs " + w + " (tol " + tol + ")");
        }
    }

    private static List<String> calls(CpuDeviceCalls c, String prefix) {
        return c.log().stream().filter(l -> l.startsWith(prefix + " ")).toList();
    }

    @Test
    void reluOfMatmulPlusBiasTimesHalfIsExactlyOneCublasLtLaunch() {
        int m = 9, k = 7, n = 5;
        double[] a = Data.doubles(m * k, 1), b = Data.doubles(k * n, 2), bias = Data.doubles(n, 3);
        Expr y = Expr.input("A", HostMatrix.of(a, m, k)).matmul(Expr.input("B", HostMatrix.of(b, k, n)))
                .add(Expr.input("bias", bias)).relu().mul(0.5);
        try (Planned d = device(y)) {
            Explanation ex = d.plan().explanation();
            assertEquals("device:0", ex.space());
            assertEquals(1, ex.launches().size(), d.plan().explain());
            Explanation.Launch l = ex.launches().get(0);
            assertEquals(LaunchKind.LIBRARY_MATMUL, l.kind());
            assertEquals("cuBLASLt RELU_BIAS alpha=0.5", l.executor(), d.plan().explain());
            assertEquals(4, l.nodes().size());
            assertEquals(8L * (m * k + k * n + n), l.bytesRead());
            assertEquals(8L * m * n, l.bytesWritten());
            assertTrue(l.detail().contains("device call: cuBLASLt F64"), l.detail());
            assertTrue(l.detail().contains("epilogue RELU_BIAS"), l.detail());
            assertTrue(l.detail().contains("scaled by 0.5 for the epilogue"), l.detail());
            assertTrue(l.detail().contains("copied back to the host: " + y.node().describe()), l.detail());

            HostTensor got = d.plan().execute();
            assertWithinGemmBound(Interpreter.evaluate(y).get(0), got, Data.absProduct(a, b, m, k, n), k, 0.5);
            CpuDeviceCalls c = d.calls();
            assertEquals(0, c.count("kernel"), c.log().toString());
            assertEquals(1, c.count("matmul"), c.log().toString());
            assertEquals(3, c.count("upload"), "A, B and the scaled bias: " + c.log());
            assertEquals(1, c.count("download"), "only the result comes back: " + c.log());
            assertEquals(3 + 1, c.buffers(), "A, B, the scaled bias and D: " + c.log());
            // the bias went to the device scaled by the power of two that was folded into alpha
            String mm = calls(c, "matmul").get(0);
            long biasHandle = Long.parseLong(mm.substring(mm.indexOf("bias #") + 6));
            double[] sent = (double[]) c.uploaded(biasHandle);
            for (int j = 0; j < n; j++) {
                assertEquals(bias[j] * 0.5, sent[j]);
            }
            assertArrayEquals(Data.doubles(n, 3), bias, "the caller's bias is not scaled in place");
        }
    }

    @Test
    void sixOpElementwiseChainIsOneGeneratedKernel() {
        int n = 1000;
        float[] x = Data.floats(n, 7), y = Data.floats(n, 8);
        Expr ex = Expr.input("x", x).mul(1.5).add(0.25).maximum(0).mul(Expr.input("y", y)).sub(0.125).tanh();
        try (Planned d = device(ex)) {
            Explanation e = d.plan().explanation();
            assertEquals(1, e.launches().size(), d.plan().explain());
            Explanation.Launch l = e.launches().get(0);
            assertEquals(LaunchKind.FUSED_KERNEL, l.kind());
            assertTrue(l.executor().startsWith("NVRTC kernel fused_"), l.executor());
            assertEquals(6, l.nodes().size());
            assertEquals(4L * 2 * n, l.bytesRead());
            assertEquals(4L * n, l.bytesWritten());
            assertTrue(l.detail().contains("grid-stride loop, grid 1 x 256 threads, parameters (in0, in1, out0, n)"), l.detail());
            HostTensor got = d.plan().execute();
            assertArrayEquals((float[]) hostInterpreted(ex).get(0).array(), (float[]) got.array());
            CpuDeviceCalls c = d.calls();
            assertEquals(List.of("upload", "upload", "kernel", "download"),
                    c.log().stream().map(s -> s.split(" ")[0]).filter(s -> !s.equals("allocate")).toList());
        }
    }

    @Test
    void softmaxOfAMatmulIsOneMatmulAndOneKernelReadingTheMatmulsBuffer() {
        int m = 6, k = 4, n = 5;
        double[] a = Data.doubles(m * k, 9), b = Data.doubles(k * n, 10);
        Expr s = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).softmax(1);
        try (Planned d = device(s)) {
            Explanation e = d.plan().explanation();
            assertEquals(2, e.launches().size(), d.plan().explain());
            assertEquals(LaunchKind.LIBRARY_MATMUL, e.launches().get(0).kind());
            assertEquals("cuBLASLt DEFAULT", e.launches().get(0).executor());
            assertEquals(LaunchKind.FUSED_KERNEL, e.launches().get(1).kind());
            assertTrue(e.launches().get(1).detail().contains("one block per outer index, grid " + m + " x 256 threads"),
                    e.launches().get(1).detail());
            assertTrue(e.launches().get(1).detail().contains("parameters (in0, out0, rows)"), e.launches().get(1).detail());
            double[] got = (double[]) d.plan().execute().array();
            CpuDeviceCalls c = d.calls();
            String mm = calls(c, "matmul").get(0);
            String product = mm.substring(mm.indexOf("-> ") + 3);
            String kernel = calls(c, "kernel").get(0);
            assertTrue(kernel.contains(" in " + product + " out "), "the kernel reads D where cuBLASLt left it: " + c.log());
            assertEquals(1, c.count("download"), "the product stays on the device: " + c.log());
            assertTrue(!c.log().contains("download " + product), c.log().toString());
            double[] w = (double[]) Interpreter.evaluate(s).get(0).array();
            for (int i = 0; i < w.length; i++) {
                assertEquals(w[i], got[i], 64 * (k + 2) * U64 * Math.abs(w[i]) * 10);
            }
        }
    }

    @Test
    void theAuxEpilogueKeepsThePreActivationOnTheDeviceAndBothRootsComeBack() {
        int m = 4, k = 5, n = 8;
        double[] a = Data.doubles(m * k, 16), b = Data.doubles(k * n, 17), bias = Data.doubles(n, 18);
        Expr h = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias));
        try (Planned d = device(h.geluTanh(), h)) {
            assertEquals(1, d.plan().explanation().launches().size(), d.plan().explain());
            assertEquals("cuBLASLt GELU_AUX_BIAS", d.plan().explanation().launches().get(0).executor());
            List<HostTensor> got = d.plan().executeAll();
            List<HostTensor> want = Interpreter.evaluate(h.geluTanh(), h);
            double[] scale = Data.absProduct(a, b, m, k, n);
            assertWithinGemmBound(want.get(0), got.get(0), scale, k, 2);
            assertWithinGemmBound(want.get(1), got.get(1), scale, k, 1);
            assertEquals(2, d.calls().count("download"), d.calls().log().toString());
        }
    }

    @Test
    void betaTimesAComputedCIsCopiedIntoDOnTheDevice() {
        int m = 3, k = 4, n = 2;
        double[] a = Data.doubles(m * k, 13), b = Data.doubles(k * n, 14), c = Data.doubles(m * n, 15);
        Expr cIn = Expr.input("C", c, m, n);
        for (Expr cc : new Expr[] {cIn, cIn.exp()}) {
            Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(cc.mul(2));
            try (Planned d = device(y)) {
                Explanation e = d.plan().explanation();
                Explanation.Launch mm = e.launches().get(e.launches().size() - 1);
                assertTrue(mm.executor().contains("beta=2.0"), d.plan().explain());
                HostTensor got = d.plan().execute();
                HostTensor want = Interpreter.evaluate(y).get(0);
                double[] scale = Data.absProduct(a, b, m, k, n);
                for (int i = 0; i < scale.length; i++) {
                    scale[i] += 2 * Math.abs(Data.get(hostInterpreted(cc).get(0).array(), i));
                }
                assertWithinGemmBound(want, got, scale, k, 1);
                boolean computed = cc != cIn;
                assertEquals(computed ? 1 : 0, d.calls().count("copy"), d.calls().log().toString());
                assertEquals(computed ? 2 : 1, e.launches().size(), d.plan().explain());
                assertArrayEquals(Data.doubles(m * n, 15), c, "C is read, never written");
            }
        }
    }

    @Test
    void aComputedBiasIsScaledOnTheDeviceForTheEpilogue() {
        int m = 5, k = 3, n = 4;
        double[] a = Data.doubles(m * k, 21), b = Data.doubles(k * n, 22), bias = Data.doubles(n, 23);
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias).exp()).relu().mul(0.25);
        try (Planned d = device(y)) {
            Explanation e = d.plan().explanation();
            assertEquals(3, e.launches().size(), d.plan().explain());
            assertEquals(LaunchKind.FUSED_KERNEL, e.launches().get(0).kind());
            assertTrue(e.launches().get(1).detail().startsWith("scales the bias"), d.plan().explain());
            assertEquals("cuBLASLt RELU_BIAS alpha=0.25", e.launches().get(2).executor());
            double[] scale = Data.absProduct(a, b, m, k, n);
            assertWithinGemmBound(Interpreter.evaluate(y).get(0), d.plan().execute(), scale, k, 0.25);
            assertEquals(2, d.calls().count("kernel"), d.calls().log().toString());
        }
    }

    @Test
    void diamondsAndSeveralRootsShareBuffersAndOnlyRootsComeBack() {
        int m = 7, n = 33;
        float[] x = Data.floats(m * n, 31);
        float[] bias = Data.floats(n, 32);
        Expr in = Expr.input("x", x, m, n);
        Expr centered = in.sub(in.mean(1));
        Expr norm = centered.mul(centered.square().mean(1).add(1e-5).rsqrt()).add(Expr.input("bias", bias));
        Expr other = in.max(0);   // a reduction over all of x, of another iteration space
        try (Planned d = device(norm, other, in)) {
            List<HostTensor> got = d.plan().executeAll();
            List<HostTensor> want = hostInterpreted(norm, other, in);
            for (int r = 0; r < 3; r++) {
                assertArrayEquals((float[]) want.get(r).array(), (float[]) got.get(r).array(), "root " + r);
            }
            Explanation e = d.plan().explanation();
            assertEquals(LaunchKind.COPY, e.launches().get(e.launches().size() - 1).kind(), d.plan().explain());
            assertEquals("host copy", e.launches().get(e.launches().size() - 1).executor());
            assertEquals(2, d.calls().count("download"), "the two computed roots; x is copied on the host: " + d.calls().log());
            assertEquals(2, d.calls().count("upload"), "x once, bias once: " + d.calls().log());
        }
    }

    @Test
    void aPlanMakesItsBuffersOnceAndReleasesThemWhenClosed() {
        int m = 8, k = 6, n = 16;
        double[] a = Data.doubles(m * k, 41), b = Data.doubles(k * n, 42), bias = Data.doubles(n, 43);
        Expr y = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias)).gelu();
        Planned d = device(y);
        HostTensor first = d.plan().execute();
        int buffers = d.calls().buffers();
        double[] a2 = Data.doubles(m * k, 44);
        d.plan().resetOperands(Map.of("A", a2));
        HostTensor second = d.plan().execute();
        assertEquals(buffers, d.calls().buffers(), "no allocation on the second execution");
        assertEquals(1, d.calls().opened());
        Expr y2 = Expr.input("A", a2, m, k).matmul(Expr.input("B", b, k, n)).add(Expr.input("bias", bias)).gelu();
        double[] scale = Data.absProduct(a2, b, m, k, n);
        assertWithinGemmBound(Interpreter.evaluate(y2).get(0), second, scale, k, 2);
        assertTrue(Data.get(first.array(), 0) != Data.get(second.array(), 0));
        d.close();
        assertTrue(d.calls().closed(), "buffers and library state released: " + d.calls().log());
        assertEquals(List.of("close", "-"), List.of(d.calls().log().get(d.calls().log().size() - 1).split(" ")));
    }

    @Test
    void intermediatesGetNoHostArrays() {
        int n = 64;
        double[] x = Data.doubles(n * n, 51);
        for (int i = 0; i < x.length; i++) {
            x[i] /= 16;   // keeps exp(x @ x) moderate
        }
        Expr in = Expr.input("x", x, n, n);
        Expr y = in.matmul(in).exp().matmul(in);
        try (Planned d = device(y)) {
            PlanTemplate t = d.template();
            int deviceOnly = 0;
            for (int i = t.inputCount; i < t.slots.size(); i++) {
                deviceOnly += t.deviceOnly(i) ? 1 : 0;
            }
            assertEquals(2, deviceOnly, "x@x and exp(x@x) live on the device only");
            assertEquals(3, d.plan().explanation().launches().size(), d.plan().explain());
            HostTensor got = d.plan().execute();
            double[] e = (double[]) hostInterpreted(in.matmul(in).exp()).get(0).array();
            // both products' bounds; exp turns the first one's absolute error into a relative one (|x|·|x| <= 4 here)
            assertWithinGemmBound(hostInterpreted(y).get(0), got, Data.absProduct(e, x, n, n, n), n, 8);
        }
    }
}
