package org.fusemath.ejml;

/**
 * The measured default thresholds of the mult family, in multiply-adds m*n*k: a product of at least this size runs
 * on fusemath's path, a smaller one on EJML's. {@code -Dfusemath.ejml.threshold.mult} or
 * {@link EjmlExecution#setThreshold} overrides all four.
 *
 * <p>Measured 2026-12-01 on the 2-core AMD EPYC dev machine, JDK 17, load average 23-32 (see bench/README.md,
 * "The EJML drop-in: mult"), with
 * {@code OPENBLAS_NUM_THREADS=1 java -XX:ActiveProcessorCount=1 -cp ejml/target/classes:bench/target/benchmarks.jar
 * org.fusemath.bench.ejml.EjmlMultThresholdProbe} (fastest of 60 alternating blocks per side, fusemath's path
 * forced): EJML ÷ fusemath for CommonOps_DDRM.mult was 0.40 (n = 2), 0.92 (4), 2.38 (6), 1.36 (8), 0.87 (12),
 * 2.46 (16), 3.81 (32), 6.78 (64); for CommonOps_FDRM 0.12, 0.77, 1.12, 1.64, 1.12, 2.46, 6.35, 13.3. The
 * single-threaded thresholds sit at n = 16, the first size from which every measured n won by at least 2x, so
 * that no size at or below 32 is slower than EJML. EJML's concurrent mult pays about 7 µs of fork-join overhead
 * even at n = 2 (fusemath 0.07 µs): the concurrent facades were faster at every measured size and accelerate
 * every non-empty product.
 */
final class MultThresholds {
    /** CommonOps_DDRM: n = 16 (16³). */
    static final long DDRM = 16L * 16 * 16;
    /** CommonOps_FDRM: n = 16 (16³). */
    static final long FDRM = 16L * 16 * 16;
    /** CommonOps_MT_DDRM: every non-empty product. */
    static final long MT_DDRM = 1;
    /** CommonOps_MT_FDRM: every non-empty product. */
    static final long MT_FDRM = 1;

    private MultThresholds() {
    }
}
