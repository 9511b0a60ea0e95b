package org.fusemath.bench.fft;

import static org.bytedeco.fftw.global.fftw3.FFTW_ESTIMATE;
import static org.bytedeco.fftw.global.fftw3.FFTW_FORWARD;
import static org.bytedeco.fftw.global.fftw3.FFTW_MEASURE;
import static org.bytedeco.fftw.global.fftw3.fftw_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftw_execute;
import static org.bytedeco.fftw.global.fftw3.fftw_free;
import static org.bytedeco.fftw.global.fftw3.fftw_malloc;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_dft_1d;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_dft_r2c_1d;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_with_nthreads;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.api.DType;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.host.FftwEffort;
import org.fusemath.fft.host.FftwOptions;
import org.fusemath.fft.host.FftwProvider;
import org.fusemath.fft.spi.FftPlan;
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
 * The FFTW provider on heap arrays or, with {@code -p operands=native}, on {@link NativeArray}s ({@code fusemath}: a
 * planned {@link FftwProvider} transform, F64, one thread, out of place, forward) beside raw FFTW ({@code raw}: {@code fftw_plan_dft_1d}/{@code _r2c_1d} with the same
 * planner effort on {@code fftw_malloc} buffers, {@code fftw_execute}), and {@code paired}: both back to back per
 * invocation ({@link PairedTimes}: speed-up = {@code baselineMs} / {@code fusemathMs}). Target: >= 0.95x.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class FftwBenchmark {
    @Param({"1024", "65536", "1048576", "9973"})
    public int n;

    @Param({"C2C", "R2C"})
    public String kind;

    @Param({"ESTIMATE"})
    public String effort;

    /**
     * Bytes past {@code fftw_malloc}'s 32-byte-aligned start at which the raw buffers sit: 0 (FFTW as a C program
     * gets it) or 16 (where a 16-byte-aligned heap array's element 0 lies half the time: AVX's 32-byte loads then
     * split cache lines, measured 7-8% at n = 1024, with the same plan).
     */
    @Param({"0"})
    public int rawOffset;

    /**
     * Where the provider's operands lie: {@code heap} ({@code double[]}) or {@code native} ({@link NativeArray}s,
     * 64-byte aligned, passed to FFTW by address with a plan made for that alignment).
     */
    @Param({"heap"})
    public String operands;

    private FftPlan plan;
    private double[] in;
    private double[] out;
    private NativeArray nativeIn;
    private NativeArray nativeOut;
    private Runnable provider;
    private fftw_plan raw;
    private Pointer rawIn;
    private Pointer rawOut;

    @Setup(Level.Trial)
    public void setUp() {
        FftKind k = FftKind.valueOf(kind);
        FftwEffort e = FftwEffort.valueOf(effort);
        FftSpec spec = FftSpec.builder(k, DType.F64, n).build();
        plan = new FftwProvider(FftwOptions.DEFAULT.withEffort(e)).plan(spec, 1);
        in = new SplittableRandom(n).doubles(spec.inputSlots(), -1, 1).toArray();
        out = new double[(int) spec.outputSlots()];
        switch (operands) {
            case "heap" -> provider = () -> plan.execute(in, out);
            case "native" -> {
                nativeIn = NativeArray.allocate(DType.F64, in.length);
                nativeOut = NativeArray.allocate(DType.F64, out.length);
                nativeIn.put(0, in, 0, in.length);
                provider = () -> plan.execute(nativeIn, nativeOut);
                // The native-address plan is made on the first call: not inside the timed region.
                provider.run();
            }
            default -> throw new IllegalArgumentException("operands = " + operands + ": expected heap or native");
        }
        if (rawOffset < 0 || rawOffset % 8 != 0 || rawOffset > 48) {
            throw new IllegalArgumentException("rawOffset = " + rawOffset + ": expected 0, 8, ..., 48 bytes");
        }
        rawIn = fftw_malloc(8L * in.length + 64);
        rawOut = fftw_malloc(8L * out.length + 64);
        DoublePointer a = new DoublePointer(rawIn).capacity(in.length + 8L).position(rawOffset / 8);
        DoublePointer b = new DoublePointer(rawOut).capacity(out.length + 8L).position(rawOffset / 8);
        int flags = e == FftwEffort.MEASURE ? FFTW_MEASURE : FFTW_ESTIMATE;
        fftw_plan_with_nthreads(1);
        raw = k == FftKind.R2C ? fftw_plan_dft_r2c_1d(n, a, b, flags) : fftw_plan_dft_1d(n, a, b, FFTW_FORWARD, flags);
        a.put(in);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plan.close();
        if (nativeIn != null) {
            nativeIn.close();
            nativeOut.close();
        }
        fftw_destroy_plan(raw);
        fftw_free(rawIn);
        fftw_free(rawOut);
    }

    @Benchmark
    public void fusemath() {
        provider.run();
    }

    @Benchmark
    public void raw() {
        fftw_execute(raw);
    }

    @Benchmark
    public void paired(PairedTimes times) {
        times.run(provider, () -> fftw_execute(raw));
    }
}
