package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.spi.BenchmarkCase;
import org.junit.jupiter.api.Test;

/** The bench cases run both sides (the raw LU at n = 1000 too, which needs its deep-stack thread) and close. */
class SolverBenchmarksTest {
    @Test
    void everyCaseRunsBothSides() throws Exception {
        SolverBenchmarks suite = new SolverBenchmarks();
        assertEquals("solver", suite.domain());
        assertEquals(3, suite.cases().stream().filter(BenchmarkCase::quick).count());
        for (BenchmarkCase c : suite.cases()) {
            assertTrue(c.workPerCall() > 0, c.name());
            try (BenchmarkCase.Trial t = c.open()) {
                t.runFusemath();
                t.runBaseline();
            }
        }
    }
}
