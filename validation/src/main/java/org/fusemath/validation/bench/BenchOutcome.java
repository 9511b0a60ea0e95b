package org.fusemath.validation.bench;

/**
 * One timed case: median nanoseconds per call of fusemath and of its baseline, their ratio, the rate, and how it
 * stands against the case's claims.
 *
 * @param domain         the suite's domain
 * @param name           what was measured
 * @param size           the problem size
 * @param baseline       what fusemath was compared with, or null
 * @param fusemathNanos  median time per fusemath call
 * @param fusemathSpread (slowest − fastest round) / median of the fusemath rounds
 * @param baselineNanos  median time per baseline call, NaN without a baseline
 * @param baselineSpread (slowest − fastest round) / median of the baseline rounds, NaN without a baseline
 * @param speedup        baseline time / fusemath time (above 1: fusemath is faster), NaN without a baseline
 * @param speedupTarget  the least speed-up the case claims, NaN for none
 * @param rate           fusemath's rate in {@code rateUnit}, NaN without one
 * @param rateUnit       the rate's unit, or null
 * @param rateTarget     the least rate the case claims, NaN for none
 * @param belowTarget    whether the speed-up or the rate is below its target
 * @param noisy          whether either side's rounds spread more than ±{@value BenchRunner#NOISY_PERCENT}% about the median
 * @param error          why the case could not run, or null
 */
public record BenchOutcome(String domain, String name, String size, String baseline, double fusemathNanos,
                           double fusemathSpread, double baselineNanos, double baselineSpread, double speedup,
                           double speedupTarget, double rate, String rateUnit, double rateTarget, boolean belowTarget,
                           boolean noisy, String error) {
}
