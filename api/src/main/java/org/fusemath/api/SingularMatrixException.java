package org.fusemath.api;

/** The matrix is exactly singular: U(info, info) is zero after LU factorisation. */
public class SingularMatrixException extends NumericalException {
    private static final long serialVersionUID = 1L;

    /** U(info, info) is exactly zero (1-based). */
    public SingularMatrixException(long info) {
        super("matrix is singular: U(" + info + "," + info + ") is exactly zero", info);
    }
}
