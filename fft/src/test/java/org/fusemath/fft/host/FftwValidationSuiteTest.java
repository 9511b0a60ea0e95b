package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

/** Every FFTW validation row stays within its bound, and every kind and precision has rows. */
class FftwValidationSuiteTest {
    @Test
    void everyRowPasses() throws Exception {
        List<ValidationCase> cases = new FftwValidationSuite().cases();
        assertTrue(cases.size() >= 80, "rows: " + cases.size());
        assertTrue(cases.stream().map(ValidationCase::op).collect(Collectors.toSet()).size() == 4);
        try (FuseContext context = FuseContext.defaults()) {
            for (ValidationCase c : cases) {
                ValidationResult r = c.run(context);
                assertTrue(r.error() <= r.bound(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
            }
        }
    }
}
