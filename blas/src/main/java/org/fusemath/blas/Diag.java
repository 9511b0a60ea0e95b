package org.fusemath.blas;

/** Whether a triangular matrix has an implicit unit diagonal (its stored diagonal is not read). */
public enum Diag {
    /** The diagonal is read from the matrix. */
    NON_UNIT,
    /** The diagonal is taken as all ones and never read. */
    UNIT
}
