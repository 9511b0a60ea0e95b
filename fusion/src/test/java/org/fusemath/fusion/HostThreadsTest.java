package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.HostParts;
import org.fusemath.fusion.Explanation.LaunchKind;
import org.fusemath.fusion.spi.RowParts;
import org.junit.jupiter.api.Test;

/**
 * Host kernels split axis 0 over the context's threads: results are those of one thread bit for bit, for row counts
 * below, at and above the thread count; groups that reduce axis 0 never split.
 */
class HostThreadsTest {
    private static final int[] THREADS = {1, 2, 3, 7};
    /** Row counts (1, 2, 3, odd, fewer than 7 threads) and row lengths: each row alone is enough work for a part. */
    private static final int[][] SHAPES = {{1, 140_001}, {2, 140_001}, {3, 131_075}, {9, 60_003}, {5, 70_001}};

    private static FuseContext threads(int t) {
        return FuseContext.builder().threads(t).build();
    }

    /** Runs {@code make} on every thread count and asserts every result equals the one-thread result bit for bit. */
    private static void assertSameBitsForEveryThreadCount(Function<long[], Expr[]> make, long... shape) {
        List<HostTensor> want = null;
        for (int t : THREADS) {
            try (FusionPlan p = Fusion.plan(threads(t), make.apply(shape))) {
                int expect = Math.min(Math.min(t, Runtime.getRuntime().availableProcessors()),
                        RowParts.partsByWork(shape[0], size(shape) / shape[0]));
                for (Explanation.Launch l : p.explanation().launches()) {
                    if (l.kind() == LaunchKind.FUSED_KERNEL) {
                        assertEquals(expect, l.hostThreads(), p.explain());
                    }
                }
                List<HostTensor> got = p.executeAll();
                if (want == null) {
                    want = got;
                    continue;
                }
                assertEquals(want.size(), got.size());
                for (int k = 0; k < got.size(); k++) {
                    Object w = want.get(k).array();
                    Object g = got.get(k).array();
                    if (w instanceof float[] f) {
                        assertArrayEquals(f, (float[]) g, "output " + k + " on " + t + " threads, shape " + shape[0] + "x" + shape[1]);
                    } else {
                        assertArrayEquals((double[]) w, (double[]) g, "output " + k + " on " + t + " threads");
                    }
                }
            }
        }
    }

    private static long size(long[] shape) {
        long s = 1;
        for (long d : shape) {
            s *= d;
        }
        return s;
    }

    private static Explanation.Launch kernelLaunch(FusionPlan p) {
        List<Explanation.Launch> kernels = new ArrayList<>();
        for (Explanation.Launch l : p.explanation().launches()) {
            if (l.kind() == LaunchKind.FUSED_KERNEL) {
                kernels.add(l);
            }
        }
        assertEquals(1, kernels.size(), p.explain());
        return kernels.get(0);
    }

    private static Expr x(long[] s, long seed) {
        return Expr.input("x", Data.floats((int) (s[0] * s[1]), seed), s);
    }

    @Test
    void rowSoftmaxIsBitIdenticalOnEveryThreadCount() {
        for (int[] s : SHAPES) {
            assertSameBitsForEveryThreadCount(sh -> {
                Expr x = x(sh, 1);
                Expr e = x.sub(x.max(1)).exp();
                return new Expr[] {e.div(e.sum(1))};
            }, s[0], s[1]);
        }
    }

    @Test
    void elementwiseChainIsBitIdenticalOnEveryThreadCount() {
        for (int[] s : SHAPES) {
            assertSameBitsForEveryThreadCount(sh -> {
                Expr y = Expr.input("y", Data.floats((int) (sh[0] * sh[1]), 2), sh);
                return new Expr[] {x(sh, 3).mul(1.5).add(-0.25).maximum(0).mul(y).sub(0.75).sigmoid().tanh()};
            }, s[0], s[1]);
        }
    }

    @Test
    void rankOneChainSplitsItsElements() {
        assertSameBitsForEveryThreadCount(sh -> new Expr[] {
            Expr.input("x", Data.floats((int) sh[0], 4), sh[0]).mul(2).gelu().sub(0.5)}, 1_000_003, 1);
    }

    @Test
    void broadcastGroupIsBitIdenticalOnEveryThreadCount() {
        for (int[] s : SHAPES) {
            assertSameBitsForEveryThreadCount(sh -> {
                Expr bias = Expr.input("bias", Data.floats((int) sh[1], 5), sh[1]);
                Expr col = Expr.input("col", Data.floats((int) sh[0], 6), sh[0], 1);
                return new Expr[] {x(sh, 7).add(bias).mul(col).relu().exp()};
            }, s[0], s[1]);
        }
    }

