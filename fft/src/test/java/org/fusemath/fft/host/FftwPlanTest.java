package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.PlanManyLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FFTW plans against the direct DFT of the same guru layout ({@link GuruDft}), within c·ε·log2(N)·‖x‖ (c = 4):
 * every kind, odd, even, prime and unit lengths, ranks 1 to 3, batches, strided and padded layouts, in place and
 * out of place, both precisions, both planner efforts; strided outputs keep their holes; C2R keeps its input;
 * bad calls fail by name before FFTW sees them. On JDK 22+ the failsafe run repeats this on the FFM table, whose
 * large cases ({@link #largeBatchRunsOnTheCallersArraysWhereTheTableSaysSo}) take the heap path.
 */
class FftwPlanTest {
    private static final Random RANDOM = new Random(42);

    static double[] random(long slots) {
        double[] a = new double[(int) slots];
        for (int i = 0; i < a.length; i++) {
            a[i] = RANDOM.nextDouble() * 2 - 1;
        }
        return a;
    }

    /** Runs {@code guru} through FFTW and the oracle on the same random data and compares within the bound. */
    static void check(FftwGuru guru, FftwOptions options) {
        check(guru, g -> Fftw.plan(g, options));
    }

    /** {@link #check(FftwGuru, FftwOptions)} with plans from {@code planner} (another call table). */
    static void check(FftwGuru guru, java.util.function.Function<FftwGuru, FftwPlan> planner) {
        int inOff = 2;
        int outOff = guru.inPlace() ? inOff : 4;
        long slots = Math.max(guru.inputSlots(), guru.inPlace() ? guru.outputSlots() : 0);
        double[] in = random(inOff + slots + 3);
        if (guru.kind() == FftKind.C2R) {
            in = hermitianInput(guru, inOff, in.length);
        }
        double[] out = guru.inPlace() ? in : random(outOff + guru.outputSlots() + 5);
        double[] original = in.clone();
        double[] expected = GuruDft.transform(guru.kind(), guru.sign(), guru.dims(), guru.howmany(), in, inOff,
                guru.inPlace() ? in.clone() : out, outOff);
        double bound = 4 * Math.ulp(1.0) * log2(guru.points()) * GuruDft.norm(original) * (guru.single() ? 1 << 29 : 1);
        try (FftwPlan plan = planner.apply(guru)) {
            if (guru.single()) {
                float[] fin = floats(in);
                float[] fout = guru.inPlace() ? fin : floats(out);
                double[] exp32 = GuruDft.transform(guru.kind(), guru.sign(), guru.dims(), guru.howmany(), doubles(fin), inOff,
                        doubles(fout), outOff);
                plan.execute(fin, inOff, fout, outOff);
                assertClose(exp32, doubles(fout), bound, guru);
            } else {
                plan.execute(in, inOff, out, outOff);
                assertClose(expected, out, bound, guru);
                if (!guru.inPlace()) {
                    assertArrayEquals(original, in, "an out-of-place " + guru.kind() + " keeps its input: " + guru);
                }
            }
        }
    }

    /** A Hermitian-consistent half spectrum for a C2R guru: the R2C (by the oracle) of random reals laid out as the C2R's input. */
    static double[] hermitianInput(FftwGuru c2r, int inOff, int length) {
        List<FftDim> r2cDims = new ArrayList<>();
        for (FftDim d : c2r.dims()) {
            r2cDims.add(new FftDim(d.n(), d.os(), d.is()));
        }
        List<FftDim> r2cLoops = new ArrayList<>();
        for (FftDim d : c2r.howmany()) {
            r2cLoops.add(new FftDim(d.n(), d.os(), d.is()));
        }
        FftwGuru r2c = new FftwGuru(FftKind.R2C, false, r2cDims, r2cLoops, -1, false);
        double[] real = random(r2c.inputSlots());
        double[] spectrum = random(length);
        return GuruDft.transform(FftKind.R2C, -1, r2cDims, r2cLoops, real, 0, spectrum, inOff);
    }

    static void assertClose(double[] expected, double[] actual, double bound, Object what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
                throw new AssertionError("slot " + i + ": expected " + expected[i] + ", got " + actual[i] + " (bound "
                        + bound + ") for " + what);
            }
        }
    }

    static double log2(long n) {
        return Math.max(1, Math.log(n) / Math.log(2));
    }

    static float[] floats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    static double[] doubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    static FftwGuru oneD(FftKind kind, boolean single, long n, int sign, boolean inPlace) {
        long[] none = null;
        return FftwGuru.planMany(kind, single, new long[] {n}, none, 1, 0, none, 1, 0, 1, sign, inPlace);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 12, 17, 64, 97})
    void complexOneDimensionalBothSignsBothPrecisions(long n) {
        for (boolean single : new boolean[] {false, true}) {
            for (int sign : new int[] {-1, 1}) {
                check(oneD(FftKind.C2C, single, n, sign, false), FftwOptions.DEFAULT);
                check(oneD(FftKind.C2C, single, n, sign, true), FftwOptions.DEFAULT);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 7, 16, 31, 60})
    void realTransformsOddAndEven(long n) {
        for (boolean single : new boolean[] {false, true}) {
            check(oneD(FftKind.R2C, single, n, -1, false), FftwOptions.DEFAULT);
            check(oneD(FftKind.C2R, single, n, 1, false), FftwOptions.DEFAULT);
        }
    }

    @Test
    void multiDimensionalBatchedAndPaddedLayouts() {
        // 2-D 6x5 C2C, a batch of 3 with padded rows (inembed 7) and a distance leaving a gap; output tight.
        check(FftwGuru.planMany(FftKind.C2C, false, new long[] {6, 5}, new long[] {6, 7}, 1, 45, new long[] {6, 5}, 1, 30,
                3, -1, false), FftwOptions.DEFAULT);
        // 3-D 3x4x5 interleaved batch (stride 2, distance 1: two signals woven together).
        check(FftwGuru.planMany(FftKind.C2C, false, new long[] {3, 4, 5}, new long[] {3, 4, 5}, 2, 1, new long[] {3, 4, 5},
                2, 1, 2, 1, false), FftwOptions.DEFAULT);
        // 2-D R2C and C2R 4x6 with the in-place padded real layout (rows of 2*(6/2+1) reals), batch 2.
        check(FftwGuru.planMany(FftKind.R2C, false, new long[] {4, 6}, new long[] {4, 8}, 1, 32, new long[] {4, 4}, 1, 16,
                2, -1, true), FftwOptions.DEFAULT);
        check(FftwGuru.planMany(FftKind.C2R, true, new long[] {5, 7}, new long[] {5, 4}, 1, 20, new long[] {5, 7}, 1, 35,
                2, 1, false), FftwOptions.DEFAULT);
        // Guru dims no PlanMany can say: transform axes 0 and 2 of a 3x4x5 array, axis 1 the loop.
        check(new FftwGuru(FftKind.C2C, false, List.of(new FftDim(3, 20, 20), new FftDim(5, 1, 1)),
                List.of(new FftDim(4, 5, 5)), -1, false), FftwOptions.DEFAULT);
    }

    @Test
    void measuredPlansMatchToo() {
        check(oneD(FftKind.C2C, false, 48, -1, false), FftwOptions.DEFAULT.withEffort(FftwEffort.MEASURE));
        check(oneD(FftKind.R2C, true, 30, -1, false), FftwOptions.DEFAULT.withEffort(FftwEffort.PATIENT).withThreads(2));
    }

    @Test
    void aStridedOutputKeepsItsHolesAndItsInput() {
        FftwGuru g = FftwGuru.planMany(FftKind.C2C, false, new long[] {8}, new long[] {8}, 1, 8, new long[] {8}, 3, 1, 1,
                -1, false);
        double[] in = random(g.inputSlots());
        double[] out = new double[(int) g.outputSlots()];
        Arrays.fill(out, 7.25);
        try (FftwPlan plan = Fftw.plan(g, FftwOptions.DEFAULT)) {
            plan.execute(in, 0, out, 0);
        }
        for (int e = 0; e < out.length / 2; e++) {
            if (e % 3 != 0) {
                assertEquals(7.25, out[2 * e], "hole " + e + " untouched");
                assertEquals(7.25, out[2 * e + 1], "hole " + e + " untouched");
            }
        }
    }

    @Test
    void largeBatchRunsOnTheCallersArraysWhereTheTableSaysSo() {
        // 1024 transforms of 256 points: 2^18 elements, where the FFM table passes heap arrays to FFTW directly.
        // The oracle per transform is the one-transform plan (256 elements, staged), itself checked above.
        for (FftKind kind : FftKind.values()) {
            int sign = kind == FftKind.C2C || kind == FftKind.R2C ? -1 : 1;
            FftwGuru batch = FftwGuru.planMany(kind, false, new long[] {256}, null, 1, 0, null, 1, 0, 1024, sign, false);
            FftwGuru one = oneD(kind, false, 256, sign, false);
            double[] in = kind == FftKind.C2R ? hermitianBatch(batch) : random(batch.inputSlots());
            double[] original = in.clone();
            double[] out = new double[(int) batch.outputSlots()];
            double[] expected = new double[out.length];
            try (FftwPlan plan = Fftw.plan(batch, FftwOptions.DEFAULT); FftwPlan single = Fftw.plan(one, FftwOptions.DEFAULT)) {
                // ffm passes large transforms' arrays (unaligned plans), unless the JVM aligns arrays for SIMD plans.
                assertEquals(!Fftw.callPath().equals("javacpp") && !heapAlignedForSimd(), plan.executesOnHeap());
                assertFalse(single.executesOnHeap(), "small transforms stage");
                plan.execute(in, 0, out, 0);
                for (int b = 0; b < 1024; b++) {
                    single.execute(in, (int) (b * one.inputSlots()), expected, (int) (b * one.outputSlots()));
                }
            }
            assertClose(expected, out, 8 * Math.ulp(1.0) * log2(256) * GuruDft.norm(original), kind + " batch");
            assertArrayEquals(original, in, kind + " keeps its input");
        }
    }

    /** Whether this JVM runs with -XX:ObjectAlignmentInBytes of 16 or more. */
    static boolean heapAlignedForSimd() {
        var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return Integer.parseInt(bean.getVMOption("ObjectAlignmentInBytes").getValue()) >= 16;
    }

    /** 1024 Hermitian-consistent half spectra of 256 points, back to back. */
    private static double[] hermitianBatch(FftwGuru c2r) {
        double[] in = new double[(int) c2r.inputSlots()];
        FftwGuru r2c = oneD(FftKind.R2C, false, 256, -1, false);
        try (FftwPlan plan = Fftw.plan(r2c, FftwOptions.DEFAULT)) {
            for (int b = 0; b < 1024; b++) {
                plan.execute(random(256), 0, in, b * 258);
            }
        }
        return in;
    }

    @Test
    void concurrentExecutionsOfOnePlanAgree() throws Exception {
        FftwGuru g = oneD(FftKind.C2C, false, 1000, -1, false);
        double[] in = random(g.inputSlots());
        try (FftwPlan plan = Fftw.plan(g, FftwOptions.DEFAULT)) {
            double[] expected = new double[(int) g.outputSlots()];
            plan.execute(in, 0, expected, 0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<double[]>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    runs.add(pool.submit(() -> {
                        double[] out = new double[(int) g.outputSlots()];
                        for (int rep = 0; rep < 50; rep++) {
                            plan.execute(in, 0, out, 0);
                        }
                        return out;
                    }));
                }
                for (Future<double[]> f : runs) {
                    assertArrayEquals(expected, f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /**
     * Close while two threads execute: every execution that started finishes with the right result (the plan is not
     * destroyed under it), every later one fails with IllegalStateException, and nothing else happens.
     */
    @Test
    void closeWaitsForRunningExecutionsAndFailsLaterOnes() throws Exception {
        int n = 4096;
        FftwPlan plan = Fftw.plan(oneD(FftKind.C2C, false, n, -1, false), FftwOptions.DEFAULT);
        double[] in = random(2L * n);
        double[] expected = new double[2 * n];
        plan.execute(in, 0, expected, 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    double[] out = new double[2 * n];
                    int done = 0;
                    try {
                        while (true) {
                            Arrays.fill(out, Double.NaN);
                            plan.execute(in, 0, out, 0);
                            assertArrayEquals(expected, out, "an execution overlapping close");
                            if (done++ == 0) {
                                running.countDown();
                            }
                        }
                    } catch (IllegalStateException closed) {
                        return done;
                    }
                }));
            }
            running.await();
            plan.close();
            for (Future<Integer> run : runs) {
                assertTrue(run.get(60, java.util.concurrent.TimeUnit.SECONDS) >= 1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalStateException.class, () -> plan.execute(in, 0, new double[2 * n], 0));
    }

    @Test
    void badCallsFailByNameBeforeFftw() {
        FftwGuru g = oneD(FftKind.C2C, false, 16, -1, false);
        FftwPlan plan = Fftw.plan(g, FftwOptions.DEFAULT);
        double[] in = new double[32];
        double[] out = new double[32];
        assertEquals("in", assertThrows(InvalidArgumentException.class, () -> plan.execute(new double[31], 0, out, 0)).argument());
        assertEquals("out", assertThrows(InvalidArgumentException.class, () -> plan.execute(in, 0, out, 1)).argument());
        assertEquals("inOffset", assertThrows(InvalidArgumentException.class, () -> plan.execute(in, -1, out, 0)).argument());
        assertEquals("in", assertThrows(InvalidArgumentException.class, () -> plan.execute(new float[32], 0, new float[32], 0)).argument());
        assertEquals("out", assertThrows(InvalidArgumentException.class, () -> plan.execute(in, 0, in, 0)).argument(),
                "an out-of-place plan on one array");
        double[] wide = new double[64];
        plan.execute(wide, 0, wide, 32); // disjoint halves of one array are fine
        plan.close();
        plan.close();
        assertThrows(IllegalStateException.class, () -> plan.execute(in, 0, out, 0));
        try (FftwPlan inPlace = Fftw.plan(oneD(FftKind.C2C, false, 16, -1, true), FftwOptions.DEFAULT)) {
            assertEquals("out", assertThrows(InvalidArgumentException.class, () -> inPlace.execute(in, 0, out, 0)).argument());
        }
        assertThrows(InvalidArgumentException.class, () -> oneD(FftKind.R2C, false, 8, 1, false), "R2C is forward only");
        assertThrows(InvalidArgumentException.class, () -> new FftwGuru(FftKind.C2C, false, List.of(new FftDim(4, 0, 1)),
                List.of(), -1, false), "a zero stride");
        assertThrows(InvalidArgumentException.class, () -> FftwGuru.planMany(FftKind.C2C, false, new long[] {4, 6},
                new long[] {4, 5}, 1, 24, null, 1, 0, 1, -1, false), "an embed smaller than its dimension");
    }

    @Test
    void wisdomRoundTrips() {
        try (FftwPlan plan = Fftw.plan(oneD(FftKind.C2C, false, 96, -1, false), FftwOptions.DEFAULT.withEffort(FftwEffort.MEASURE))) {
            assertTrue(plan.guru().points() == 96);
        }
        String wisdom = Fftw.exportWisdom(DType.F64);
        assertTrue(wisdom.startsWith("(fftw-3.3.10"), wisdom);
        Fftw.forgetWisdom(DType.F64);
        assertThrows(org.fusemath.api.FusemathException.class, () -> Fftw.plan(oneD(FftKind.C2C, false, 96, -1, false),
                FftwOptions.DEFAULT.withEffort(FftwEffort.WISDOM_ONLY)), "no wisdom after forgetting");
        assertTrue(Fftw.importWisdom(DType.F64, wisdom));
        try (FftwPlan fromWisdom = Fftw.plan(oneD(FftKind.C2C, false, 96, -1, false),
                FftwOptions.DEFAULT.withEffort(FftwEffort.WISDOM_ONLY))) {
            check(fromWisdom.guru(), FftwOptions.DEFAULT.withEffort(FftwEffort.WISDOM_ONLY));
        }
        assertFalse(Fftw.importWisdom(DType.F64, "not wisdom"));
    }

    @Test
    void withoutThePresetTheProviderSaysWhyAndWhatToAdd() {
        var a = FftwLibrary.probe("org.bytedeco.fftw.global.NoSuchPreset", getClass().getClassLoader());
        assertFalse(a.usable());
        assertTrue(a.reason().contains("org.bytedeco:fftw is not on the class path"), a.reason());
        assertTrue(a.remedy().contains("org.bytedeco:fftw:3.3.10-1.5.13") && a.remedy().contains("GPL"), a.remedy());
        assertTrue(Fftw.availability().usable(), "the test class path has FFTW: " + Fftw.availability());
    }

    @Test
    void plannerFlagsAreFftw3hValues() {
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_ESTIMATE, FftwEffort.ESTIMATE.flag());
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_MEASURE, FftwEffort.MEASURE.flag());
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_PATIENT, FftwEffort.PATIENT.flag());
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_EXHAUSTIVE, FftwEffort.EXHAUSTIVE.flag());
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_WISDOM_ONLY, FftwEffort.WISDOM_ONLY.flag());
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_UNALIGNED, FftwPlanner.UNALIGNED);
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_FORWARD, FftwGuru.FORWARD);
        assertEquals(org.bytedeco.fftw.global.fftw3.FFTW_BACKWARD, FftwGuru.BACKWARD);
    }

    @Test
    void planManyMapsEmbedsToGuruStrides() {
        PlanManyLayout l = new PlanManyLayout(3, new long[] {3, 4, 5}, new long[] {9, 6, 7}, 2, 100, new long[] {3, 4, 5},
                1, 60, 4, 0, 0, new int[] {0, 1, 2});
        FftwGuru g = FftwGuru.planMany(FftKind.C2C, false, l, -1, false);
        assertEquals(List.of(new FftDim(3, 84, 20), new FftDim(4, 14, 5), new FftDim(5, 2, 1)), g.dims());
        assertEquals(List.of(new FftDim(4, 100, 60)), g.howmany());
        assertEquals(3 * 100 + 2 * 84 + 3 * 14 + 4 * 2 + 1, g.inputSpan());
    }
}
