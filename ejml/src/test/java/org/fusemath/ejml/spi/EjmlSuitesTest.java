package org.fusemath.ejml.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.junit.jupiter.api.Test;

/** The ejml domain is registered with {@code fusemath validate} and {@code bench}, and its cases run. */
class EjmlSuitesTest {

    @Test
    void suitesAreRegisteredUnderTheEjmlDomain() {
        assertTrue(ServiceLoader.load(ValidationSuite.class).stream().anyMatch(p -> p.get().domain().equals("ejml")));
        assertTrue(ServiceLoader.load(BenchmarkSuite.class).stream().anyMatch(p -> p.get().domain().equals("ejml")));
    }

    @Test
    void everyValidationCaseUpToSizeSixtyFourPassesItsBound() throws Exception {
        int run = 0;
        for (ValidationCase c : new EjmlValidationSuite().cases()) {
            if (Integer.parseInt(c.shape().split("x")[0]) > 64) {
                continue; // the 256 cases run in fusemath validate; here they would only cost time
            }
            ValidationResult r = c.run(null);
            assertTrue(r.passed(), c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
            assertTrue(r.bound() > 0, c.op() + " has a bound");
            run++;
        }
        // 24 CommonOps cases, 14 decompositions (7 at n = 7 and 64), 10 element-wise (all shapes start with 1x).
        assertEquals(48, run);
    }

    @Test
    void benchmarkRowsAreUniqueAndBothSidesRun() {
        Set<String> ids = new HashSet<>();
        for (BenchmarkCase c : new EjmlBenchmarks().cases()) {
            assertTrue(ids.add(c.name() + " " + c.size() + " " + c.baseline()), "duplicate row " + c.name() + " " + c.size());
            if (c.size().equals("n=32") || c.size().equals("elements=1024")) {
                try (BenchmarkCase.Trial t = c.open()) {
                    t.runFusemath();
                    t.runBaseline();
                }
            }
        }
        assertTrue(ids.contains("ejml mult F64 n=1024 EJML"));
        assertTrue(ids.contains("ejml solve F64 n=1000 EJML"));
        assertTrue(ids.contains("ejml elementExp F64 elements=1048576 EJML"));
        assertTrue(ids.contains("ejml elementPower F32 elements=1048576 EJML"));
    }
}
