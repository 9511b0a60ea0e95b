package org.fusemath.fusion.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

class FusionValidationSuiteTest {
    @Test
    void everyCasePassesWithinItsBound() throws Exception {
        List<ValidationCase> cases = new FusionValidationSuite().cases();
        assertEquals(FusionValidationSuite.Problem.values().length * 4, cases.size());
        for (ValidationCase c : cases) {
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
        }
        assertTrue(cases.stream().anyMatch(ValidationCase::quick));
    }
}
