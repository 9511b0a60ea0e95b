package org.fusemath.ejml;

/**
 * The measured default thresholds of the mult family, in multiply-adds m*n*k: a product of at least this size runs
 * on fusemath's path, a smaller one on EJML's. {@code -Dfusemath.ejml.threshold.mult} or
 * {@link EjmlExecution#setThreshold} overrides all four.
 *
 * <p>Measured with {@code EjmlMultBenchmark} (see bench/README.md, section "EJML facades: mult"): the smallest
 * square n at which the facade's fusemath path beat EJML's method in the same JVM, cubed.
 */
final class MultThresholds {
    /** CommonOps_DDRM: provisional until measured. */
    static final long DDRM = 32L * 32 * 32;
    /** CommonOps_FDRM: provisional until measured. */
    static final long FDRM = 32L * 32 * 32;
    /** CommonOps_MT_DDRM: provisional until measured. */
    static final long MT_DDRM = 32L * 32 * 32;
    /** CommonOps_MT_FDRM: provisional until measured. */
    static final long MT_FDRM = 32L * 32 * 32;

    private MultThresholds() {
    }
}
