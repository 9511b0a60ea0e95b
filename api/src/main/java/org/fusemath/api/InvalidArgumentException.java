package org.fusemath.api;

/**
 * A public entry point was called with an argument it cannot take; thrown before any native
 * call. The message names the argument, its value and what was expected.
 */
public class InvalidArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String argument;

    /** The argument {@code argument} had the value {@code value}; {@code expected} says what was required. */
    public InvalidArgumentException(String argument, Object value, String expected) {
        super(argument + " = " + value + ": expected " + expected);
        this.argument = argument;
    }

    /** For subclasses that compose their own message. */
    protected InvalidArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The name of the offending argument. */
    public String argument() {
        return argument;
    }
}
