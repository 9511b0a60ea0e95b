package org.fusemath.bench.fusion;

import java.util.concurrent.TimeUnit;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.fusion.spi.FusionBenchmarks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fusion rows of {@code fusemath bench} under JMH: {@code fused} runs the generated host kernel of the row's
 * group, {@code baseline} the hand-written Java it is compared with, on the same arrays (see
 * {@link FusionBenchmarks} for each row's expression and baseline). Speed-up = baseline time / fused time.
 * {@code paired} runs both back to back in each invocation, alternating which goes first ({@link PairedTimes}:
 * speed-up = {@code baselineMs} / {@code fusemathMs}), which a shared, loaded machine shifts far less than two
 * separate methods. {@code threads} is the host threads of both sides of the element-wise and softmax rows (the
 * fused kernel's blocks of axis 0 and every baseline pass over the same blocks); {@code fusemath bench} runs them on
 * the context's default (the available processors).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FusionBenchmark {
    @Param({"chain F32", "chain F32 streaming", "sigmoid tanh chain F32", "softmax rows F32", "matmul chain F64",
            "cached plan overhead F32"})
    public String row;

    @Param({"1", "2"})
    public int threads;

    private BenchmarkCase.Trial trial;

    @Setup
    public void open() {
        BenchmarkCase c = new FusionBenchmarks().cases(threads).stream().filter(k -> k.name().equals(row)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fusion bench row " + row));
        trial = c.open();
    }

    @TearDown
    public void close() {
        trial.close();
    }

    @Benchmark
    public void fused() {
        trial.runFusemath();
    }

    @Benchmark
    public void baseline() {
        trial.runBaseline();
    }

    @Benchmark
    public void paired(PairedTimes times) {
        times.run(trial::runFusemath, trial::runBaseline);
    }
}
