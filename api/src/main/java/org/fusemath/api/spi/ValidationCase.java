package org.fusemath.api.spi;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;

/** One {@code fusemath validate} row: an operation at one dtype, shape and space, checked against a CPU reference. */
public interface ValidationCase {
    /** The operation, e.g. {@code matmul}. */
    String op();

    /** The element type, or null where none applies. */
    DType dtype();

    /** The problem shape as text, e.g. {@code 64x33x17}. */
    String shape();

    /** Where the case runs. */
    Space space();

    /** Whether {@code --quick} includes it (fast cases that together cover each op). */
    boolean quick();

    /** Runs the case beside its reference and reports the error and its bound. */
    ValidationResult run(FuseContext context) throws Exception;
}
