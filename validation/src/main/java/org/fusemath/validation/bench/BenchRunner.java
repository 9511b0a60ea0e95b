package org.fusemath.validation.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.fusemath.api.spi.BenchmarkCase;

/**
 * Times one benchmark case: both sides warmed up, then rounds of batches that alternate fusemath and baseline
 * (and which goes first) so that a change in the machine's load hits both alike; each side's time is its
 * median round. Not a substitute for JMH (no forks, no dead-code protection beyond the calls' own side
 * effects); the JMH suites in {@code bench/} take the figures claims rest on.
 */
public final class BenchRunner {
    /** Rounds spread more than this many percent either side of the median make a row noisy. */
    public static final int NOISY_PERCENT = 20;

    private final BenchSettings settings;
    private final LongSupplier clock;

    /** A runner with these settings on {@link System#nanoTime()}. */
    public BenchRunner(BenchSettings settings) {
        this(settings, System::nanoTime);
    }

    /** A runner reading time in nanoseconds from {@code clock} (tests give it a clock the cases advance). */
    BenchRunner(BenchSettings settings, LongSupplier clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs {@code c} of suite {@code domain}; a failure becomes an outcome with its message. */
    public BenchOutcome run(String domain, BenchmarkCase c) {
        boolean hasBaseline = c.baseline() != null;
        try (BenchmarkCase.Trial trial = c.open()) {
            Runnable fusemath = trial::runFusemath;
            Runnable baseline = trial::runBaseline;
            long fusemathCalls = callsPerBatch(fusemath);
            long baselineCalls = hasBaseline ? callsPerBatch(baseline) : 0;
            double[] f = new double[settings.rounds()];
            double[] b = new double[settings.rounds()];
            for (int r = 0; r < settings.rounds(); r++) {
                boolean baselineFirst = hasBaseline && r % 2 == 1;
                if (baselineFirst) {
                    b[r] = timePerCall(baseline, baselineCalls);
                }
                f[r] = timePerCall(fusemath, fusemathCalls);
                if (hasBaseline && !baselineFirst) {
                    b[r] = timePerCall(baseline, baselineCalls);
                }
            }
            double fm = median(f);
            double bm = hasBaseline ? median(b) : Double.NaN;
            double spread = (max(f) - min(f)) / fm;
            double baselineSpread = hasBaseline ? (max(b) - min(b)) / bm : Double.NaN;
            double rate = c.workPerCall() > 0 ? c.workPerCall() / (fm * 1e-9) : Double.NaN;
            double speedup = bm / fm;
            // (max - min) / median > 2 * 20 %: the rounds reach beyond ±20 % of the median.
            double noisyAbove = 2 * NOISY_PERCENT / 100.0;
            boolean noisy = spread > noisyAbove || baselineSpread > noisyAbove;
            boolean below = speedup < c.speedupTarget() || rate < c.rateTarget();
            return new BenchOutcome(domain, c.name(), c.size(), c.baseline(), fm, spread, bm, baselineSpread, speedup,
                    c.speedupTarget(), rate, c.workPerCall() > 0 ? c.rateUnit() : null, c.rateTarget(), below, noisy, null);
        } catch (Exception | LinkageError e) {
            return new BenchOutcome(domain, c.name(), c.size(), c.baseline(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, false, false,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Warms {@code op} up and returns how many calls fill one batch. */
    private long callsPerBatch(Runnable op) {
        long warmEnd = clock.getAsLong() + settings.warmupMillis() * 1_000_000L;
        long calls = 0;
        long start = clock.getAsLong();
        do {
            op.run();
            calls++;
        } while (clock.getAsLong() < warmEnd);
        double perCall = (double) (clock.getAsLong() - start) / calls;
        return Math.max(1, Math.round(settings.batchMillis() * 1e6 / perCall));
    }

    private double timePerCall(Runnable op, long calls) {
        long start = clock.getAsLong();
        for (long i = 0; i < calls; i++) {
            op.run();
        }
        return (double) (clock.getAsLong() - start) / calls;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
