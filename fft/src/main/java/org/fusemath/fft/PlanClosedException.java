package org.fusemath.fft;

import org.fusemath.api.FusemathException;

/** A plan or {@link Fft} was used after {@code close()}; the message names the object and the call. */
public class PlanClosedException extends FusemathException {
    private static final long serialVersionUID = 1L;

    /** {@code what} (a plan's description) was called through {@code call} after being closed. */
    public PlanClosedException(String what, String call) {
        super(call + " on a closed " + what + ": plan a new one");
    }
}
