package org.fusemath.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.fusemath.api.DType;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.validation.harness.CaseOutcome;
import org.fusemath.validation.harness.CaseSelection;
import org.fusemath.validation.harness.CaseStatus;
import org.fusemath.validation.harness.DeviceStatus;
import org.fusemath.validation.harness.ValidationRunner;
import org.junit.jupiter.api.Test;

class IoValidationSuiteTest {
    @Test
    void registeredThroughServiceLoader() {
        assertTrue(ServiceLoader.load(ValidationSuite.class).stream().anyMatch(p -> p.type() == IoValidationSuite.class));
    }

    @Test
    void quickCasesCoverEveryOperationAndDtypeOnTheHost() {
        Set<String> covered = new HashSet<>();
        for (ValidationCase c : new IoValidationSuite().cases()) {
            assertEquals(Space.HOST, c.space());
            if (c.quick()) {
                covered.add(c.op() + " " + c.dtype() + " " + c.shape().substring(c.shape().length() - 1));
            }
        }
        for (DType t : DType.values()) {
            for (String op : List.of("npy-roundtrip", "copy", "transpose")) {
                assertTrue(covered.contains(op + " " + t + " C") && covered.contains(op + " " + t + " F"), op + " " + t);
            }
        }
        assertTrue(covered.stream().anyMatch(s -> s.startsWith("fortran-to-c")));
    }

    @Test
    void everyCasePasses() {
        ValidationRunner runner = new ValidationRunner(List.of(new IoValidationSuite()), new DeviceStatus(false, "none"));
        List<CaseOutcome> outcomes = new ArrayList<>();
        runner.run(runner.plan(CaseSelection.all()), outcomes::add);
        assertEquals(new IoValidationSuite().cases().size(), outcomes.size());
        for (CaseOutcome o : outcomes) {
            assertEquals(CaseStatus.PASS, o.status(), o.toString());
            assertEquals(0.0, o.error());
            assertEquals("mismatches", o.metric());
        }
    }

    @Test
    void theFormulaCheckCatchesAWrongReordering() {
        // A "transpose" that forgot to move anything must be counted, not pass.
        org.fusemath.api.HostTensor a = SampleArrays.tensor(DType.F64, new long[] {3, 4}, false, 1);
        org.fusemath.api.HostTensor wrong = org.fusemath.api.HostTensor.of(DType.F64, new long[] {4, 3}, a.array());
        long[] index = new long[2];
        long mismatches = 0;
        do {
            long[] rev = {index[1], index[0]};
            mismatches += SampleArrays.elementMismatch(DType.F64, a.array(), Strides.offset(index, new long[] {3, 4}, false),
                    wrong.array(), Strides.offset(rev, new long[] {4, 3}, false));
        } while (Strides.next(index, new long[] {3, 4}));
        assertEquals(10, mismatches, "all but the two corner elements (0,0) and (2,3) move");
    }
}
