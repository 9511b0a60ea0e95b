package org.fusemath.validation.bench;

/**
 * How long {@link BenchRunner} warms each side up, how long one timed batch of calls lasts, and how many
 * alternating rounds it takes (the reported time is the median round).
 *
 * @param warmupMillis warm-up per side before timing
 * @param batchMillis  the target length of one timed batch
 * @param rounds       timed batches per side, alternating with the baseline's
 */
public record BenchSettings(long warmupMillis, long batchMillis, int rounds) {
    /** A short run: a few seconds per case. */
    public static final BenchSettings QUICK = new BenchSettings(300, 25, 7);
    /** The default run. */
    public static final BenchSettings FULL = new BenchSettings(1500, 100, 15);
}
