package org.fusemath.api;

/** The matrix is exactly singular: U(info, info) is zero after LU factorisation. */
public class SingularMatrixException extends NumericalException {
    private static final long serialVersionUID = 1L;

    /** U(info, info) is exactly zero (1-based). */
    public SingularMatrixException(long info) {
        super("matrix is singular: U(" + info + "," + info + ") is exactly zero", info);
    }

    /** U(info, info) of member {@code batchIndex} (0-based) of a batch is exactly zero. */
    public SingularMatrixException(long batchIndex, long info) {
        super("matrix is singular: U(" + info + "," + info + ") is exactly zero", batchIndex, info);
    }
}
