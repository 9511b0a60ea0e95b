package org.fusemath.blas;

/** Which triangle of a symmetric, Hermitian or triangular matrix is referenced. */
public enum Uplo {
    /** The upper triangle (including the diagonal). */
    UPPER,
    /** The lower triangle (including the diagonal). */
    LOWER;

    /** The other triangle: the upper triangle of a row-major matrix is the lower one of its column-major view. */
    public Uplo flipped() {
        return this == UPPER ? LOWER : UPPER;
    }
}
