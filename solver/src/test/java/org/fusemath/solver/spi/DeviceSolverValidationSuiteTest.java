package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;

/**
 * The device validation cases: all in the device space, every op the device routes cover; each case's metric,
 * run on the host (the same public entry points with a HOST context), passes its bound and measures a non-zero
 * error, so on a GPU the cases judge the device by sound bounds; on a DEVICE context without a device each case
 * throws the probe's exception (the harness skips them before running).
 */
class DeviceSolverValidationSuiteTest {
    @Test
    void everyCaseIsADeviceCaseWhoseMetricHoldsOnTheHost() throws Exception {
        List<ValidationCase> cases = new DeviceSolverValidationSuite().cases();
        assertEquals(4 * 8, cases.size());
        assertEquals(Set.of("svd", "eigh", "eig", "cholesky", "lstsq"), cases.stream().map(ValidationCase::op)
                .collect(Collectors.toSet()));
        assertTrue(cases.stream().allMatch(c -> c.space() == Space.DEVICE));
        assertEquals(5, cases.stream().filter(ValidationCase::quick).count());
        FuseContext host = FuseContext.builder().execution(Execution.HOST).build();
        for (ValidationCase c : cases) {
            ValidationResult r = c.run(host);
            String where = c.op() + " " + c.dtype() + " " + c.shape();
            assertTrue(r.passed(), where + ": " + r.error() + " > " + r.bound());
            assertTrue(r.error() > 0, where);
        }
        if (!CudaProbe.get().usable()) {
            FuseContext device = FuseContext.builder().execution(Execution.device(0)).build();
            for (ValidationCase c : cases) {
                assertThrows(DeviceUnavailableException.class, () -> c.run(device), c.op() + " " + c.shape());
            }
        }
    }
}
