package org.fusemath.bench.random;

import java.util.concurrent.TimeUnit;
import org.fusemath.api.FuseContext;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The headline number: Philox4x32-10 uniform floats ({@code curandGenerateUniform}), bit-exact with cuRAND,
 * in samples per second on 1 and 2 host threads, for fills of 2^16 and 2^22 values (per-call setup vs
 * steady state). Target: >= 250 M/s on one thread, >= 500 M/s on two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhiloxUniformBenchmark {
    @Param({"1", "2"})
    public int threads;

    private Generator rng;
    private float[] small;
    private float[] large;

    @Setup(Level.Trial)
    public void setUp() {
        rng = Generator.create(RngType.PHILOX4_32_10, 1234, FuseContext.builder().threads(threads).build());
        small = new float[1 << 16];
        large = new float[1 << 22];
    }

    @Benchmark
    @OperationsPerInvocation(1 << 22)
    public float[] uniformFloat4M() {
        rng.generateUniform(large);
        return large;
    }

    @Benchmark
    @OperationsPerInvocation(1 << 16)
    public float[] uniformFloat64K() {
        rng.generateUniform(small);
        return small;
    }
}
