package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.fusemath.api.FusemathException;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftKind;
import org.junit.jupiter.api.Test;

/**
 * The FFM-only FFTW3-API table (the one MKL's FFTW3 interface is reached through) proven on libfftw3: opened on the
 * files JavaCPP loaded, it plans every kind and precision by {@code fftw_plan_guru64_*} and executes on heap arrays,
 * checked against the direct DFT as the JavaCPP table is. Runs on JDK 22+ (the failsafe run); on 17 the table says
 * it needs 22.
 */
class Fftw3ApiTableTest {
    private static NativeFftw table() {
        assumeTrue(Fftw.availability().usable(), () -> "FFTW: " + Fftw.availability());
        assumeTrue(Fftw3Api.supported(), "the FFTW3-API table needs Java 22+ (FFM); this is Java "
                + Runtime.version().feature());
        return Fftw3Api.open("libfftw3", FftwLibrary.libraryFile(false), FftwLibrary.libraryFile(true));
    }

    @Test
    void onJava17TheTableNamesWhatItNeeds() {
        assumeTrue(!Fftw3Api.supported(), "Java 22+ opens the table");
        FusemathException e = assertThrows(FusemathException.class, () -> Fftw3Api.open("mkl", "x", "x"));
        assertTrue(e.getMessage().contains("Java 22"), e.getMessage());
    }

    @Test
    void everyKindAndPrecisionThroughTheGuru64SymbolsMatchesTheDirectDft() {
        NativeFftw t = table();
        assertTrue(t.callPath().startsWith("ffm"), t.callPath());
        assertTrue(t.version().startsWith("fftw-3.3"), t.version());
        FftwOptions options = FftwOptions.DEFAULT;
        for (boolean single : new boolean[] {false, true}) {
            for (long n : new long[] {1, 2, 5, 8, 12, 97, 1024}) {
                for (int sign : new int[] {-1, 1}) {
                    FftwPlanTest.check(FftwPlanTest.oneD(FftKind.C2C, single, n, sign, false),
                            g -> FftwPlanner.plan(t, g, options));
                    FftwPlanTest.check(FftwPlanTest.oneD(FftKind.C2C, single, n, sign, true),
                            g -> FftwPlanner.plan(t, g, options));
                }
                FftwPlanTest.check(FftwPlanTest.oneD(FftKind.R2C, single, n, -1, false), g -> FftwPlanner.plan(t, g, options));
                FftwPlanTest.check(FftwPlanTest.oneD(FftKind.C2R, single, n, 1, false), g -> FftwPlanner.plan(t, g, options));
            }
        }
        // Batched, padded and guru-only layouts: the iodim64 arrays as the table lays them out.
        FftwPlanTest.check(FftwGuru.planMany(FftKind.C2C, false, new long[] {6, 5}, new long[] {6, 7}, 1, 45,
                new long[] {6, 5}, 1, 30, 3, -1, false), g -> FftwPlanner.plan(t, g, options));
        FftwPlanTest.check(FftwGuru.planMany(FftKind.R2C, false, new long[] {4, 6}, new long[] {4, 8}, 1, 32,
                new long[] {4, 4}, 1, 16, 2, -1, true), g -> FftwPlanner.plan(t, g, options));
        FftwPlanTest.check(new FftwGuru(FftKind.C2C, false, List.of(new FftDim(3, 20, 20), new FftDim(5, 1, 1)),
                List.of(new FftDim(4, 5, 5)), -1, false), g -> FftwPlanner.plan(t, g, options));
        FftwPlanTest.check(FftwPlanTest.oneD(FftKind.C2C, false, 48, -1, false),
                g -> FftwPlanner.plan(t, g, options.withEffort(FftwEffort.MEASURE).withThreads(2)));
    }

    @Test
    void wisdomGoesThroughTheOptionalSymbols() {
        NativeFftw t = table();
        synchronized (FftwPlanner.LOCK) {
            try (FftwPlan p = FftwPlanner.plan(t, FftwPlanTest.oneD(FftKind.C2C, false, 60, -1, false),
                    FftwOptions.DEFAULT.withEffort(FftwEffort.MEASURE))) {
                assertTrue(p.executesOnHeap(), "the table's plans run on the caller's heap arrays");
                String wisdom = t.exportWisdom(false);
                assertTrue(wisdom.startsWith("(fftw-3.3"), wisdom);
                assertTrue(t.importWisdom(false, wisdom));
                assertEquals(false, t.importWisdom(false, "not wisdom"));
            }
        }
    }
}
