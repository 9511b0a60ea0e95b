package org.fusemath.api;

/** A factorisation or iteration failed on the numbers it was given; carries LAPACK's {@code info}. */
public class NumericalException extends FusemathException {
    private static final long serialVersionUID = 1L;

    private final long info;
    private final long batchIndex;

    /** Failed with LAPACK-style {@code info} (1-based index of the failing pivot, column or iteration). */
    protected NumericalException(String message, long info) {
        super(message + " (info = " + info + ")");
        this.info = info;
        this.batchIndex = -1;
    }

    /** Member {@code batchIndex} (0-based) of a batch failed with LAPACK-style {@code info}. */
    protected NumericalException(String message, long batchIndex, long info) {
        super("batch member " + batchIndex + ": " + message + " (info = " + info + ")");
        this.info = info;
        this.batchIndex = batchIndex;
    }

    /** LAPACK's {@code info}: the 1-based index where the failure was detected. */
    public long info() {
        return info;
    }

    /** The 0-based index of the failing member of a batched call, or -1 when the call was not batched. */
    public long batchIndex() {
        return batchIndex;
    }
}