    @Test
    void layerNormGroupIsBitIdenticalOnEveryThreadCount() {
        for (int[] s : SHAPES) {
            assertSameBitsForEveryThreadCount(sh -> {
                Expr x = x(sh, 8);
                Expr d = x.sub(x.mean(1));
                return new Expr[] {d.mul(d.square().mean(1).add(1e-5).rsqrt())};
            }, s[0], s[1]);
        }
    }

    @Test
    void groupWithSeveralOutputsIsBitIdenticalOnEveryThreadCount() {
        for (int[] s : SHAPES) {
            assertSameBitsForEveryThreadCount(sh -> {
                Expr x = x(sh, 9);
                Expr e = x.sub(x.max(1)).exp();
                Expr sum = e.sum(1);
                return new Expr[] {e.div(sum), sum, e};
            }, s[0], s[1]);
        }
    }

    @Test
    void rank3SoftmaxAlongTheMiddleAxisIsBitIdenticalOnEveryThreadCount() {
        List<HostTensor> want = null;
        long[] shape = {5, 257, 301};
        for (int t : THREADS) {
            float[] data = Data.floats((int) size(shape), 10);
            Expr x = Expr.input("x", data, shape);
            Expr e = x.sub(x.max(1)).exp();
            try (FusionPlan p = Fusion.plan(threads(t), e.div(e.sum(1)))) {
                assertEquals(Math.min(Math.min(t, Runtime.getRuntime().availableProcessors()), 3),
                        kernelLaunch(p).hostThreads(), p.explain());
                HostTensor got = p.execute();
                if (want == null) {
                    want = List.of(got);
                } else {
                    assertArrayEquals((float[]) want.get(0).array(), (float[]) got.array(), t + " threads");
                }
            }
        }
    }

    @Test
    void groupsThatReduceAxisZeroNeverSplit() {
        long[] shape = {400, 1001};
        List<Function<Expr, Expr>> forms = List.of(x -> x.sum(0), x -> x.sum(), x -> x.sub(x.max(0)).exp().sum(0),
                x -> x.mul(x).mean(0, 1));
        for (Function<Expr, Expr> f : forms) {
            Expr x = Expr.input("x", Data.floats((int) size(shape), 11), shape);
            try (FusionPlan one = Fusion.plan(threads(1), f.apply(x)); FusionPlan many = Fusion.plan(threads(7), f.apply(x))) {
                assertEquals(1, kernelLaunch(many).hostThreads(), many.explain());
                assertTrue(kernelLaunch(many).detail().contains("reduces axis 0"), many.explain());
                long before = HostParts.submitted();
                HostTensor got = many.execute();
                // other tests in this JVM may submit meanwhile only if run concurrently; the suite runs serially
                assertEquals(before, HostParts.submitted(), many.explain());
                assertArrayEquals((float[]) one.execute().array(), (float[]) got.array());
            }
        }
    }

    @Test
    void splitPlanHandsPartsToThePool() {
        long[] shape = {64, 8192};
        Expr x = Expr.input("x", Data.floats((int) size(shape), 12), shape);
        try (FusionPlan p = Fusion.plan(threads(2), x.exp().mul(2))) {
            long before = HostParts.submitted();
            p.execute();
            long handed = HostParts.submitted() - before;
            assertEquals(Runtime.getRuntime().availableProcessors() > 1 ? 1 : 0, handed, p.explain());
            assertEquals(Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1, kernelLaunch(p).hostThreads());
            assertTrue(Runtime.getRuntime().availableProcessors() == 1 || p.explain().contains("up to 2 host threads"),
                    p.explain());
        }
    }

    @Test
    void tooLittleWorkRunsOnOneThread() {
        long[] shape = {64, 1024};   // 2^16 elements: below two parts' minimum
        Expr x = Expr.input("x", Data.floats((int) size(shape), 13), shape);
        try (FusionPlan p = Fusion.plan(threads(7), x.exp())) {
            assertEquals(1, kernelLaunch(p).hostThreads(), p.explain());
            long before = HostParts.submitted();
            p.execute();
            assertEquals(before, HostParts.submitted());
        }
    }

    @Test
    void f64RowGroupIsBitIdenticalOnEveryThreadCount() {
        long[] shape = {33, 20_001};
        assertSameBitsForEveryThreadCount(sh -> {
            Expr x = Expr.input("x", Data.doubles((int) size(sh), 14), sh);
            return new Expr[] {x.sub(x.max(1)).exp().astype(DType.F32)};
        }, shape);
    }
}
