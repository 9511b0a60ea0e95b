package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

/** Every decomposition case passes within its bound, the quick subset covers each op, and the metrics can fail. */
class DecompositionValidationSuiteTest {
    @Test
    void everyCasePassesAndTheQuickSubsetCoversEachOp() throws Exception {
        List<ValidationCase> cases = new DecompositionValidationSuite().cases();
        assertEquals(84, cases.size());
        Set<String> quickOps = cases.stream().filter(ValidationCase::quick).map(ValidationCase::op).collect(Collectors.toSet());
        assertEquals(Set.of("cholesky", "qr", "lstsq", "solve A^H", "lu", "solve hilbert", "lstsq rank-deficient"), quickOps);
        for (ValidationCase c : cases) {
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
        }
    }

    @Test
    void theDifferenceMetricSeesAPerturbation() {
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 3, 4}, 2, 2);
        HostMatrix b = HostMatrix.of(new double[] {1, 2, 3, 4 + 1e-9}, 2, 2);
        assertEquals(0, DecompositionValidationSuite.difference(a, a));
        assertEquals(1e-9, DecompositionValidationSuite.difference(a, b), 1e-15);
        HostMatrix p = DecompositionValidationSuite.product(a, DecompositionValidationSuite.adjoint(a));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {5, 11, 11, 25}, p.doubles());
    }
}
