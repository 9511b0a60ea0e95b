package org.fusemath.solver;

import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Scalar;

/**
 * NumPy's {@code numpy.linalg.solve}, {@code inv} and {@code det} for one square matrix, each a one-shot
 * {@link LuFactorization}: use that class directly to factor once and solve many right-hand sides. The inputs
 * are never modified. Thread-safe (stateless).
 */
public final class Linalg {
    private Linalg() {
    }

    /** X with A·X = B for the n×n A and the n×k B (a vector is n×1); X has B's layout. */
    public static HostMatrix solve(HostMatrix a, HostMatrix b) {
        return solve(FuseContext.defaults(), a, b);
    }

    /** {@link #solve(HostMatrix, HostMatrix)} with the context's execution and thread count. */
    public static HostMatrix solve(FuseContext context, HostMatrix a, HostMatrix b) {
        return LuFactorization.factor(context, a).solve(b);
    }

    /**
     * {@code numpy.linalg.solve} on stacks: X_b with A_b·X_b = B_b for every member of the batched {@code a} (n×n
     * members) and {@code b} (n×k members), a stack of one broadcast to the other's count; see {@link BatchedSolve}.
     */
    public static HostMatrix solveBatched(HostMatrix a, HostMatrix b) {
        return BatchedSolve.lu(FuseContext.defaults(), a, b);
    }

    /** {@link #solveBatched(HostMatrix, HostMatrix)} with the context's execution and thread count. */
    public static HostMatrix solveBatched(FuseContext context, HostMatrix a, HostMatrix b) {
        return BatchedSolve.lu(context, a, b);
    }

    /** A⁻¹ for the n×n A, in A's layout. */
    public static HostMatrix inv(HostMatrix a) {
        return inv(FuseContext.defaults(), a);
    }

    /** {@link #inv(HostMatrix)} with the context's execution and thread count. */
    public static HostMatrix inv(FuseContext context, HostMatrix a) {
        return LuFactorization.factor(context, a).inverse();
    }

    /** det(A) for the n×n A (1 for n = 0; exactly 0 for an exactly singular A, as NumPy). */
    public static Scalar det(HostMatrix a) {
        return det(FuseContext.defaults(), a);
    }

    /** {@link #det(HostMatrix)} with the context's execution and thread count. */
    public static Scalar det(FuseContext context, HostMatrix a) {
        return LuFactorization.factor(context, a).determinant();
    }
}
