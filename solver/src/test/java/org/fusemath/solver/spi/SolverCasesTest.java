package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.Collectors;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * The shared case builder: grids list op, then type, then size, with the quick rule (the named size on F64 and
 * C64); rows carry the space they were added in and run their own check; every suite built on it reports the
 * solver's domain.
 */
class SolverCasesTest {
    private static final class Probe extends SolverCases.Suite {
        Probe() {
            super(Space.DEVICE);
        }

        @Override
        void table(SolverCases rows) {
            rows.grid(new String[] {"a", "b"}, new DType[] {DType.F32, DType.F64, DType.C64}, new int[] {2, 3}, 3,
                    (op, t, n) -> context -> new ValidationResult(n, 10, op + " " + t));
            rows.add(Space.HOST, "c", DType.C128, SolverCases.shape(4, 5) + SolverCases.Structure.HILBERT.label, true,
                    context -> new ValidationResult(0, 1, "c"));
        }
    }

    @Test
    void gridsListOpThenTypeThenSizeAndRowsRunTheirOwnCheck() throws Exception {
        Probe suite = new Probe();
        assertEquals("solver", suite.domain());
        List<ValidationCase> cases = suite.cases();
        assertEquals(List.of("a F32 2x2 false", "a F32 3x3 false", "a F64 2x2 false", "a F64 3x3 true",
                        "a C64 2x2 false", "a C64 3x3 true", "b F32 2x2 false", "b F32 3x3 false", "b F64 2x2 false",
                        "b F64 3x3 true", "b C64 2x2 false", "b C64 3x3 true", "c C128 4x5 hilbert true"),
                cases.stream().map(c -> c.op() + " " + c.dtype() + " " + c.shape() + " " + c.quick())
                        .collect(Collectors.toList()));
        assertEquals(12, cases.stream().filter(c -> c.space() == Space.DEVICE).count());
        assertSame(Space.HOST, cases.get(12).space());
        ValidationResult r = cases.get(9).run(FuseContext.defaults());
        assertEquals(new ValidationResult(3, 10, "b F64"), r);
        assertEquals(cases.size(), suite.cases().size(), "each call lists the table afresh");
    }
}
