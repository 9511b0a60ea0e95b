package org.fusemath.fft.host;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.spi.Availability;

/**
 * The opt-in FFTW 3.3.10 host provider's entry points: whether it is usable, plans of {@link FftwGuru}
 * descriptions, and FFTW's wisdom (the planner's remembered measurements) for saving and restoring across runs.
 * FFTW is GPL-licensed: the application adds {@code org.bytedeco:fftw} itself, and without it
 * {@link #availability()} says so and every other method throws a {@code FusemathException} with that reason.
 * Thread-safe: planning and wisdom calls are serialized process-wide (FFTW's planner is not thread-safe).
 */
public final class Fftw {
    private Fftw() {
    }

    /** Whether FFTW is on the class path and loads here; never throws. */
    public static Availability availability() {
        return FftwLibrary.availability();
    }

    /** A plan for {@code guru} with {@code options}. */
    public static FftwPlan plan(FftwGuru guru, FftwOptions options) {
        return FftwPlanner.plan(FftwCalls.table(), guru, options);
    }

    /** {@code ffm} (heap arrays passed without copies on JDK 22+) or {@code javacpp} (aligned staging). */
    public static String callPath() {
        return FftwCalls.table().callPath();
    }

    /** FFTW's version string, e.g. {@code fftw-3.3.10-sse2-avx}. */
    public static String version() {
        return FftwCalls.table().version();
    }

    /** The wisdom FFTW has gathered for {@code precision} (F32/C64 or F64/C128), as FFTW's own text. */
    public static String exportWisdom(DType precision) {
        Arguments.requireNonNull(precision, "precision");
        NativeFftw table = FftwCalls.table();
        synchronized (FftwPlanner.LOCK) {
            return table.exportWisdom(precision.isSinglePrecision());
        }
    }

    /** Adds wisdom exported earlier; false when FFTW cannot read the text. */
    public static boolean importWisdom(DType precision, String wisdom) {
        Arguments.requireNonNull(precision, "precision");
        Arguments.requireNonNull(wisdom, "wisdom");
        NativeFftw table = FftwCalls.table();
        synchronized (FftwPlanner.LOCK) {
            return table.importWisdom(precision.isSinglePrecision(), wisdom);
        }
    }

    /** Forgets all wisdom of {@code precision} (plans already made keep working). */
    public static void forgetWisdom(DType precision) {
        Arguments.requireNonNull(precision, "precision");
        NativeFftw table = FftwCalls.table();
        synchronized (FftwPlanner.LOCK) {
            table.forgetWisdom(precision.isSinglePrecision());
        }
    }
}
