package org.fusemath.solver;

import org.fusemath.api.HostMatrix;

/**
 * The eigen decomposition A = V·Λ·Vᴴ of a real symmetric or complex Hermitian n×n matrix: the n real eigenvalues in
 * ascending order (an n×1 matrix of the component type) and, when asked for, the orthonormal eigenvectors (n×n of
 * A's type, column-major, column j for value j; each unique up to a unit factor, a sign for real types, and
 * within the space of a repeated value up to a rotation).
 *
 * <p>Immutable (the arrays are fresh and owned by this result); safe to share across threads.
 */
public final class HermitianEigen {
    private final HostMatrix values;
    private final HostMatrix vectors;

    HermitianEigen(HostMatrix values, HostMatrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** The eigenvalues, ascending: n×1 of the component type. */
    public HostMatrix values() {
        return values;
    }

    /** The eigenvectors as columns (n×n, column-major); null when only the values were computed. */
    public HostMatrix vectors() {
        return vectors;
    }
}
