package org.fusemath.validation.bench;

/**
 * One timed case: median nanoseconds per call of fusemath and of its baseline, their ratio and the rate.
 *
 * @param domain        the suite's domain
 * @param name          what was measured
 * @param size          the problem size
 * @param baseline      what fusemath was compared with, or null
 * @param fusemathNanos median time per fusemath call
 * @param fusemathSpread (slowest − fastest round) / median of the fusemath rounds
 * @param baselineNanos median time per baseline call, NaN without a baseline
 * @param speedup       baseline time / fusemath time (above 1: fusemath is faster), NaN without a baseline
 * @param rate          fusemath's rate in {@code rateUnit}, NaN without one
 * @param rateUnit      the rate's unit, or null
 * @param error         why the case could not run, or null
 */
public record BenchOutcome(String domain, String name, String size, String baseline, double fusemathNanos,
                           double fusemathSpread, double baselineNanos, double speedup, double rate, String rateUnit,
                           String error) {
}
