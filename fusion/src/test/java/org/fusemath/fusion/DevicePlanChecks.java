package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fusemath.api.HostTensor;
import org.fusemath.fusion.Explanation.LaunchKind;
import org.junit.jupiter.api.Test;

/**
 * Device plans (cuBLASLt with its epilogue on device buffers, generated kernels through NVRTC, only the
 * roots copied back) against host execution of the same expressions. Bounds: a product within 4·(k+2)·u·(|A|·|B|) of
 * the host's (each side within (k+2)·u of the exact one), scaled by what follows it; element-wise work within 16 ulps
 * of the result's type (CUDA's tanhf, expf, erfcf are within 2-4 ulps, + − × ÷ round as on the host with FMA
 * contraction off); a reduction adds n·u of its length. Sizes past one block and with ragged tails, so that the
 * grid-stride loops, the vector path's remainder and several blocks of rows all run. Run on a GPU by {@link
 * DevicePlanGpuTest}, and through the CPU fake of the device calls by {@link DevicePlanFakeTest} (which proves the
 * plans and these checks on every machine).
 */
abstract class DevicePlanChecks {
    /** A device plan of {@code roots}; on the caller's own stream when {@code callersStream}. */
    abstract FusionPlan devicePlan(boolean callersStream, Expr... roots);

    /** Whether the plans run on hardware (full sizes) or on the CPU fake (sizes the interpreter gets through quickly). */
    abstract boolean onHardware();

    private static double u(Object array) {
        return array instanceof float[] ? 0x1p-24 : 0x1p-53;
    }

    private static double[] asDoubles(Object a) {
        if (a instanceof double[] d) {
            return d;
        }
        float[] f = (float[]) a;
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** |device − host| ≤ tol(i) for every element, NaN where the host has NaN. */
    private static void assertClose(HostTensor host, HostTensor device, java.util.function.IntToDoubleFunction tol, String label) {
        assertArrayEquals(host.shape(), device.shape(), label);
        int n = java.lang.reflect.Array.getLength(host.array());
        for (int i = 0; i < n; i++) {
            double w = Data.get(host.array(), i);
            double d = Data.get(device.array(), i);
            boolean ok = Double.isNaN(w) ? Double.isNaN(d) : w == d || Math.abs(w - d) <= tol.applyAsDouble(i);
            assertTrue(ok, label + " element " + i + ": device " + d + ", host " + w + " (tol " + tol.applyAsDouble(i) + ")");
        }
    }

    private static Object input(boolean f32, int n, long seed) {
        return f32 ? Data.floats(n, seed) : Data.doubles(n, seed);
    }

    private static Expr in(String name, Object data, int... dims) {
        long[] d = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = dims[i];
        }
        return data instanceof float[] f ? Expr.input(name, f, d) : Expr.input(name, (double[]) data, d);
    }

    @Test
    void matmulBiasReluScaleIsOneLaunchAndMatchesTheHost() {
        int m = 300, k = 200, n = 136;
        for (boolean f32 : new boolean[] {true, false}) {
            Object a = input(f32, m * k, 1);
            Object b = input(f32, k * n, 2);
            Object bias = input(f32, n, 3);
            Expr y = in("A", a, m, k).matmul(in("B", b, k, n)).add(in("bias", bias, n)).relu().mul(0.5);
            double[] scale = Data.absProduct(asDoubles(a), asDoubles(b), m, k, n);
            try (FusionPlan host = Fusion.plan(y); FusionPlan dev = devicePlan(false, y)) {
                assertEquals(1, dev.explanation().launches().size(), dev.explain());
                assertEquals(LaunchKind.LIBRARY_MATMUL, dev.explanation().launches().get(0).kind());
                HostTensor want = host.execute();
                double uu = u(a);
                assertClose(want, dev.execute(), i -> 4 * (k + 2) * uu * 0.5 * (scale[i] + Math.abs(Data.get(bias, i % n))),
                        (f32 ? "F32" : "F64") + " relu(A@B + bias) * 0.5");
                // again, on new operands of the same shapes: the buffers and the planned call are reused
                Object a2 = input(f32, m * k, 4);
                dev.resetOperands(Map.of("A", a2));
                host.resetOperands(Map.of("A", a2));
                double[] scale2 = Data.absProduct(asDoubles(a2), asDoubles(b), m, k, n);
                assertClose(host.execute(), dev.execute(), i -> 4 * (k + 2) * uu * 0.5 * (scale2[i] + Math.abs(Data.get(bias, i % n))),
                        (f32 ? "F32" : "F64") + " after resetOperands");
            }
        }
    }

