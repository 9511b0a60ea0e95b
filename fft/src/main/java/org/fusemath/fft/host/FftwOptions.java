package org.fusemath.fft.host;

import org.fusemath.api.Arguments;

/**
 * How an FFTW plan is made and run: the planner's effort, the threads one execution uses (FFTW's own pool), and
 * whether a complex-to-real execution may overwrite its input (FFTW's C2R always may; fusemath copies the input
 * first unless this is true). Immutable.
 *
 * @param effort         the planner's effort
 * @param threads        threads per execution, 1 or more
 * @param overwriteInput whether a C2R execution may destroy the caller's input
 */
public record FftwOptions(FftwEffort effort, int threads, boolean overwriteInput) {
    /** {@link FftwEffort#ESTIMATE}, one thread, inputs preserved. */
    public static final FftwOptions DEFAULT = new FftwOptions(FftwEffort.ESTIMATE, 1, false);

    /** Checks the options. */
    public FftwOptions {
        Arguments.requireNonNull(effort, "effort");
        Arguments.requirePositive("threads", threads);
    }

    /** These options with another effort. */
    public FftwOptions withEffort(FftwEffort e) {
        return new FftwOptions(e, threads, overwriteInput);
    }

    /** These options with another thread count. */
    public FftwOptions withThreads(int t) {
        return new FftwOptions(effort, t, overwriteInput);
    }

    /** These options with another overwrite rule. */
    public FftwOptions withOverwriteInput(boolean overwrite) {
        return new FftwOptions(effort, threads, overwrite);
    }
}
