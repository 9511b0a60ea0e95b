package org.fusemath.validation.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;

/** Hand-made backends, cases and suites for driving the commands in tests. */
final class Fakes {
    private Fakes() {
    }

    record FakeBackend(String name, String domain, Space space, Availability availability, Map<String, String> details)
            implements Backend {
    }

    static Backend deviceRuntime(Availability a) {
        return new FakeBackend("cuda", "runtime", Space.DEVICE, a, Map.of("driver", "none"));
    }

    /** What a case body does. */
    interface Body {
        ValidationResult run(FuseContext context) throws Exception;
    }

    /** A case that counts its runs and remembers the execution it was given. */
    static final class FakeCase implements ValidationCase {
        final String op;
        final Space space;
        final boolean quick;
        final Body body;
        final String shape;
        final List<Execution> runs = new ArrayList<>();

        FakeCase(String op, Space space, boolean quick, Body body) {
            this(op, space, quick, "2x2", body);
        }

        FakeCase(String op, Space space, boolean quick, String shape, Body body) {
            this.op = op;
            this.space = space;
            this.quick = quick;
            this.shape = shape;
            this.body = body;
        }

        @Override
        public String op() {
            return op;
        }

        @Override
        public DType dtype() {
            return DType.F64;
        }

        @Override
        public String shape() {
            return shape;
        }

        @Override
        public Space space() {
            return space;
        }

        @Override
        public boolean quick() {
            return quick;
        }

        @Override
        public ValidationResult run(FuseContext context) throws Exception {
            runs.add(context.execution());
            return body.run(context);
        }
    }

    static FakeCase passing(String op, Space space, boolean quick) {
        return new FakeCase(op, space, quick, c -> new ValidationResult(1e-17, 1e-15, "max relative"));
    }

    static ValidationSuite suite(String domain, ValidationCase... cases) {
        return new ValidationSuite() {
            @Override
            public String domain() {
                return domain;
            }

            @Override
            public List<ValidationCase> cases() {
                return List.of(cases);
            }
        };
    }
}
