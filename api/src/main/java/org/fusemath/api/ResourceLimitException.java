package org.fusemath.api;

/**
 * A request that needs more of a resource than is available (e.g. a result larger than the Java heap can
 * still hold, or than one Java array can index); raised before the allocation is attempted, with the size asked
 * for, the size available and what to change.
 */
public class ResourceLimitException extends FusemathException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public ResourceLimitException(String message) {
        super(message);
    }
}
