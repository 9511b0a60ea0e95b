package org.fusemath.fft.host;

import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.fusemath.api.FusemathException;
import org.fusemath.api.spi.Availability;

/**
 * Intel MKL's FFTW3 interface as an FFTW call table: JavaCPP's {@code org.bytedeco:mkl} preset loads
 * {@code libmkl_rt} but does not map fftw3.h, so the table binds the FFTW3 symbols MKL exports
 * ({@code fftw_plan_guru64_dft} and the rest) by name through {@link Fftw3Api}'s FFM downcalls (Java 22+). Opt-in:
 * the application adds {@code org.bytedeco:mkl} (the preset is Apache-2.0; the MKL binaries it carries are under
 * Intel's Simplified Software License); without it, or before Java 22, {@link #availability()} says what is missing.
 * Decided once, never throwing at the caller. Thread-safe.
 */
final class MklFftw {
    static final String PRESET_CLASS = "org.bytedeco.mkl.global.mkl_rt";
    static final String PRESET_VERSION = "2025.3-1.5.13";
    static final String REMEDY = "add org.bytedeco:mkl:" + PRESET_VERSION + " with its " + Loader.getPlatform()
            + " and " + Loader.getPlatform() + "-redist classifier jars (the redist jar carries libmkl_rt; without it"
            + " MKL must be installed on the system library path) and run on Java 22+ (MKL's FFTW3 interface is"
            + " reached through FFM)";

    private MklFftw() {
    }

    private static final class Probe {
        static final NativeFftw TABLE;
        static final Availability AVAILABILITY;

        static {
            NativeFftw table = null;
            Availability a;
            try {
                table = open(PRESET_CLASS, MklFftw.class.getClassLoader());
                a = Availability.ok();
            } catch (FusemathException e) {
                a = Availability.unusable(e.getMessage(), REMEDY);
            }
            TABLE = table;
            AVAILABILITY = a;
        }
    }

    /** Whether the MKL provider can run, and if not why and what to add. */
    static Availability availability() {
        return Probe.AVAILABILITY;
    }

    /** The table; throws naming the reason unless MKL can run. */
    static NativeFftw table() {
        Availability a = availability();
        if (!a.usable()) {
            throw new FusemathException("the MKL FFT provider is unavailable: " + a.reason() + "; " + a.remedy());
        }
        return Probe.TABLE;
    }

    /** Finds {@code presetClass}, loads its natives and opens the FFTW3-API table on the library file it loaded. */
    static NativeFftw open(String presetClass, ClassLoader loader) {
        Class<?> preset;
        try {
            preset = Class.forName(presetClass, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FusemathException("org.bytedeco:mkl is not on the class path (" + presetClass + " not found)");
        }
        if (!Fftw3Api.supported()) {
            throw new FusemathException("MKL's FFTW3 interface needs Java 22+ (FFM downcalls); this is Java "
                    + Runtime.version().feature());
        }
        String fftw = FftwLibrary.loadedLibrary("fftw3");
        if (fftw != null) {
            // MKL's libraries export fftw_* too: loaded after libfftw3, they capture the FFTW provider's calls
            // (measured: a crash in MKL's fftwf_execute_dft on a plan libfftw3f made).
            throw new FusemathException("org.bytedeco:mkl cannot be used in this JVM: libfftw3 (" + fftw + ") is already"
                    + " loaded and MKL exports the same fftw_* symbols; " + FftwLibrary.ONE_PER_JVM);
        }
        try {
            Loader.load(preset);
        } catch (RuntimeException | LinkageError e) {
            throw new FusemathException("the MKL natives did not load for " + Loader.getPlatform() + ": " + e);
        }
        String file = libraryFile(Loader.getLoadedLibraries());
        return Fftw3Api.open("mkl", file, file);
    }

    /** The file of {@code libmkl_rt} among JavaCPP's loaded libraries (keys such as {@code mkl_rt@.2}). */
    static String libraryFile(Map<String, String> loaded) {
        for (Map.Entry<String, String> e : loaded.entrySet()) {
            if (e.getKey().startsWith("mkl_rt") && e.getValue() != null) {
                return e.getValue();
            }
        }
        throw new FusemathException("JavaCPP reports no loaded libmkl_rt; loaded: " + loaded.keySet());
    }
}
