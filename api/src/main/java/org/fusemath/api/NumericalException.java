package org.fusemath.api;

/** A factorisation or iteration failed on the numbers it was given; carries LAPACK's {@code info}. */
public class NumericalException extends FusemathException {
    private static final long serialVersionUID = 1L;

    private final long info;

    /** Failed with LAPACK-style {@code info} (1-based index of the failing pivot, column or iteration). */
    protected NumericalException(String message, long info) {
        super(message + " (info = " + info + ")");
        this.info = info;
    }

    /** LAPACK's {@code info}: the 1-based index where the failure was detected. */
    public long info() {
        return info;
    }
}
