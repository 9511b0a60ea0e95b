package org.fusemath.fusion.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

class FusionValidationSuiteTest {
    @Test
    void everyCasePassesWithinItsBound() throws Exception {
        List<ValidationCase> cases = new FusionValidationSuite().cases();
        int problems = FusionValidationSuite.Problem.values().length;
        assertEquals(problems * 4 + problems * 2, cases.size());
        assertEquals(problems * 2, cases.stream().filter(c -> c.space() == Space.DEVICE).count(), "every problem on the device too");
        for (ValidationCase c : cases) {
            if (c.space() == Space.DEVICE) {
                continue;   // needs a device: the harness skips them without one, DevicePlanGpuTest runs the plans
            }
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
        }
        assertTrue(cases.stream().anyMatch(ValidationCase::quick));
    }
}
