package org.fusemath.solver;

import org.fusemath.api.HostMatrix;

/**
 * A singular value decomposition A = U·Σ·Vᴴ of an m×n matrix: the k = min(m, n) singular values in descending order
 * (a k×1 matrix of the component type: F32 for F32 and C64, F64 for F64 and C128) and, unless only the values were
 * asked for, U (orthonormal columns) and Vᴴ (orthonormal rows) of A's type. Singular vectors are unique only up to a
 * common unit factor per pair (a sign for real types) and, for repeated values, up to a rotation within their space.
 *
 * <p>Immutable (the arrays are fresh and owned by this result); safe to share across threads.
 */
public final class Svd {
    private final HostMatrix u;
    private final HostMatrix s;
    private final HostMatrix vh;

    Svd(HostMatrix u, HostMatrix s, HostMatrix vh) {
        this.u = u;
        this.s = s;
        this.vh = vh;
    }

    /** U: m×k (thin) or m×m (full); null when only the values were computed. */
    public HostMatrix u() {
        return u;
    }

    /** Σ's diagonal: k×1, descending, non-negative, in the component type. */
    public HostMatrix s() {
        return s;
    }

    /** Vᴴ: k×n (thin) or n×n (full); null when only the values were computed. */
    public HostMatrix vh() {
        return vh;
    }
}
