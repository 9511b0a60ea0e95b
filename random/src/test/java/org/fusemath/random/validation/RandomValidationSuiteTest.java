package org.fusemath.random.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.junit.jupiter.api.Test;

/** The registered suite: found by ServiceLoader, its host cases pass, its device cases ask for a device. */
class RandomValidationSuiteTest {

    private static ValidationSuite suite() {
        List<ValidationSuite> random = StreamSupport.stream(ServiceLoader.load(ValidationSuite.class).spliterator(), false)
                .filter(s -> s.domain().equals("random")).collect(Collectors.toList());
        assertEquals(1, random.size(), "one random suite registered");
        return random.get(0);
    }

    @Test
    void everyHostCasePasses() throws Exception {
        List<ValidationCase> cases = suite().cases();
        long knownAnswers = cases.stream().filter(c -> c.op().equals("curand_known_answer")).count();
        assertEquals(30, knownAnswers, "one case per bundled known-answer entry");
        int ran = 0;
        for (ValidationCase c : cases) {
            if (c.space() != Space.HOST) {
                continue;
            }
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c + ": " + r);
            ran++;
        }
        assertTrue(ran >= 30 + 3 * 15, "host cases run: " + ran);
    }

    @Test
    void deviceCasesNeedADevice() {
        ValidationCase device = suite().cases().stream().filter(c -> c.space() == Space.DEVICE).findFirst().orElseThrow();
        assertEquals("device_equals_host", device.op());
        org.junit.jupiter.api.Assumptions.assumeFalse(org.fusemath.random.device.CurandDeviceGenerator.probe().usable(),
                "a CUDA device is usable here; the gpu-tagged tests cover this case");
        assertThrows(DeviceUnavailableException.class, () -> device.run(FuseContext.defaults()));
    }
}
