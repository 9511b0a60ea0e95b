package org.fusemath.bench.fft;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.fft.Fft;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftOps;
import org.fusemath.fft.FftOptions;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.FftBenchmarks;
import org.fusemath.fft.spi.FftPlan;
import org.jtransforms.fft.DoubleFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * C2C F64 FFTs, paired in one JVM (see {@link PairedTimes}): the planned host FFT (out of place, one thread) beside
 * raw JTransforms doing the same work (copy, then {@code complexForward} in place) at {@code n} points; the numpy
 * function form {@code FftOps.fft} beside the planned call it wraps (its cache lookup and result allocation); and
 * {@code rows} = 1024 transforms of 1024 points on {@code threads} threads beside a one-thread loop of raw calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FftBenchmark {
    @Param({"1024", "65536", "1048576", "9973"})
    public int n;

    @Param({"2"})
    public int threads;

    private double[] in;
    private double[] out;
    private double[] raw;
    private FftPlan plan;
    private DoubleFFT_1D jt;
    private HostTensor tensor;
    private HostTensor outTensor;
    private double[] batchIn;
    private double[] batchOut;
    private double[] batchRaw;
    private FftPlan batchPlan;
    private DoubleFFT_1D jt1024;
    private double[] realIn;
    private double[] realOut;
    private double[] realWork;
    private double[] realRaw;
    private FftPlan realPlan;

    @Setup(Level.Trial)
    public void setUp() {
        in = random(2 * n, n);
        out = new double[2 * n];
        raw = new double[2 * n];
        plan = Fft.plan(FftSpec.builder(FftKind.C2C, DType.F64, n).build(), FftOptions.defaults().withThreads(1));
        jt = new DoubleFFT_1D(n);
        tensor = HostTensor.of(DType.C128, new long[] {n}, in);
        outTensor = HostTensor.zeros(DType.C128, n);
        batchIn = random(2 * 1024 * 1024, 3);
        batchOut = new double[batchIn.length];
        batchRaw = new double[batchIn.length];
        batchPlan = Fft.plan(FftSpec.builder(FftKind.C2C, DType.F64, 1024, 1024).axes(1).build(),
                FftOptions.defaults().withThreads(threads));
        jt1024 = new DoubleFFT_1D(1024);
        realIn = random(n, n + 1);
        realOut = new double[2 * (n / 2 + 1)];
        realRaw = new double[realOut.length];
        realWork = new double[n];
        realPlan = Fft.plan(FftSpec.builder(FftKind.R2C, DType.F64, n).build(), FftOptions.defaults().withThreads(1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plan.close();
        batchPlan.close();
        realPlan.close();
    }

    private static double[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }

    private void planned() {
        plan.execute(in, out);
    }

    private void rawJTransforms() {
        System.arraycopy(in, 0, raw, 0, in.length);
        jt.complexForward(raw);
    }

    @Benchmark
    public double[] plannedFft() {
        planned();
        return out;
    }

    @Benchmark
    public double[] rawJTransformsFft() {
        rawJTransforms();
        return raw;
    }

    /** fusemathMs / baselineMs: the planned FFT over raw JTransforms (target <= 1/0.95). */
    @Benchmark
    public void pairedPlannedAndRaw(PairedTimes times) {
        times.run(this::planned, this::rawJTransforms);
    }

    /**
     * baselineMs / fusemathMs: the planned R2C (n reals to n/2+1 interleaved complex, one thread) over raw JTransforms'
     * {@code realForward} on a copy plus the unpacking of its packed half spectrum into that layout (target >= 0.95).
     */
    @Benchmark
    public void pairedRealPlannedAndRaw(PairedTimes times) {
        times.run(() -> realPlan.execute(realIn, realOut),
                () -> FftBenchmarks.rawRealForward(jt, realIn, realWork, realRaw, n));
    }

    /**
     * fusemathMs / baselineMs: the numpy function form into the caller's result ({@code out=}) over the planned call
     * it wraps (target <= 1.05): what remains is the cache lookup and the argument checks.
     */
    @Benchmark
    public void pairedFunctionFormAndPlanned(PairedTimes times) {
        times.run(() -> FftOps.fft(tensor, null, -1, null, outTensor), this::planned);
    }

    /** fusemathMs / baselineMs: the function form into a fresh result each call over the planned call. */
    @Benchmark
    public void pairedFunctionFormFreshAndPlanned(PairedTimes times) {
        times.run(() -> FftOps.fft(tensor), this::planned);
    }

    /**
     * fusemathMs / baselineMs: the planned call into a fresh array each call over the same plan into one reused
     * array: the cost of a fresh result alone (its cold cache lines and the collections it causes), no lookup.
     */
    @Benchmark
    public void pairedPlannedFreshAndPlanned(PairedTimes times) {
        times.run(() -> plan.execute(in, new double[2 * n]), this::planned);
    }

    /** baselineMs / fusemathMs: 1024 x 1024 on the plan's threads over a one-thread raw loop (target >= 1.5). */
    @Benchmark
    public void pairedBatchAndOneThreadLoop(PairedTimes times) {
        times.run(() -> batchPlan.execute(batchIn, batchOut), () -> {
            System.arraycopy(batchIn, 0, batchRaw, 0, batchIn.length);
            for (int r = 0; r < 1024; r++) {
                jt1024.complexForward(batchRaw, 2 * r * 1024);
            }
        });
    }
}
