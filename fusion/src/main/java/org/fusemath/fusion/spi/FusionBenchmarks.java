package org.fusemath.fusion.spi;

import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkCase.Trial;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.fusion.Expr;
import org.fusemath.fusion.Fusion;
import org.fusemath.fusion.FusionPlan;
import org.fusemath.fusion.host.JavaKernelCompiler;
import org.fusemath.fusion.host.RowReductions;
import org.fusemath.fusion.host.VectorMath;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * The fusion domain's {@code fusemath bench} rows: a generated host kernel (the code the planner runs for one
 * fused group, on preallocated arrays) beside the hand-written Java it replaces, in the same JVM:
 * <ul>
 *   <li>{@code chain F32} 10^7: {@code max(a*x + b, 0) * y - c} against six separate whole-array passes (target
 *       3x) and, as {@code chain F32 streaming}, against one streaming pass {@code x + y} that reads the same two
 *       inputs and writes one output (the memory-bound limit; target: within 1.5x, i.e. a ratio of at least 0.67);</li>
 *   <li>{@code sigmoid tanh chain F32} 10^7: {@code sigmoid(x) * y - 0.25 * tanh(x)} against the same expression as
 *       one scalar loop over {@code Math.exp} / {@code Math.tanh} (target 3x);</li>
 *   <li>{@code softmax rows F32} 4096x4096 against max, subtract, exp, sum and divide as whole-array passes, the
 *       exp pass through the same {@link VectorMath} kernels and the max and sum passes through the generated
 *       kernels' own row reductions ({@link RowReductions}: the same lanes, bit for bit) (target 2x);</li>
 *   <li>{@code matmul chain F64} n=2048: the planned {@code relu(A @ B + bias) * 0.3 + R} (one GEMM call, then the
 *       bias, ReLU, scale and residual as one generated pass over C, into a preallocated result through
 *       {@code executeInto}) against the bare planned matmul {@code A @ B} into a preallocated C (target: at most
 *       1.05x its time);</li>
 *   <li>{@code cached plan overhead F32} 16x16: one execute of a cached plan of {@code maximum(x * y + 0.5, 0)} (the
 *       plan's whole per-call cost, since the arithmetic is 256 elements), against the same loop written by hand
 *       (target: at least 0.5 M executes/s, i.e. at most 2 us per execute).</li>
 * </ul>
 * The element-wise and softmax rows run both sides on the same host threads ({@link #cases(int)}; the context's
 * default for {@code fusemath bench}): the fused kernel over blocks of axis 0 through {@link RowParts}, as a plan runs
 * it, and every baseline pass over the same blocks through the same splitter, so a speed-up compares the passes over
 * memory and not the thread counts. The matmul chain's bare matmul uses OpenBLAS's threads, as its fused side does.
 */
public final class FusionBenchmarks implements BenchmarkSuite {
    private static final int N = 10_000_000;
    private static final int ROWS = 4096;
    private static final int MATMUL_N = 2048;
    private static final int TINY = 16;

    @Override
    public String domain() {
        return "fusion";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return cases(FuseContext.defaults().threads());
    }

    /** The rows with the element-wise and softmax rows' both sides on up to {@code threads} host threads. */
    public List<BenchmarkCase> cases(int threads) {
        String elements = "M elements/s";
        return List.of(
                new Row("chain F32", "10^7", "six separate passes", 3, NaN, true, N / 1e6, elements, () -> chain(threads)),
                new Row("chain F32 streaming", "10^7", "one streaming pass", 1 / 1.5, NaN, false, N / 1e6, elements,
                        () -> streaming(threads)),
                new Row("sigmoid tanh chain F32", "10^7", "scalar Math loop", 3, NaN, true, N / 1e6, elements,
                        () -> sigmoidTanh(threads)),
                new Row("softmax rows F32", ROWS + "x" + ROWS, "separate passes", 2, NaN, false, (double) ROWS * ROWS / 1e6,
                        elements, () -> softmax(threads)),
                new Row("matmul chain F64", "n=" + MATMUL_N, "bare matmul", 1 / 1.05, NaN, false,
                        2.0 * MATMUL_N * MATMUL_N * MATMUL_N / 1e9, "GFLOP/s", FusionBenchmarks::matmulChain),
                new Row("cached plan overhead F32", TINY + "x" + TINY, "hand-written loop", NaN, 0.5, true, 1e-6,
                        "M executes/s", FusionBenchmarks::cachedPlan));
    }

    private static final double NaN = Double.NaN;

    /** One row: its text, targets, work per call, and how to open its trial. */
    private record Row(String name, String size, String baseline, double speedupTarget, double rateTarget, boolean quick,
            double workPerCall, String rateUnit, java.util.function.Supplier<Trial> trial) implements BenchmarkCase {

        @Override
        public Trial open() {
            return trial.get();
        }
    }

    private static Trial matmulChain() {
        int n = MATMUL_N;
        double[] a = gaussianD(n * n, 11);
        double[] b = gaussianD(n * n, 12);
        double[] bias = gaussianD(n, 13);
        double[] r = gaussianD(n * n, 14);
        double[] c = new double[n * n];
        Expr y = Expr.input("A", a, n, n).matmul(Expr.input("B", b, n, n)).add(Expr.input("bias", bias)).relu().mul(0.3)
                .add(Expr.input("R", r, n, n));
        FusionPlan plan = Fusion.plan(y);
        MatmulOperands ops = MatmulOperands.of(HostMatrix.of(a, n, n), HostMatrix.of(b, n, n), HostMatrix.of(c, n, n));
        Matmul bare = new Matmul(ops.specBuilder().build(), ops).plan();
        double[] out = new double[n * n];   // both sides write a preallocated result, as the bare matmul's C is
        return Trial.of(() -> plan.executeInto(out), bare::execute, () -> {
            plan.close();
            bare.close();
        });
    }

    private static Trial cachedPlan() {
        int n = TINY * TINY;
        float[] x = gaussian(n, 15);
        float[] y = gaussian(n, 16);
        float[] out = new float[n];
        Expr e = Expr.input("x", x, TINY, TINY).mul(Expr.input("y", y, TINY, TINY)).add(0.5).maximum(0);
        Fusion.plan(e).close();   // the cache now holds the plan: the next plan() does no planning work
        FusionPlan plan = Fusion.plan(e);
        return Trial.of(plan::execute, () -> {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(x[i] * y[i] + 0.5f, 0f);
            }
        }, plan::close);
    }

    private static double[] gaussianD(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * 2);
        }
        return a;
    }

    /** {@code max(a*x + b, 0) * y - c} with a = 1.5, b = -0.25, c = 0.75, as one fused group over {@code n}. */
    static FusedGroup chainGroup(long n) {
        ScalarType t = ScalarType.F32;
        GroupBuilder g = new GroupBuilder(Shape.of(n));
        int x = g.input(t, Shape.of(n));
        int y = g.input(t, Shape.of(n));
        int r = g.op(OpKind.MAX, g.op(OpKind.ADD, g.op(OpKind.MUL, g.constant(1.5, t), x), g.constant(-0.25, t)), g.constant(0, t));
        g.output(g.op(OpKind.SUB, g.op(OpKind.MUL, r, y), g.constant(0.75, t)));
        return g.build();
    }

    static FusedGroup sigmoidTanhGroup(long n) {
        ScalarType t = ScalarType.F32;
        GroupBuilder g = new GroupBuilder(Shape.of(n));
        int x = g.input(t, Shape.of(n));
        int y = g.input(t, Shape.of(n));
        int s = g.op(OpKind.MUL, g.op(OpKind.SIGMOID, x), y);
        g.output(g.op(OpKind.SUB, s, g.op(OpKind.MUL, g.constant(0.25, t), g.op(OpKind.TANH, x))));
        return g.build();
    }

    static FusedGroup softmaxGroup(long m, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(ScalarType.F32, Shape.of(m, n));
        int mx = g.reduce(OpKind.REDUCE_MAX, x, 1);
        int e = g.op(OpKind.EXP, g.op(OpKind.SUB, x, mx));
        g.output(g.op(OpKind.DIV, e, g.reduce(OpKind.REDUCE_SUM, e, 1)));
        return g.build();
    }

    private static HostKernel kernel(FusedGroup g) {
        return new JavaKernelCompiler().compileHost(g).orElseThrow(
                () -> new IllegalStateException(new JavaKernelCompiler().declineReason(g)));
    }

    /**
     * The fused kernel over axis 0 of {@code rows} indices of {@code perRow} elements, on up to {@code threads}
     * threads as a plan runs it, beside {@code baseline}.
     */
    private static Trial trial(HostKernel k, Object[] in, Object[] out, int rows, long perRow, int threads,
            Runnable baseline) {
        return Trial.of(() -> RowParts.run(rows, perRow, threads, (from, to) -> k.run(in, out, from, to)), baseline,
                () -> { });
    }

    private static Trial chain(int threads) {
        float[] x = gaussian(N, 1);
        float[] y = gaussian(N, 2);
        float[] out = new float[N];
        float[] t = new float[N];
        return trial(kernel(chainGroup(N)), new Object[] {x, y}, new Object[] {out}, N, 1, threads, () -> {
            // six passes written out, each over the fused side's blocks (a shared loop taking a per-element lambda
            // would go megamorphic and stop inlining; each block lambda holds its own loop)
            RowParts.run(N, 1, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = 1.5f * x[i];
                }
            });
            RowParts.run(N, 1, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = t[i] + -0.25f;
                }
            });
            RowParts.run(N, 1, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = Math.max(t[i], 0f);
                }
            });
            RowParts.run(N, 1, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = t[i] * y[i];
                }
            });
            RowParts.run(N, 1, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = t[i] - 0.75f;
                }
            });
            RowParts.run(N, 1, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = t[i];
                }
            });
        });
    }

    private static Trial streaming(int threads) {
        float[] x = gaussian(N, 1);
        float[] y = gaussian(N, 2);
        float[] out = new float[N];
        return trial(kernel(chainGroup(N)), new Object[] {x, y}, new Object[] {out}, N, 1, threads,
                () -> RowParts.run(N, 1, threads, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = x[i] + y[i];
                    }
                }));
    }

    private static Trial sigmoidTanh(int threads) {
        float[] x = gaussian(N, 3);
        float[] y = gaussian(N, 4);
        float[] out = new float[N];
        return trial(kernel(sigmoidTanhGroup(N)), new Object[] {x, y}, new Object[] {out}, N, 1, threads,
                () -> RowParts.run(N, 1, threads, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        float v = x[i];
                        out[i] = (float) (1 / (1 + Math.exp(-v))) * y[i] - 0.25f * (float) Math.tanh(v);
                    }
                }));
    }

    private static Trial softmax(int threads) {
        int n = ROWS * ROWS;
        float[] x = gaussian(n, 5);
        float[] out = new float[n];
        float[] rowMax = new float[ROWS];
        float[] rowSum = new float[ROWS];
        float[] t = new float[n];
        return trial(kernel(softmaxGroup(ROWS, ROWS)), new Object[] {x}, new Object[] {out}, ROWS, ROWS, threads, () -> {
            // five whole-array passes, each over the fused side's blocks of rows; max and sum with the generated
            // kernels' own row reductions (RowReductions: the same lanes, the same bits)
            RowParts.run(ROWS, ROWS, threads, (from, to) -> {     // max
                for (int r = from; r < to; r++) {
                    rowMax[r] = RowReductions.max(x, r * ROWS, ROWS);
                }
            });
            RowParts.run(ROWS, ROWS, threads, (from, to) -> {     // subtract
                for (int i = from * ROWS; i < to * ROWS; i++) {
                    t[i] = x[i] - rowMax[i / ROWS];
                }
            });
            RowParts.run(ROWS, ROWS, threads, (from, to) ->       // exp
                    VectorMath.apply(VectorMath.Function.EXP, t, from * ROWS, t, from * ROWS, (to - from) * ROWS));
            RowParts.run(ROWS, ROWS, threads, (from, to) -> {     // sum
                for (int r = from; r < to; r++) {
                    rowSum[r] = RowReductions.sum(t, r * ROWS, ROWS);
                }
            });
            RowParts.run(ROWS, ROWS, threads, (from, to) -> {     // divide
                for (int i = from * ROWS; i < to * ROWS; i++) {
                    out[i] = t[i] / rowSum[i / ROWS];
                }
            });
        });
    }
}
