package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.FusemathException;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.junit.jupiter.api.Test;

/**
 * The MKL provider: without org.bytedeco:mkl (the default build) it is registered, unusable, and says what to add;
 * with it (Maven profile {@code mkl}, Java 22+) its transforms go through the same FFTW3-API table checks as libfftw3.
 */
class MklProviderTest {
    @Test
    void withoutThePresetItNamesWhatToAddAndPlansNothing() {
        MklProvider mkl = new MklProvider();
        Availability a = mkl.availability();
        assumeTrue(!a.usable(), "MKL is on the class path; the other test covers it");
        assertTrue(a.reason().contains("org.bytedeco:mkl") || a.reason().contains("Java 22"), a.reason());
        assertTrue(a.remedy().contains("org.bytedeco:mkl:" + MklFftw.PRESET_VERSION), a.remedy());
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 8).build();
        assertTrue(mkl.unsupported(spec).isPresent());
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> mkl.plan(spec, 1));
        assertThrows(FusemathException.class, MklFftw::table);
        assertThrows(FusemathException.class, () -> MklFftw.libraryFile(Map.of("fftw3@.3", "/x/libfftw3.so.3")));
        assertTrue(MklFftw.libraryFile(Map.of("mkl_rt@.2", "/x/libmkl_rt.so.2")).endsWith("libmkl_rt.so.2"));
        // fusemath info lists it with the same reason.
        boolean listed = false;
        for (org.fusemath.api.spi.Backend b : java.util.ServiceLoader.load(org.fusemath.api.spi.Backend.class)) {
            if (b.name().equals("mkl")) {
                listed = true;
                assertTrue(!b.availability().usable() && b.availability().reason().equals(a.reason()), b.availability().toString());
            }
        }
        assertTrue(listed, "the mkl backend is registered");
    }

    /** The other order: with libfftw3 loaded, MKL's libraries must not load (they would capture its calls). */
    @Test
    void mklRefusesAJvmThatLoadedLibfftw3() throws Exception {
        assumeTrue(Fftw3Api.supported(), "MKL's FFTW3 interface needs Java 22+");
        assumeTrue(ClassLoader.getSystemClassLoader().getResource(MklFftw.PRESET_CLASS.replace('.', '/') + ".class") == null,
                "MKL is on the class path: loading FFTW here would take the fftw_* symbols from the MKL tests");
        assumeTrue(Fftw.availability().usable(), () -> "FFTW: " + Fftw.availability());
        FusemathException e = assertThrows(FusemathException.class,
                () -> MklFftw.open("java.lang.String", MklProviderTest.class.getClassLoader()));
        assertTrue(e.getMessage().contains("libfftw3") && e.getMessage().contains("one FFTW3-API provider per JVM"),
                e.getMessage());
    }

    @Test
    void withThePresetEveryKindMatchesTheDirectDft() {
        assumeTrue(MklFftw.availability().usable(), () -> "MKL: " + MklFftw.availability());
        NativeFftw t = MklFftw.table();
        // MKL now owns the fftw_* symbols of this JVM: the FFTW provider refuses to load libfftw3 beside it.
        Availability fftw = FftwLibrary.probe(FftwLibrary.PRESET_CLASS, FftwLibrary.class.getClassLoader());
        assertFalse(fftw.usable());
        assertTrue(fftw.reason().contains("MKL") && fftw.remedy().contains("one FFTW3-API provider per JVM"), fftw.toString());
        assertFalse(t.callPath().isEmpty());
        for (boolean single : new boolean[] {false, true}) {
            for (long n : new long[] {1, 2, 5, 8, 12, 97, 1024}) {
                FftwPlanTest.check(FftwPlanTest.oneD(FftKind.C2C, single, n, -1, false),
                        g -> FftwPlanner.plan(t, g, FftwOptions.DEFAULT));
                FftwPlanTest.check(FftwPlanTest.oneD(FftKind.R2C, single, n, -1, false),
                        g -> FftwPlanner.plan(t, g, FftwOptions.DEFAULT));
                FftwPlanTest.check(FftwPlanTest.oneD(FftKind.C2R, single, n, 1, false),
                        g -> FftwPlanner.plan(t, g, FftwOptions.DEFAULT));
            }
        }
    }
}
