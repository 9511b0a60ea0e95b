package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fusemath.api.DType;
import org.fusemath.fft.FftDirection;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.spi.FftPlan;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.visnow.jlargearrays.ConcurrencyUtils;

/** Each known JTransforms defect the provider works around, pinned. */
class JTransformsDefectsTest {
    private static final JTransformsProvider PROVIDER = new JTransformsProvider();

    @Test
    void jtransformsRunsOneThreadAndBatchesGiveBitIdenticalResultsOnAnyThreadCount() {
        FftSpec c2c = FftSpec.builder(FftKind.C2C, DType.F64, 64, 1024).axes(1).build();
        FftSpec r2c = FftSpec.builder(FftKind.R2C, DType.F64, 48, 997).axes(1).build();
        FftSpec c2r3d = FftSpec.builder(FftKind.C2R, DType.F32, 16, 12, 33).outputLength(64).build();
        for (FftSpec spec : new FftSpec[] {c2c, r2c, c2r3d}) {
            Object reference = null;
            for (int threads : new int[] {1, 2, 3, 8}) {
                Object out = run(spec, threads, 42);
                assertEquals(1, ConcurrencyUtils.getNumberOfThreads(), "JTransforms' global thread count stays 1");
                if (reference == null) {
                    reference = out;
                } else if (out instanceof double[] d) {
                    assertArrayEquals((double[]) reference, d, 0.0, spec + " with " + threads + " threads");
                } else {
                    assertArrayEquals((float[]) reference, (float[]) out, 0.0f, spec + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void jtransformsWorkerThreadsAreDaemonsSoTheyCannotKeepTheJvmAlive() throws Exception {
        JTransformsGlobals.ensure();
        assertTrue(ConcurrencyUtils.submit(() -> Thread.currentThread().isDaemon()).get(), "JTransforms pool threads");
    }

    @Test
    void aJvmThatRanMultiThreadedTransformsExitsWhenMainReturns() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ExitProbe.class.getName());
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(System.getProperty("java.io.tmpdir"), "fusemath-fft-exit-probe.log"));
        Process p = pb.start();
        boolean exited = p.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertTrue(exited, "the JVM stayed alive after main returned (a non-daemon FFT worker)");
        assertEquals(0, p.exitValue());
    }

    @Test
    void jtransformsUnscaledRealInverseHasHalfTheGainOnPowersOfTwoWhichThePlanDividesOut() {
        // The defect as it stands in JTransforms 3.2: unscaled realInverse returns n/2 times the inverse DFT for
        // powers of two, n times for other lengths. If an upgrade fixes it, the measured gain follows.
        assertEquals(2.0, LineKernels.measureRealInverseGain(new DoubleFFT_1D(8), 8));
        assertEquals(2.0, LineKernels.measureRealInverseGain(new DoubleFFT_1D(1024), 1024));
        assertEquals(1.0, LineKernels.measureRealInverseGain(new DoubleFFT_1D(12), 12), 1e-15);
        List<String> failures = new ArrayList<>();
        for (int n : new int[] {2, 4, 8, 64, 1024}) {
            JTransformsProviderTest.check(FftSpec.builder(FftKind.C2R, DType.F64, 2, n / 2 + 1).axes(1).outputLength(n)
                    .build(), new SplittableRandom(n), failures);
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void onePlanExecutedConcurrentlyFromManyThreadsGivesTheSerialResults() throws Exception {
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 8, 509).axes(1).direction(FftDirection.INVERSE).build();
        int callers = 6;
        double[][] inputs = new double[callers][];
        double[][] serial = new double[callers][];
        try (FftPlan plan = PROVIDER.plan(spec, 2)) {
            for (int i = 0; i < callers; i++) {
                inputs[i] = FftTesting.random(new SplittableRandom(i), (int) spec.inputSlots());
                serial[i] = new double[(int) spec.outputSlots()];
                plan.execute(inputs[i], serial[i]);
            }
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                for (int round = 0; round < 20; round++) {
                    List<Future<double[]>> results = new ArrayList<>();
                    for (int i = 0; i < callers; i++) {
                        int c = i;
                        results.add(pool.submit(() -> {
                            double[] out = new double[(int) spec.outputSlots()];
                            plan.execute(inputs[c], out);
                            return out;
                        }));
                    }
                    for (int i = 0; i < callers; i++) {
                        assertArrayEquals(serial[i], results.get(i).get(), 0.0, "caller " + i + " round " + round);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Object run(FftSpec spec, int threads, long seed) {
        double[] x = FftTesting.random(new SplittableRandom(seed), (int) spec.inputSlots());
        try (FftPlan plan = PROVIDER.plan(spec, threads)) {
            if (spec.precision() == DType.F64) {
                double[] out = new double[(int) spec.outputSlots()];
                plan.execute(x, out);
                return out;
            }
            float[] out = new float[(int) spec.outputSlots()];
            plan.execute(FftTesting.narrow(x), out);
            return out;
        }
    }

    /** A child JVM's main: multi-threaded fusemath and JTransforms work, then return; the JVM must exit. */
    public static final class ExitProbe {
        public static void main(String[] args) throws Exception {
            FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 256, 4096).axes(1).build();
            try (FftPlan plan = new JTransformsProvider().plan(spec, 4)) {
                plan.execute(new double[(int) spec.inputSlots()], new double[(int) spec.outputSlots()]);
            }
            ConcurrencyUtils.submit(() -> 1).get();
            System.out.println("probe done");
        }
    }
}
