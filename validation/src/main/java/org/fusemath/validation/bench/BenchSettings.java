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
    /**
     * A short run: a few seconds per case. The warm-up is long enough for HotSpot to compile the call path and for
     * OpenBLAS to start its threads; with 300 ms the first GEMM row read 0.68-0.81x where a full run read 1.00x.
     */
    public static final BenchSettings QUICK = new BenchSettings(1000, 25, 9);
    /** The default run. */
    public static final BenchSettings FULL = new BenchSettings(1500, 100, 15);
}
