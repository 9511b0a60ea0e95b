package org.fusemath.random;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * One generation request's distribution: the kind and its parameters (mean and standard deviation of the
 * underlying normal for normal and log-normal kinds, lambda for Poisson). Checked on construction.
 */
public record Distribution(SampleKind kind, double mean, double stddev, double lambda) {
    /**
     * The largest Poisson mean: {@code curandGeneratePoisson} answers {@code CURAND_STATUS_OUT_OF_RANGE} above it,
     * and below it every count fits the 32-bit result with room to spare (a count of 2^31 would lie over 3 million
     * standard deviations above this mean), so no sample wraps or saturates.
     */
    public static final double MAX_POISSON_LAMBDA = 400_000;

    /** Checks the parameters the kind uses. */
    public Distribution {
        Arguments.requireNonNull(kind, "kind");
        if (kind.pairs()) {
            if (!Double.isFinite(mean)) {
                throw new InvalidArgumentException("mean", mean, "a finite value");
            }
            if (!(stddev >= 0) || !Double.isFinite(stddev)) {
                throw new InvalidArgumentException("stddev", stddev, "a finite value >= 0");
            }
        }
        if (kind == SampleKind.POISSON && !(lambda > 0 && lambda <= MAX_POISSON_LAMBDA)) {
            throw new InvalidArgumentException("lambda", lambda, "a value > 0 and <= 400000 (cuRAND's Poisson range)");
        }
    }

    /** Raw 32-bit integers. */
    public static Distribution uint32() {
        return new Distribution(SampleKind.UINT32, 0, 1, 0);
    }

    /** Uniform floats in (0, 1]. */
    public static Distribution uniformFloat() {
        return new Distribution(SampleKind.UNIFORM_FLOAT, 0, 1, 0);
    }

    /** Uniform doubles in (0, 1]. */
    public static Distribution uniformDouble() {
        return new Distribution(SampleKind.UNIFORM_DOUBLE, 0, 1, 0);
    }

    /** Normal floats {@code mean + stddev * z}. */
    public static Distribution normalFloat(float mean, float stddev) {
        return new Distribution(SampleKind.NORMAL_FLOAT, mean, stddev, 0);
    }

    /** Normal doubles {@code mean + stddev * z}. */
    public static Distribution normalDouble(double mean, double stddev) {
        return new Distribution(SampleKind.NORMAL_DOUBLE, mean, stddev, 0);
    }

    /** Log-normal floats {@code exp(mean + stddev * z)}. */
    public static Distribution logNormalFloat(float mean, float stddev) {
        return new Distribution(SampleKind.LOG_NORMAL_FLOAT, mean, stddev, 0);
    }

    /** Log-normal doubles {@code exp(mean + stddev * z)}. */
    public static Distribution logNormalDouble(double mean, double stddev) {
        return new Distribution(SampleKind.LOG_NORMAL_DOUBLE, mean, stddev, 0);
    }

    /** Poisson counts with mean {@code lambda}, 0 &lt; lambda &lt;= {@link #MAX_POISSON_LAMBDA}. */
    public static Distribution poisson(double lambda) {
        return new Distribution(SampleKind.POISSON, 0, 1, lambda);
    }

    /** The kind with the parameters cuRAND's plain calls use (mean 0, stddev 1; Poisson needs a lambda). */
    public static Distribution standard(SampleKind kind) {
        Arguments.requireNonNull(kind, "kind");
        if (kind == SampleKind.POISSON) {
            throw new InvalidArgumentException("kind", kind, "a kind without parameters; use Distribution.poisson(lambda)");
        }
        return new Distribution(kind, 0, 1, 0);
    }
}
