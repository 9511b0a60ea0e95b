package org.fusemath.validation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.spi.BenchmarkCase;
import org.junit.jupiter.api.Test;

/** The runner's arithmetic on a clock that the cases themselves advance: exact times, ratio and rate. */
class BenchRunnerTest {
    private static final BenchSettings SHORT = new BenchSettings(1, 1, 5);

    /** A case whose sides take {@code fusemathNanos} and {@code baselineNanos} of the fake clock per call. */
    private static BenchmarkCase timed(AtomicLong clock, long fusemathNanos, Long baselineNanos) {
        return timed(clock, calls -> fusemathNanos, baselineNanos, Double.NaN);
    }

    /** Per-call fusemath time as a function of how many calls came before. */
    private interface Cost {
        long nanos(long callsBefore);
    }

    private static BenchmarkCase timed(AtomicLong clock, Cost fusemathCost, Long baselineNanos, double speedupTarget) {
        AtomicLong calls = new AtomicLong();
        return new BenchmarkCase() {
            @Override
            public double speedupTarget() {
                return speedupTarget;
            }

            @Override
            public String name() {
                return "synthetic";
            }

            @Override
            public String size() {
                return "n=1";
            }

            @Override
            public String baseline() {
                return baselineNanos == null ? null : "twice as fast";
            }

            @Override
            public boolean quick() {
                return true;
            }

            @Override
            public double workPerCall() {
                return 2;
            }

            @Override
            public String rateUnit() {
                return "GFLOP/s";
            }

            @Override
            public Trial open() {
                return new Trial() {
                    @Override
                    public void runFusemath() {
                        clock.addAndGet(fusemathCost.nanos(calls.getAndIncrement()));
                    }

                    @Override
                    public void runBaseline() {
                        if (baselineNanos == null) {
                            throw new AssertionError("a case without baseline must not run one");
                        }
                        clock.addAndGet(baselineNanos);
                    }
                };
            }
        };
    }

    @Test
    void medianTimesRatioAndRateFollowFromTheClock() {
        AtomicLong clock = new AtomicLong();
        BenchOutcome o = new BenchRunner(SHORT, clock::get).run("test", timed(clock, 200, 100L));
        assertNull(o.error());
        assertEquals(200, o.fusemathNanos(), 1e-9);
        assertEquals(100, o.baselineNanos(), 1e-9);
        assertEquals(0.5, o.speedup(), 1e-12, "baseline time / fusemath time");
        assertEquals(2 / 200e-9, o.rate(), 1e-3, "work per call / time per call");
        assertEquals(0, o.fusemathSpread(), 1e-12);
    }

    @Test
    void aRowBelowItsTargetIsMarkedAndAQuietOneIsNotNoisy() {
        AtomicLong clock = new AtomicLong();
        BenchOutcome below = new BenchRunner(SHORT, clock::get).run("test", timed(clock, c -> 200, 100L, 0.95));
        assertTrue(below.belowTarget(), "0.5x against a 0.95x target");
        assertFalse(below.noisy());
        assertEquals(0.95, below.speedupTarget(), 0.0);
        BenchOutcome met = new BenchRunner(SHORT, clock::get).run("test", timed(clock, c -> 100, 200L, 0.95));
        assertFalse(met.belowTarget(), "2x against a 0.95x target");
        BenchOutcome none = new BenchRunner(SHORT, clock::get).run("test", timed(clock, c -> 200, 100L, Double.NaN));
        assertFalse(none.belowTarget(), "no target, no mark");
    }

    @Test
    void roundsSpreadBeyondTwentyPercentMakeANoisyRow() {
        AtomicLong clock = new AtomicLong();
        // Each call slower than the one before: the rounds drift far apart, as under a changing load.
        BenchOutcome o = new BenchRunner(SHORT, clock::get).run("test", timed(clock, c -> 100 + c / 20, 100L, Double.NaN));
        assertTrue(o.fusemathSpread() > 0.4, "spread " + o.fusemathSpread());
        assertTrue(o.noisy());
        assertEquals(0, o.baselineSpread(), 1e-12);
    }

    @Test
    void aCaseWithoutBaselineReportsOnlyItsRate() {
        AtomicLong clock = new AtomicLong();
        BenchOutcome o = new BenchRunner(SHORT, clock::get).run("test", timed(clock, 50, null));
        assertNull(o.error());
        assertTrue(Double.isNaN(o.baselineNanos()) && Double.isNaN(o.speedup()));
        assertEquals(50, o.fusemathNanos(), 1e-9);
    }

    @Test
    void aCaseThatFailsBecomesAnOutcomeWithItsMessage() {
        AtomicLong clock = new AtomicLong();
        BenchmarkCase broken = new BenchmarkCase() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String size() {
                return "-";
            }

            @Override
            public String baseline() {
                return null;
            }

            @Override
            public boolean quick() {
                return true;
            }

            @Override
            public double workPerCall() {
                return 0;
            }

            @Override
            public String rateUnit() {
                return null;
            }

            @Override
            public Trial open() {
                throw new IllegalStateException("no operands today");
            }
        };
        BenchOutcome o = new BenchRunner(SHORT, clock::get).run("test", broken);
        assertEquals("IllegalStateException: no operands today", o.error());
    }
}
