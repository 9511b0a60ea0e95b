package org.fusemath.solver;

import org.fusemath.api.HostMatrix;

/**
 * The eigenvalues and optionally the right eigenvectors (A·v = λ·v) of a general square matrix, in the complex type
 * of A's precision (C64 for F32 and C64, C128 for F64 and C128): the values as an n×1 matrix in LAPACK's order (for
 * a real A a complex conjugate pair is adjacent, positive imaginary part first), the vectors as the columns of an
 * n×n column-major matrix, each of unit Euclidean norm with its largest component real.
 *
 * <p>Immutable (the arrays are fresh and owned by this result); safe to share across threads.
 */
public final class Eigen {
    private final HostMatrix values;
    private final HostMatrix vectors;

    Eigen(HostMatrix values, HostMatrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** The eigenvalues: n×1 of the complex type. */
    public HostMatrix values() {
        return values;
    }

    /** The right eigenvectors as columns (n×n, column-major, complex type); null when only the values were computed. */
    public HostMatrix vectors() {
        return vectors;
    }

    /**
     * Whether every eigenvalue has an imaginary part of exactly zero: for a real A, NumPy's {@code eig} and
     * {@code eigvals} then return real arrays (the vectors are real too, as LAPACK computes them).
     */
    public boolean isReal() {
        Object v = values.array();
        int length = java.lang.reflect.Array.getLength(v);
        for (int i = 1; i < length; i += 2) {
            double im = v instanceof double[] d ? d[i] : ((float[]) v)[i];
            if (im != 0) {
                return false;
            }
        }
        return true;
    }
}
