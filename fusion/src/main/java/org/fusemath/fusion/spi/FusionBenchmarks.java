package org.fusemath.fusion.spi;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkCase.Trial;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.fusion.host.JavaKernelCompiler;
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
 *       exp pass through the same {@link VectorMath} kernels (target 2x).</li>
 * </ul>
 */
public final class FusionBenchmarks implements BenchmarkSuite {
    private static final int N = 10_000_000;
    private static final int ROWS = 4096;

    @Override
    public String domain() {
        return "fusion";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(
                new Row("chain F32", "10^7", "six separate passes", 3, true, FusionBenchmarks::chain),
                new Row("chain F32 streaming", "10^7", "one streaming pass", 1 / 1.5, false, FusionBenchmarks::streaming),
                new Row("sigmoid tanh chain F32", "10^7", "scalar Math loop", 3, true, FusionBenchmarks::sigmoidTanh),
                new Row("softmax rows F32", ROWS + "x" + ROWS, "separate passes", 2, false, FusionBenchmarks::softmax));
    }

    /** One row: its text, target, and how to open its trial. */
    private record Row(String name, String size, String baseline, double speedupTarget, boolean quick,
            java.util.function.Supplier<Trial> trial) implements BenchmarkCase {
        @Override
        public double workPerCall() {
            return name.startsWith("softmax") ? (double) ROWS * ROWS / 1e6 : N / 1e6;
        }

        @Override
        public String rateUnit() {
            return "M elements/s";
        }

        @Override
        public Trial open() {
            return trial.get();
        }
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

    private static Trial trial(HostKernel k, Object[] in, Object[] out, Runnable baseline) {
        return Trial.of(() -> k.run(in, out), baseline, () -> { });
    }

    private static Trial chain() {
        float[] x = gaussian(N, 1);
        float[] y = gaussian(N, 2);
        float[] out = new float[N];
        float[] t = new float[N];
        return trial(kernel(chainGroup(N)), new Object[] {x, y}, new Object[] {out}, () -> {
            // six loops written out (one shared loop taking a lambda would go megamorphic and stop inlining)
            for (int i = 0; i < N; i++) {
                t[i] = 1.5f * x[i];
            }
            for (int i = 0; i < N; i++) {
                t[i] = t[i] + -0.25f;
            }
            for (int i = 0; i < N; i++) {
                t[i] = Math.max(t[i], 0f);
            }
            for (int i = 0; i < N; i++) {
                t[i] = t[i] * y[i];
            }
            for (int i = 0; i < N; i++) {
                t[i] = t[i] - 0.75f;
            }
            for (int i = 0; i < N; i++) {
                out[i] = t[i];
            }
        });
    }

    private static Trial streaming() {
        float[] x = gaussian(N, 1);
        float[] y = gaussian(N, 2);
        float[] out = new float[N];
        return trial(kernel(chainGroup(N)), new Object[] {x, y}, new Object[] {out}, () -> {
            for (int i = 0; i < N; i++) {
                out[i] = x[i] + y[i];
            }
        });
    }

    private static Trial sigmoidTanh() {
        float[] x = gaussian(N, 3);
        float[] y = gaussian(N, 4);
        float[] out = new float[N];
        return trial(kernel(sigmoidTanhGroup(N)), new Object[] {x, y}, new Object[] {out}, () -> {
            for (int i = 0; i < N; i++) {
                float v = x[i];
                out[i] = (float) (1 / (1 + Math.exp(-v))) * y[i] - 0.25f * (float) Math.tanh(v);
            }
        });
    }

    private static Trial softmax() {
        int n = ROWS * ROWS;
        float[] x = gaussian(n, 5);
        float[] out = new float[n];
        float[] rowMax = new float[ROWS];
        float[] rowSum = new float[ROWS];
        float[] t = new float[n];
        Consumer<float[]> exp = a -> VectorMath.apply(VectorMath.Function.EXP, a, a);
        return trial(kernel(softmaxGroup(ROWS, ROWS)), new Object[] {x}, new Object[] {out}, () -> {
            for (int r = 0; r < ROWS; r++) {                      // max
                float m = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < ROWS; j++) {
                    m = Math.max(m, x[r * ROWS + j]);
                }
                rowMax[r] = m;
            }
            for (int i = 0; i < n; i++) {                         // subtract
                t[i] = x[i] - rowMax[i / ROWS];
            }
            exp.accept(t);                                        // exp
            for (int r = 0; r < ROWS; r++) {                      // sum
                double s = 0;
                for (int j = 0; j < ROWS; j++) {
                    s += t[r * ROWS + j];
                }
                rowSum[r] = (float) s;
            }
            for (int i = 0; i < n; i++) {                         // divide
                out[i] = t[i] / rowSum[i / ROWS];
            }
        });
    }
}
