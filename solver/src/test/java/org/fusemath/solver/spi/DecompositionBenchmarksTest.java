package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.fusemath.api.spi.BenchmarkCase;
import org.junit.jupiter.api.Test;

/** The cholesky and qr rows run both sides at n = 1000 (each side's own checks throw on a failed factorisation). */
class DecompositionBenchmarksTest {
    @Test
    void everyRowRunsBothSidesAgainstBothBaselines() throws Exception {
        DecompositionBenchmarks suite = new DecompositionBenchmarks();
        assertEquals("solver", suite.domain());
        Set<String> rows = suite.cases().stream().map(c -> c.name() + " / " + c.baseline()).collect(Collectors.toSet());
        assertEquals(Set.of("cholesky F64 / raw LAPACK off-heap", "cholesky F64 / EJML", "qr F64 / raw LAPACK off-heap",
                "qr F64 / EJML"), rows);
        for (BenchmarkCase c : suite.cases()) {
            assertTrue(c.workPerCall() > 0, c.name());
            try (BenchmarkCase.Trial t = c.open()) {
                t.runFusemath();
                t.runBaseline();
            }
        }
    }
}
