package org.fusemath.fft;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * NumPy's {@code norm}: which direction carries the 1/N factor (N = product of the transform lengths).
 * Unnormalized FFTW and cuFFT plans are scaled by {@link #scale(FftDirection, double)} afterwards.
 */
public enum FftNorm {
    /** Forward unscaled, inverse scaled by 1/N (NumPy's default). */
    BACKWARD,
    /** Both directions scaled by 1/sqrt(N): the transform is unitary. */
    ORTHO,
    /** Forward scaled by 1/N, inverse unscaled. */
    FORWARD;

    /** The factor applied to the unnormalized transform's output in {@code direction} for {@code n} points. */
    public double scale(FftDirection direction, double n) {
        return switch (this) {
            case BACKWARD -> direction == FftDirection.FORWARD ? 1.0 : 1.0 / n;
            case ORTHO -> 1.0 / Math.sqrt(n);
            case FORWARD -> direction == FftDirection.FORWARD ? 1.0 / n : 1.0;
        };
    }

    /** Parses NumPy's spelling ({@code backward}, {@code ortho}, {@code forward}); null means backward. */
    public static FftNorm parse(String name) {
        if (name == null) {
            return BACKWARD;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("norm", "'" + name + "'", "one of backward, ortho, forward");
        }
    }

    /** NumPy's spelling. */
    public String numpyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FftNorm require(FftNorm norm) {
        return Arguments.requireNonNull(norm, "norm");
    }
}
