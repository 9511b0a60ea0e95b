package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

/** Every batched case passes within its bound; the quick subset covers both ops. */
class BatchedValidationSuiteTest {
    @Test
    void everyCasePassesAndTheQuickSubsetCoversBothOps() throws Exception {
        List<ValidationCase> cases = new BatchedValidationSuite().cases();
        assertEquals(33, cases.size());
        assertEquals(2, cases.stream().filter(ValidationCase::quick).map(ValidationCase::op).distinct().count());
        for (ValidationCase c : cases) {
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
            assertTrue(r.error() > 0 || c.shape().startsWith("64x1x"), "a rounding error is expected: " + r);
        }
    }
}
