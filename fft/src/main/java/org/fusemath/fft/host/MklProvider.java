package org.fusemath.fft.host;

import java.util.Optional;
import org.fusemath.api.Arguments;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;

/**
 * The Intel MKL host provider ({@code mkl}): the FFTW provider's guru64 mapping and execution, on MKL's FFTW3
 * interface instead of FFTW ({@link MklFftw}, Java 22+, FFM). Opt-in: usable only when the application adds
 * {@code org.bytedeco:mkl}; {@link #availability()} names what is missing otherwise. MKL's wrappers keep no wisdom
 * (exports are empty). Thread-safe.
 */
public final class MklProvider implements FftProvider {
    private final FftwOptions options;

    /** The provider planning with FFTW_ESTIMATE (MKL's wrappers ignore the effort flags). */
    public MklProvider() {
        this.options = FftwOptions.DEFAULT.withOverwriteInput(false);
    }

    @Override
    public String name() {
        return "mkl";
    }

    @Override
    public Availability availability() {
        return MklFftw.availability();
    }

    @Override
    public Optional<String> unsupported(FftSpec spec) {
        Arguments.requireNonNull(spec, "spec");
        Availability a = availability();
        if (!a.usable()) {
            return Optional.of(a.reason());
        }
        return FftwProvider.layoutUnsupported(spec);
    }

    @Override
    public FftPlan plan(FftSpec spec, int threads) {
        Arguments.requirePositive("threads", threads);
        unsupported(spec).ifPresent(reason -> {
            throw new org.fusemath.api.InvalidArgumentException("spec", spec, "a layout the mkl provider takes: " + reason);
        });
        return new FftwSpecPlan(spec, threads, options.withThreads(threads), MklFftw.table());
    }

    @Override
    public String describe() {
        if (!availability().usable()) {
            return "mkl (unavailable: " + availability().reason() + ")";
        }
        return "Intel MKL FFTW3 interface (" + MklFftw.table().callPath() + ")";
    }
}
