package org.fusemath.fft.host;

import java.io.IOException;
import org.bytedeco.javacpp.Loader;
import org.fusemath.api.FusemathException;
import org.fusemath.api.spi.Availability;

/**
 * Whether FFTW can be used here, decided once without ever throwing at the caller: FFTW is GPL-licensed, so
 * fusemath only declares {@code org.bytedeco:fftw} as an optional dependency and the application adds it. The
 * preset's classes are looked up by name first (so nothing links against them when they are absent), then its
 * natives are loaded and FFTW's threads initialised. Thread-safe.
 */
final class FftwLibrary {
    static final String PRESET_CLASS = "org.bytedeco.fftw.global.fftw3";
    static final String PRESET_VERSION = "3.3.10-1.5.13";
    static final String REMEDY = "add org.bytedeco:fftw:" + PRESET_VERSION + " and its " + Loader.getPlatform()
            + " classifier jar to the application (FFTW is GPL-2.0-or-later: fusemath does not bring it)";

    /** The remedy when libfftw3 and MKL's FFTW3 interface would share one process. */
    static final String ONE_PER_JVM = "use one FFTW3-API provider per JVM: fftw (org.bytedeco:fftw) or mkl"
            + " (org.bytedeco:mkl), whichever loads first; both export fftw_plan_*, fftw_execute_* and the rest,"
            + " and the dynamic linker resolves the second library's calls to the first's";

    private FftwLibrary() {
    }

    /** The key of a library JavaCPP has loaded in this JVM whose name starts with {@code prefix}, or null. */
    static String loadedLibrary(String prefix) {
        for (String key : Loader.getLoadedLibraries().keySet()) {
            if (key.startsWith(prefix)) {
                return key;
            }
        }
        return null;
    }

    private static final class Probe {
        static final Availability AVAILABILITY = probe(PRESET_CLASS, FftwLibrary.class.getClassLoader());
    }

    /** Whether the FFTW provider can run, and if not why and what to add. */
    static Availability availability() {
        return Probe.AVAILABILITY;
    }

    /** Throws naming the reason unless FFTW can run. */
    static void require() {
        Availability a = availability();
        if (!a.usable()) {
            throw new FusemathException("the FFTW provider is unavailable: " + a.reason() + "; " + a.remedy());
        }
    }

    /** Looks {@code presetClass} up through {@code loader}, loads its natives and starts FFTW's threads; never throws. */
    static Availability probe(String presetClass, ClassLoader loader) {
        Class<?> preset;
        try {
            preset = Class.forName(presetClass, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unusable("org.bytedeco:fftw is not on the class path (" + presetClass + " not found)", REMEDY);
        }
        String mkl = loadedLibrary("mkl_");
        if (mkl != null) {
            return Availability.unusable("Intel MKL (" + mkl + ") is already loaded in this JVM and exports the same"
                    + " fftw_* symbols as libfftw3, so FFTW's plans would run through MKL's code", ONE_PER_JVM);
        }
        try {
            Loader.load(preset);
            ThreadsInit.run();
            return Availability.ok();
        } catch (RuntimeException | LinkageError e) {
            return Availability.unusable("the FFTW natives did not load for " + Loader.getPlatform() + ": " + e, REMEDY);
        }
    }

    /** The file JavaCPP loaded {@code libfftw3} ({@code single}: {@code libfftw3f}) from, for FFM symbol lookups. */
    static String libraryFile(boolean single) {
        String path = Loader.getLoadedLibraries().get(single ? "fftw3f@.3" : "fftw3@.3");
        if (path == null) {
            throw new IllegalStateException("JavaCPP reports no loaded FFTW library; loaded: " + Loader.getLoadedLibraries().keySet());
        }
        return path;
    }

    /** The preset's Maven version, e.g. {@code 3.3.10-1.5.13}. */
    static String presetVersion() {
        try {
            String v = Loader.getVersion("org.bytedeco", "fftw");
            return v == null ? PRESET_VERSION : v;
        } catch (IOException e) {
            return PRESET_VERSION;
        }
    }

    /** The one call of {@code fftw_init_threads} per precision; a class of its own so that it links only once the preset is found. */
    private static final class ThreadsInit {
        static void run() {
            synchronized (FftwPlanner.LOCK) {
                if (org.bytedeco.fftw.global.fftw3.fftw_init_threads() == 0
                        || org.bytedeco.fftw.global.fftw3.fftwf_init_threads() == 0) {
                    throw new IllegalStateException("fftw_init_threads failed");
                }
            }
        }
    }
}
