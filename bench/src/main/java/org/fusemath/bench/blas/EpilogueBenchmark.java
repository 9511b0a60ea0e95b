package org.fusemath.bench.blas;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * F64 matmul + bias + ReLU at n = 2048: the fused host epilogue (row panels, epilogue while the panel is in
 * cache) against the bare GEMM and against the GEMM followed by a separate bias + ReLU pass over C. Target:
 * fused ≤ 1.05 × bare. {@code panelRows} 0 lets the plan choose; set others with {@code -p panelRows=512,1024}.
 *
 * <p>{@link #pairedBareAndFused} runs both in one invocation on the same arrays, alternating which goes first,
 * and reports each side's time as a secondary result ({@link PairedTimes}): on a machine whose forks differ
 * from each other by more than the epilogue costs (see bench/README.md), the ratio of those two is the figure
 * to quote.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class EpilogueBenchmark {
    @Param({"2048"})
    public int n;

    @Param({"0"})
    public int panelRows;

    private double[] c;
    private double[] bias;
    private Matmul bare;
    private Matmul fused;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(n);
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() - 0.5;
            b[i] = r.nextDouble() - 0.5;
        }
        c = new double[n * n];
        bias = new double[n];
        for (int j = 0; j < n; j++) {
            bias[j] = r.nextDouble() - 0.5;
        }
        HostMatrix ha = HostMatrix.of(a, n, n);
        HostMatrix hb = HostMatrix.of(b, n, n);
        HostMatrix hc = HostMatrix.of(c, n, n);
        MatmulOperands plain = MatmulOperands.of(ha, hb, hc);
        bare = new Matmul(plain.specBuilder().build(), plain).plan();
        MatmulOperands withBias = plain.withBias(HostMatrix.of(bias, 1, n));
        fused = new Matmul(withBias.specBuilder().epilogue(Epilogue.RELU_BIAS)
                .options(MatmulOptions.defaults().withHostPanelRows(panelRows)).build(), withBias).plan();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bare.close();
        fused.close();
    }

    /** The GEMM alone. */
    @Benchmark
    public Object bareGemm() {
        return bare.execute();
    }

    /** GEMM with the RELU_BIAS epilogue applied per row panel. */
    @Benchmark
    public Object fusedReluBias() {
        return fused.execute();
    }

    /** One fused and one bare execution back to back (see {@link PairedTimes}): fusemathMs is the fused side. */
    @Benchmark
    public void pairedBareAndFused(PairedTimes times) {
        times.run(fused::execute, bare::execute);
    }

    /** GEMM, then a second pass over C adding the bias and applying ReLU. */
    @Benchmark
    public Object separatePass() {
        bare.execute();
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                // Branch-free, as the library's pass (a comparison here would cost 8x more on random signs).
                c[row + j] = Math.max(c[row + j] + bias[j], 0.0);
            }
        }
        return c;
    }
}
