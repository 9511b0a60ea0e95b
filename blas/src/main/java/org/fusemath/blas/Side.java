package org.fusemath.blas;

/** On which side a triangular or symmetric matrix multiplies: op(A)·B (LEFT) or B·op(A) (RIGHT). */
public enum Side {
    /** A multiplies from the left. */
    LEFT,
    /** A multiplies from the right. */
    RIGHT
}
