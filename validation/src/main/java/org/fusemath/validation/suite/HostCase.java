package org.fusemath.validation.suite;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;

/** A host validation case whose check is a function of the context. */
record HostCase(String op, DType dtype, String shape, boolean quick, Check check) implements ValidationCase {
    /** The body of a case. */
    interface Check {
        ValidationResult run(FuseContext context) throws Exception;
    }

    @Override
    public Space space() {
        return Space.HOST;
    }

    @Override
    public ValidationResult run(FuseContext context) throws Exception {
        return check.run(context);
    }
}
