package org.fusemath.bench.blas;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results of a paired benchmark: each invocation runs fusemath and its baseline back to back on the
 * same data, alternating which goes first, and adds each side's milliseconds here. JMH sums the counters over
 * all measured iterations of all forks, so {@code fusemathMs ÷ baselineMs} is the time ratio, and it is immune
 * to the fork-to-fork spread of this machine (array placement, CPU mode) that separate benchmarks see.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class PairedTimes {
    /** fusemath's milliseconds in this iteration. */
    public double fusemathMs;
    /** The baseline's milliseconds in this iteration. */
    public double baselineMs;
    /** Pairs run in this iteration. */
    public int pairs;

    @Setup(Level.Iteration)
    public void clear() {
        fusemathMs = 0;
        baselineMs = 0;
        pairs = 0;
    }

    /** Runs both once, in alternating order, and adds their times. */
    public void run(Runnable fusemath, Runnable baseline) {
        boolean fusemathFirst = (pairs & 1) == 0;
        for (int side = 0; side < 2; side++) {
            boolean isFusemath = (side == 0) == fusemathFirst;
            long start = System.nanoTime();
            (isFusemath ? fusemath : baseline).run();
            double ms = (System.nanoTime() - start) * 1e-6;
            if (isFusemath) {
                fusemathMs += ms;
            } else {
                baselineMs += ms;
            }
        }
        pairs++;
    }
}
