package org.fusemath.api;

/** Operand shapes do not agree (inner dimensions, output shape, batch counts, bias length). */
public class ShapeMismatchException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    /** The argument {@code argument} has {@code actual} where {@code expected} was required. */
    public ShapeMismatchException(String argument, String actual, String expected) {
        super(argument, "shape mismatch: " + argument + " is " + actual + ", expected " + expected);
    }
}
