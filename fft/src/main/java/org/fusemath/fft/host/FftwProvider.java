package org.fusemath.fft.host;

import java.util.Locale;
import java.util.Optional;
import org.fusemath.api.Arguments;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;

/**
 * The FFTW 3.3.10 host provider ({@code fftw}): each {@link FftSpec} becomes one guru64 plan ({@link FftwGuru#of})
 * executed on the caller's arrays, or on {@link org.fusemath.fft.NativeArray}s by address with no copies (plans made
 * per alignment class of the addresses, see {@link FftwSpecPlan}). Opt-in: FFTW is GPL-licensed and only there when the application adds
 * {@code org.bytedeco:fftw}; without it {@link #availability()} names what to add. The planner effort comes from
 * the constructor, or for the {@link java.util.ServiceLoader} instance from {@code -Dfusemath.fft.fftw.effort}
 * ({@code estimate} (default), {@code measure}, {@code patient}, {@code exhaustive}, {@code wisdom_only}).
 * Thread-safe.
 */
public final class FftwProvider implements FftProvider {
    /** The system property that sets the ServiceLoader instance's planner effort. */
    public static final String EFFORT_PROPERTY = "fusemath.fft.fftw.effort";

    private final FftwOptions options;

    /** The provider with the planner effort of {@link #EFFORT_PROPERTY} (FFTW_ESTIMATE when unset). */
    public FftwProvider() {
        this(FftwOptions.DEFAULT.withEffort(effortFromProperty()));
    }

    /** The provider planning with {@code options} (its thread count is replaced by each plan's). */
    public FftwProvider(FftwOptions options) {
        this.options = Arguments.requireNonNull(options, "options").withOverwriteInput(false);
    }

    @Override
    public String name() {
        return "fftw";
    }

    @Override
    public Availability availability() {
        return Fftw.availability();
    }

    @Override
    public Optional<String> unsupported(FftSpec spec) {
        Arguments.requireNonNull(spec, "spec");
        Availability a = availability();
        if (!a.usable()) {
            return Optional.of(a.reason());
        }
        return layoutUnsupported(spec);
    }

    /** Why an FFTW3-API table cannot take {@code spec}'s layout (negative strides), if it cannot. */
    static Optional<String> layoutUnsupported(FftSpec spec) {
        for (FftDim d : spec.transformDims()) {
            if (d.is() < 0 || d.os() < 0) {
                return Optional.of("negative strides (the fftw provider stages and bounds non-negative layouts only)");
            }
        }
        for (FftDim d : spec.batchDims()) {
            if (d.is() < 0 || d.os() < 0) {
                return Optional.of("negative strides (the fftw provider stages and bounds non-negative layouts only)");
            }
        }
        return Optional.empty();
    }

    @Override
    public FftPlan plan(FftSpec spec, int threads) {
        Arguments.requirePositive("threads", threads);
        unsupported(spec).ifPresent(reason -> {
            throw new org.fusemath.api.InvalidArgumentException("spec", spec, "a layout the fftw provider takes: " + reason);
        });
        return new FftwSpecPlan(spec, threads, options.withThreads(threads));
    }

    @Override
    public String describe() {
        if (!availability().usable()) {
            return "fftw (unavailable: " + availability().reason() + ")";
        }
        return "FFTW " + Fftw.version() + " (preset " + FftwLibrary.presetVersion() + ", " + Fftw.callPath() + ", "
                + options.effort() + ")";
    }

    /** The planner options plans are made with. */
    public FftwOptions options() {
        return options;
    }

    static FftwEffort effortFromProperty() {
        String v = System.getProperty(EFFORT_PROPERTY, "").trim();
        if (v.isEmpty()) {
            return FftwEffort.ESTIMATE;
        }
        try {
            return FftwEffort.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.fusemath.api.InvalidArgumentException(EFFORT_PROPERTY, v,
                    "estimate, measure, patient, exhaustive or wisdom_only");
        }
    }
}
