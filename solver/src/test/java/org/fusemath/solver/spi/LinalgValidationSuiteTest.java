package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

/** Every registered solver case passes within its bound, and the metric rejects a wrong answer. */
class LinalgValidationSuiteTest {
    @Test
    void everyCasePassesAndTheQuickSubsetCoversEachOp() throws Exception {
        List<ValidationCase> cases = new LinalgValidationSuite().cases();
        assertEquals(64, cases.size());
        assertEquals(8, cases.stream().filter(ValidationCase::quick).count());
        for (ValidationCase c : cases) {
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
        }
    }

    @Test
    void theBackwardErrorRejectsAWrongSolution() {
        HostMatrix a = HostMatrix.of(new double[] {4, 3, 6, 3}, 2, 2);
        HostMatrix b = HostMatrix.of(new double[] {10, 12}, 2, 1);
        assertEquals(0, LinalgValidationSuite.backwardError(a, HostMatrix.of(new double[] {1, 2}, 2, 1), b).observed());
        var off = LinalgValidationSuite.backwardError(a, HostMatrix.of(new double[] {1, 2 + 1e-12}, 2, 1), b);
        assertTrue(!off.passed() && off.ratio() > 1, "an error of 1e-12 is far above 4·n·u: " + off);
        assertTrue(DType.F64.unitRoundoff() < 1e-15);
    }
}
