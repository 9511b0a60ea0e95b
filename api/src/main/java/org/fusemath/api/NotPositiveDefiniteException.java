package org.fusemath.api;

/** Cholesky failed: the leading minor of order {@code info} is not positive definite. */
public class NotPositiveDefiniteException extends NumericalException {
    private static final long serialVersionUID = 1L;

    /** The leading minor of order {@code info} (1-based) is not positive definite. */
    public NotPositiveDefiniteException(long info) {
        super("matrix is not positive definite: the leading minor of order " + info + " is not", info);
    }

    /** The leading minor of order {@code info} of member {@code batchIndex} (0-based) of a batch is not positive definite. */
    public NotPositiveDefiniteException(long batchIndex, long info) {
        super("matrix is not positive definite: the leading minor of order " + info + " is not", batchIndex, info);
    }
}
