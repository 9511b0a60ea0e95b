package org.fusemath.validation.npy;

import org.fusemath.api.InvalidArgumentException;

/**
 * A .npy file that fusemath cannot read: the message names the file, the part of the file at fault
 * (magic, version, header, a header key such as {@code descr}, or the data), its value and what was expected.
 */
public final class NpyFormatException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    /** Values longer than this many characters are cut in the message, so that a hostile header cannot flood a terminal or log. */
    static final int MAX_SHOWN_CHARS = 200;

    private final String source;

    /** The field {@code field} of {@code source} had {@code value}; {@code expected} says what is accepted. */
    public NpyFormatException(String source, String field, Object value, String expected) {
        super(field, shorten(source, MAX_SHOWN_CHARS) + ": " + field + " = " + shorten(String.valueOf(value), MAX_SHOWN_CHARS)
                + ": expected " + shorten(expected, 2 * MAX_SHOWN_CHARS));
        this.source = source;
    }

    /** {@code text}, or its first {@code max} characters followed by how many were left out. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
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
