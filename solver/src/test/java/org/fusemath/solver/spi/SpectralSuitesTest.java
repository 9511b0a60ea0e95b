package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

/** The SVD/eigen registrations: every validation case passes its bound, the bench rows run both sides. */
class SpectralSuitesTest {
    @Test
    void everyValidationCasePassesItsBound() throws Exception {
        FuseContext host = FuseContext.builder().execution(Execution.HOST).build();
        List<ValidationCase> cases = new SpectralValidationSuite().cases();
        assertEquals(Set.of("svd", "eigh", "eig", "eigvalsh", "eigvals"), cases.stream().map(ValidationCase::op).collect(Collectors.toSet()));
        assertEquals(10, cases.stream().filter(ValidationCase::quick).count());
        assertEquals(4 * (20 + 6), cases.size());
        for (ValidationCase c : cases) {
            ValidationResult r = c.run(host);
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r.error() + " > " + r.bound());
            // A case that measured exactly nothing would be suspect: rounding leaves a trace except at n = 1.
            assertTrue(r.error() > 0 || c.shape().startsWith("1x1"), c.op() + " " + c.dtype() + " " + c.shape());
        }
    }

    @Test
    void benchRowsRunBothSides() throws Exception {
        SpectralBenchmarks suite = new SpectralBenchmarks();
        assertEquals("solver", suite.domain());
        assertEquals(2, suite.cases().stream().filter(BenchmarkCase::quick).count());
        for (BenchmarkCase c : suite.cases()) {
            assertEquals("svd F64", c.name());
            assertTrue(c.workPerCall() > 0);
            try (BenchmarkCase.Trial t = c.open()) {
                t.runFusemath();
                t.runBaseline();
            }
        }
    }

    @Test
    void execListsTheFiveOperationsWithNumpysOptions() {
        List<ExecOperation> ops = new SpectralExecOperations().operations();
        assertEquals(List.of("svd", "eigh", "eigvalsh", "eig", "eigvals"), ops.stream().map(ExecOperation::name).toList());
        assertEquals(Set.of("full-matrices", "compute-uv"),
                ops.get(0).parameters().stream().map(p -> p.name()).collect(Collectors.toSet()));
        assertTrue(ops.get(3).parameters().isEmpty());
    }
}
