package org.fusemath.fft.spi;

import java.util.Optional;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.FftSpec;

/**
 * A host FFT library behind one contract (JTransforms by default; FFTW or MKL's FFTW3 interface as opt-in),
 * found through {@link java.util.ServiceLoader} under its {@link #name()}. Implementations are thread-safe:
 * {@link #plan} may be called from any thread (a provider whose planner is not thread-safe serializes it).
 */
public interface FftProvider {
    /** The name an option selects it by: {@code jtransforms}, {@code fftw}, {@code mkl}. */
    String name();

    /** Whether it can run here, and if not why and what to install. */
    Availability availability();

    /** Empty when {@link #plan} accepts {@code spec}, else the reason (a layout or size the library cannot take). */
    Optional<String> unsupported(FftSpec spec);

    /**
     * A plan executing {@code spec} with at most {@code threads} threads (>= 1; the same result whatever the
     * count). Planning may be slow (FFTW measures, tables are computed); execution may then repeat many times.
     */
    FftPlan plan(FftSpec spec, int threads);

    /** A one-line description of the library for logs and {@code fusemath info} (its version, its planner flags). */
    default String describe() {
        return name();
    }
}
