package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;

/** Every batched case passes within its bound; the quick subset covers both ops. */
class BatchedValidationSuiteTest {
    @Test
    void everyCasePassesAndTheQuickSubsetCoversBothOps() throws Exception {
        List<ValidationCase> cases = new BatchedValidationSuite().cases();
        assertEquals(49, cases.size());
        assertEquals(4, cases.stream().filter(ValidationCase::quick).count());
        assertEquals(2, cases.stream().filter(ValidationCase::quick).map(ValidationCase::op).distinct().count());
        for (ValidationCase c : cases) {
            if (c.space() == Space.DEVICE) {
                FuseContext device = FuseContext.builder().execution(Execution.device(0)).build();
                if (!CudaProbe.get().usable()) { // as the harness passes it: DEVICE fails with the probe's reason
                    assertThrows(DeviceUnavailableException.class, () -> c.run(device));
                    continue;
                }
                assertTrue(c.run(device).passed(), c.op() + " " + c.dtype() + " " + c.shape() + " on the device");
                continue;
            }
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
            assertTrue(r.error() > 0 || c.shape().startsWith("64x1x"), "a rounding error is expected: " + r);
        }
    }
}
