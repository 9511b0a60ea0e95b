package org.fusemath.api.spi;

import org.fusemath.api.Arguments;

/**
 * One {@code fusemath bench} row: a fusemath call beside a baseline doing the same work, timed in the same
 * JVM so that their ratio means something on the machine at hand (JMH in {@code bench/} takes the figures
 * that claims rest on).
 */
public interface BenchmarkCase {
    /**
     * What is measured, e.g. {@code gemm F64 heap vs cblas off-heap}; together with {@link #size()} it identifies
     * the row (scripts read it), so two cases of a suite never share both.
     */
    String name();

    /** The problem size as text, e.g. {@code n=256}. */
    String size();

    /** What fusemath is compared with, e.g. {@code cblas_dgemm off-heap}; null when there is no baseline. */
    String baseline();

    /**
     * The least speed-up (baseline time / fusemath time, above 1: fusemath is faster) this case claims, e.g. 0.95
     * for "at least 0.95× raw cblas"; NaN when it claims none. A row below it is marked.
     */
    default double speedupTarget() {
        return Double.NaN;
    }

    /** The least rate in {@link #rateUnit()} this case claims; NaN when it claims none. A row below it is marked. */
    default double rateTarget() {
        return Double.NaN;
    }

    /** Whether {@code --quick} includes it. */
    boolean quick();

    /** Work per call in units of {@link #rateUnit()} per second (e.g. 2n³·1e-9 for GFLOP/s); 0 for no rate. */
    double workPerCall();

    /** The unit of the rate column, e.g. {@code GFLOP/s}. */
    String rateUnit();

    /** Allocates the operands; the trial runs both sides on them and frees them on close. */
    Trial open();

    /** The two sides of one case on prepared operands; used by one thread. */
    interface Trial extends AutoCloseable {
        /** One call of fusemath's side. */
        void runFusemath();

        /** One call of the baseline; only called when {@link BenchmarkCase#baseline()} is not null. */
        void runBaseline();

        /** Frees the operands. */
        @Override
        default void close() {
        }

        /** A trial of the two sides and what frees their operands. */
        static Trial of(Runnable fusemath, Runnable baseline, Runnable close) {
            Arguments.requireNonNull(fusemath, "fusemath");
            Arguments.requireNonNull(baseline, "baseline");
            Arguments.requireNonNull(close, "close");
            return new Trial() {
                @Override
                public void runFusemath() {
                    fusemath.run();
                }

                @Override
                public void runBaseline() {
                    baseline.run();
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }
}
