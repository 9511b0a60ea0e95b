package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Uplo;

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

    /** NumPy's {@code svd(a)}: U (m×m), Σ and Vᴴ (n×n) of the m×n A; see {@link SvdPlan}. */
    public static Svd svd(HostMatrix a) {
        return svd(FuseContext.defaults(), a, SvdMode.FULL);
    }

    /**
     * The SVD of the m×n A computed as {@code mode} says (values only, thin or full vectors), on the host with the
     * context's thread count; one-shot form of {@link SvdPlan} (which reuses its workspace across calls).
     */
    public static Svd svd(FuseContext context, HostMatrix a, SvdMode mode) {
        return SvdPlan.create(context, a, mode).execute(a);
    }

    /** The singular values of A, descending (k×1 of the component type): NumPy's {@code svd(a, compute_uv=False)}. */
    public static HostMatrix svdvals(HostMatrix a) {
        return svd(FuseContext.defaults(), a, SvdMode.VALUES).s();
    }

    /** NumPy's {@code eigh(a)}: eigenvalues (ascending) and eigenvectors of the Hermitian A, from its lower triangle. */
    public static HermitianEigen eigh(HostMatrix a) {
        return eigh(FuseContext.defaults(), a, Uplo.LOWER, true);
    }

    /**
     * Eigenvalues (ascending) and, when {@code vectors}, eigenvectors of the symmetric/Hermitian A read from its
     * {@code uplo} triangle; one-shot form of {@link HermitianEigenPlan}.
     */
    public static HermitianEigen eigh(FuseContext context, HostMatrix a, Uplo uplo, boolean vectors) {
        Arguments.requireNonNull(a, "a");
        SpectralInputs.square(a);
        return HermitianEigenPlan.create(context, a.dtype(), a.shape().rows(), a.shape().layout(), uplo, vectors)
                .execute(a);
    }

    /** NumPy's {@code eigvalsh(a)}: the eigenvalues of the Hermitian A (lower triangle), ascending. */
    public static HostMatrix eigvalsh(HostMatrix a) {
        return eigh(FuseContext.defaults(), a, Uplo.LOWER, false).values();
    }

    /** NumPy's {@code eig(a)}: eigenvalues and right eigenvectors of the general square A, complex; see {@link EigenPlan}. */
    public static Eigen eig(HostMatrix a) {
        return eig(FuseContext.defaults(), a, true);
    }

    /** Eigenvalues and, when {@code vectors}, right eigenvectors of the square A; one-shot form of {@link EigenPlan}. */
    public static Eigen eig(FuseContext context, HostMatrix a, boolean vectors) {
        Arguments.requireNonNull(a, "a");
        SpectralInputs.square(a);
        return EigenPlan.create(context, a.dtype(), a.shape().rows(), vectors).execute(a);
    }

    /** NumPy's {@code eigvals(a)}: the eigenvalues of the square A, complex (n×1), in LAPACK's order. */
    public static HostMatrix eigvals(HostMatrix a) {
        return eig(FuseContext.defaults(), a, false).values();
    }
}
