package org.fusemath.api;

/** Base of the runtime failures fusemath raises that are not argument errors. */
public class FusemathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public FusemathException(String message) {
        super(message);
    }

    /** An exception with this message and cause. */
    public FusemathException(String message, Throwable cause) {
        super(message, cause);
    }
}
