package org.fusemath.validation.npy;

import org.fusemath.api.InvalidArgumentException;

/**
 * A .npy file that fusemath cannot read: the message names the file, the part of the file at fault
 * (magic, version, header, a header key such as {@code descr}, or the data), its value and what was expected.
 */
public final class NpyFormatException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /** The field {@code field} of {@code source} had {@code value}; {@code expected} says what is accepted. */
    public NpyFormatException(String source, String field, Object value, String expected) {
        super(field, source + ": " + field + " = " + value + ": expected " + expected);
        this.source = source;
    }

    /** The file (or stream name) that was being read. */
    public String source() {
        return source;
    }

    /** The part of the file at fault: {@code magic}, {@code version}, {@code header}, {@code descr}, {@code shape}, ... */
    public String field() {
        return argument();
    }
}