    @Test
    void elementwiseChainsAreOneKernelOverManyBlocks() {
        int n = onHardware() ? 3_000_001 : 40_001;   // past one block, a ragged tail after the vector loop
        for (boolean f32 : new boolean[] {true, false}) {
            Object x = input(f32, n, 5);
            Object y = input(f32, n, 6);
            Expr e = in("x", x, n).mul(1.5).add(0.25).maximum(0).mul(in("y", y, n)).sub(0.125).tanh();
            try (FusionPlan host = Fusion.plan(e); FusionPlan dev = devicePlan(false, e)) {
                assertEquals(1, dev.explanation().launches().size(), dev.explain());
                assertEquals(LaunchKind.FUSED_KERNEL, dev.explanation().launches().get(0).kind());
                HostTensor want = host.execute();
                double uu = u(x);
                assertClose(want, dev.execute(), i -> 16 * uu * Math.abs(Data.get(want.array(), i)), f32 ? "F32 chain" : "F64 chain");
            }
        }
    }

    @Test
    void softmaxOfAMatmulIsOneMatmulAndOneKernel() {
        int m = onHardware() ? 513 : 37, k = 64, n = onHardware() ? 1000 : 300;
        for (boolean f32 : new boolean[] {true, false}) {
            Object a = input(f32, m * k, 7);
            Object b = input(f32, k * n, 8);
            Expr s = in("A", a, m, k).matmul(in("B", b, k, n)).softmax(1);
            double[] scale = Data.absProduct(asDoubles(a), asDoubles(b), m, k, n);
            double worst = 0;
            for (double v : scale) {
                worst = Math.max(worst, v);
            }
            double uu = u(a);
            // a logit error e moves every exp by e relatively and the row's sum by at most e: 2e, plus the kernel's own
            double rel = 2 * 4 * (k + 2) * uu * worst + (16 + 2 * n) * uu;
            try (FusionPlan host = Fusion.plan(s); FusionPlan dev = devicePlan(false, s)) {
                Explanation e = dev.explanation();
                assertEquals(2, e.launches().size(), dev.explain());
                assertEquals(LaunchKind.LIBRARY_MATMUL, e.launches().get(0).kind());
                assertEquals(LaunchKind.FUSED_KERNEL, e.launches().get(1).kind());
                HostTensor want = host.execute();
                assertClose(want, dev.execute(), i -> rel * Math.abs(Data.get(want.array(), i)), f32 ? "F32 softmax" : "F64 softmax");
            }
        }
    }

    @Test
    void diamondsSeveralRootsAndAComputedCOnTheCallersStream() {
        int m = 37, k = 24, n = 72;
        double[] a = Data.doubles(m * k, 9), b = Data.doubles(k * n, 10), c = Data.doubles(m * n, 11), x = Data.doubles(m * n, 12);
        Expr xin = Expr.input("x", x, m, n);
        Expr centered = xin.sub(xin.mean(1));
        Expr norm = centered.mul(centered.square().mean(1).add(1e-5).rsqrt());
        Expr cExp = Expr.input("C", c, m, n).exp();
        Expr mm = Expr.input("A", a, m, k).matmul(Expr.input("B", b, k, n)).add(cExp.mul(2));
        double[] b2 = Data.doubles(k * n, 14);
        double[] bias = Data.doubles(n, 13);
        Expr h = Expr.input("A", a, m, k).matmul(Expr.input("B2", b2, k, n)).add(Expr.input("bias", bias));
        double[] scale = Data.absProduct(a, b, m, k, n);
        double[] scale2 = Data.absProduct(a, b2, m, k, n);
        try (FusionPlan host = Fusion.plan(norm, mm, xin, h.geluTanh(), h); FusionPlan dev = devicePlan(true, norm, mm, xin, h.geluTanh(), h)) {
            List<HostTensor> want = host.executeAll();
            List<HostTensor> got = dev.executeAll();
            double u = 0x1p-53;
            assertClose(want.get(0), got.get(0), i -> (16 + 2 * n) * u * Math.max(1, Math.abs(Data.get(want.get(0).array(), i))), "layer norm");
            assertClose(want.get(1), got.get(1), i -> 4 * (k + 2) * u * (scale[i] + 2 * Math.exp(c[i])) + 16 * u * Math.exp(c[i]),
                    "A@B + 2 exp(C)");
            assertArrayEquals((double[]) want.get(2).array(), (double[]) got.get(2).array(), "an input root");
            assertClose(want.get(3), got.get(3), i -> 2 * 4 * (k + 2) * u * (scale2[i] + Math.abs(bias[i % n])) + 16 * u * Math.abs(Data.get(want.get(3).array(), i)),
                    "gelu_tanh(h), GELU_AUX_BIAS");
            assertClose(want.get(4), got.get(4), i -> 4 * (k + 2) * u * (scale2[i] + Math.abs(bias[i % n])), "h, the stored aux");
            Explanation e = dev.explanation();
            assertEquals(1, e.launches().stream().filter(l -> l.executor().equals("cuBLASLt GELU_AUX_BIAS")).count(), dev.explain());
            assertEquals(1, e.launches().stream().filter(l -> l.executor().equals("cuBLASLt DEFAULT beta=2.0")).count(), dev.explain());
        }
    }
}
