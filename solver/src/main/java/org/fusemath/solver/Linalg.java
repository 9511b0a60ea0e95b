package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Uplo;

/**
 * NumPy's {@code numpy.linalg.solve}, {@code inv}, {@code det} and {@code slogdet} for one square matrix, each a
 * one-shot {@link LuFactorization} (use that class, or {@link LuSolver}, to factor once and solve many right-hand
 * sides). The function forms factor into reused per-thread arrays, so a call allocates only its result. The inputs
 * are never modified. Thread-safe (stateless).
 */
public final class Linalg {
    private Linalg() {
    }

    /** X with A·X = B for the n×n A and the n×k B (a vector is n×1); X has B's layout. */
    public static HostMatrix solve(HostMatrix a, HostMatrix b) {
        return solve(FuseContext.defaults(), a, b);
    }

    /**
     * {@link #solve(HostMatrix, HostMatrix)} with the context's execution and thread count: a DEVICE context
     * factors and solves with cuSOLVER's {@code Xgetrf}/{@code Xgetrs} (as do {@link #inv}, {@link #det} and
     * {@link #slogdet}), or throws the probe's {@link org.fusemath.api.DeviceUnavailableException}.
     */
    public static HostMatrix solve(FuseContext context, HostMatrix a, HostMatrix b) {
        return LuFactorization.factorTransient(context, a).solve(b);
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
        return LuFactorization.factorTransient(context, a).inverse();
    }

    /** det(A) for the n×n A (1 for n = 0; exactly 0 for an exactly singular A, as NumPy). */
    public static Scalar det(HostMatrix a) {
        return det(FuseContext.defaults(), a);
    }

    /** {@link #det(HostMatrix)} with the context's execution and thread count. */
    public static Scalar det(FuseContext context, HostMatrix a) {
        return LuFactorization.factorTransient(context, a).determinant();
    }

    /** det(A) as numpy.linalg.slogdet's (sign, log|det A|) for the n×n A: no overflow or underflow. */
    public static SignLogDet slogdet(HostMatrix a) {
        return slogdet(FuseContext.defaults(), a);
    }

    /** {@link #slogdet(HostMatrix)} with the context's execution and thread count. */
    public static SignLogDet slogdet(FuseContext context, HostMatrix a) {
        return LuFactorization.factorTransient(context, a).logDeterminant();
    }

    // ---- Device operands (CuPy's semantics: cuSOLVER on the device the tensors live on; results stay there). A
    // context, when given, supplies the stream and must execute AUTO or DEVICE on that ordinal; null: the tensors'
    // device with a stream per call. Each returns once its result is complete.

    /**
     * X with A·X = B for the n×n device tensor A and B of shape [n] or [n, k] (either storage order) on the same
     * device: cuSOLVER's {@code Xgetrf}/{@code Xgetrs} on the device memory, X a new device tensor of B's shape and
     * order whose buffer the caller closes; A and B are unchanged. See {@link DeviceLuFactorization}.
     *
     * @throws org.fusemath.api.SingularMatrixException when A is exactly singular (devInfo)
     */
    public static DeviceTensor solve(FuseContext context, DeviceTensor a, DeviceTensor b) {
        return DeviceLinalg.solve(DeviceLinalg.on(context, a), a, b);
    }

    /** {@link #solve(FuseContext, DeviceTensor, DeviceTensor)} on the tensors' device. */
    public static DeviceTensor solve(DeviceTensor a, DeviceTensor b) {
        return solve(null, a, b);
    }

    /** A⁻¹ of the n×n device tensor A, a new device tensor in A's storage order on A's device. */
    public static DeviceTensor inv(FuseContext context, DeviceTensor a) {
        return DeviceLinalg.inv(DeviceLinalg.on(context, a), a);
    }

    /** {@link #inv(FuseContext, DeviceTensor)} on the tensor's device. */
    public static DeviceTensor inv(DeviceTensor a) {
        return inv(null, a);
    }

    /** det(A) of the n×n device tensor A (LU on the device; U's diagonal, n elements, read back). */
    public static Scalar det(FuseContext context, DeviceTensor a) {
        return DeviceLinalg.det(DeviceLinalg.on(context, a), a);
    }

    /** {@link #det(FuseContext, DeviceTensor)} on the tensor's device. */
    public static Scalar det(DeviceTensor a) {
        return det(null, a);
    }

    /** det(A) as numpy.linalg.slogdet's (sign, log|det A|) for the n×n device tensor A. */
    public static SignLogDet slogdet(FuseContext context, DeviceTensor a) {
        return DeviceLinalg.slogdet(DeviceLinalg.on(context, a), a);
    }

    /** {@link #slogdet(FuseContext, DeviceTensor)} on the tensor's device. */
    public static SignLogDet slogdet(DeviceTensor a) {
        return slogdet(null, a);
    }

    /**
     * numpy.linalg.cholesky of the Hermitian positive definite device tensor A (only its lower triangle is read): L
     * with A = L·Lᴴ, zeros above the diagonal, a new Fortran-order tensor on A's device (cuSOLVER's {@code Xpotrf};
     * see {@link DeviceCholeskyFactorization} to factor once and solve).
     *
     * @throws org.fusemath.api.NotPositiveDefiniteException naming the order of the first minor that is not (devInfo)
     */
    public static DeviceTensor cholesky(FuseContext context, DeviceTensor a) {
        return DeviceCholeskyFactorization.factor(DeviceLinalg.on(context, a), a, Uplo.LOWER).releaseTriangularFactor();
    }

    /** {@link #cholesky(FuseContext, DeviceTensor)} on the tensor's device. */
    public static DeviceTensor cholesky(DeviceTensor a) {
        return cholesky(null, a);
    }

    /**
     * The SVD of the m×n device tensor A as {@code mode} says, by cuSOLVER's {@code Xgesvd} on A's device, results
     * there (see {@link DeviceSvd} for their storage order; the caller closes it).
     *
     * @throws org.fusemath.api.NoConvergenceException when the SVD does not converge (devInfo)
     */
    public static DeviceSvd svd(FuseContext context, DeviceTensor a, SvdMode mode) {
        return DeviceSpectral.svd(DeviceLinalg.on(context, a), a, mode);
    }

    /** NumPy's {@code svd(a)} (full U and Vᴴ) of the device tensor A on its device. */
    public static DeviceSvd svd(DeviceTensor a) {
        return svd(null, a, SvdMode.FULL);
    }

    /** The singular values of the device tensor A, descending, a new 1-D device tensor of the real component type. */
    public static DeviceTensor svdvals(DeviceTensor a) {
        return svd(null, a, SvdMode.VALUES).s();
    }

    /**
     * Eigenvalues (ascending) and, when {@code vectors}, eigenvectors of the Hermitian device tensor A read from its
     * {@code uplo} triangle, by cuSOLVER's {@code Xsyevd} on A's device, results there.
     */
    public static DeviceHermitianEigen eigh(FuseContext context, DeviceTensor a, Uplo uplo, boolean vectors) {
        return DeviceSpectral.eigh(DeviceLinalg.on(context, a), a, uplo, vectors);
    }

    /** NumPy's {@code eigh(a)} of the device tensor A (lower triangle) on its device. */
    public static DeviceHermitianEigen eigh(DeviceTensor a) {
        return eigh(null, a, Uplo.LOWER, true);
    }

    /** NumPy's {@code eigvalsh(a)} of the device tensor A: a new 1-D device tensor of the eigenvalues, ascending. */
    public static DeviceTensor eigvalsh(DeviceTensor a) {
        return eigh(null, a, Uplo.LOWER, false).values();
    }

    /**
     * Eigenvalues and, when {@code vectors}, right eigenvectors of the square device tensor A, complex, by
     * cuSOLVER's {@code Xgeev} on A's device (a real A on its complex image), results there.
     */
    public static DeviceEigen eig(FuseContext context, DeviceTensor a, boolean vectors) {
        return DeviceSpectral.eig(DeviceLinalg.on(context, a), a, vectors);
    }

    /** NumPy's {@code eig(a)} of the device tensor A on its device. */
    public static DeviceEigen eig(DeviceTensor a) {
        return eig(null, a, true);
    }

    /** NumPy's {@code eigvals(a)} of the device tensor A: a new 1-D complex device tensor. */
    public static DeviceTensor eigvals(DeviceTensor a) {
        return eig(null, a, false).values();
    }

    /**
     * numpy.linalg.lstsq(a, b, rcond) of the m×n device tensor A and the [m] or [m, k] device tensor B on their
     * device, by the SVD route (cuSOLVER's {@code Xgesvd}, then X = V·Σ⁺·Uᴴ·B as device matrix products): singular
     * values at most rcond·σ₁ count as zero (a negative rcond: machine precision). The solution, residuals and
     * singular values stay on the device (see {@link DeviceLstsq}; the caller closes it); the rank is a host number.
     *
     * @throws org.fusemath.api.NoConvergenceException when the SVD does not converge (devInfo)
     */
    public static DeviceLstsq lstsq(FuseContext context, DeviceTensor a, DeviceTensor b, double rcond) {
        return DeviceLstsqRoute.lstsq(DeviceLinalg.on(context, a), a, b, rcond);
    }

    /** {@link #lstsq(FuseContext, DeviceTensor, DeviceTensor, double)} on the tensors' device with NumPy's default rcond (machine epsilon times max(m, n)). */
    public static DeviceLstsq lstsq(DeviceTensor a, DeviceTensor b) {
        Arguments.requireNonNull(a, "a");
        return lstsq(null, a, b, LeastSquares.defaultRcond(a.dtype(), a.rank() > 0 ? a.dim(0) : 0,
                a.rank() > 1 ? a.dim(1) : 0));
    }

    // ---- End of the device-operand forms.

    /**
     * numpy.linalg.cholesky: the lower factor L of the Hermitian positive definite A = L·Lᴴ (only A's lower triangle
     * is read), zeros above the diagonal, in A's layout. The result is a fresh n×n array: at n = 1000 (8 MB of F64)
     * a humongous object under G1's default region sizes for heaps up to 32 GB, whose allocation costs a few per cent
     * of the factorisation; a loop that factors many such matrices runs faster through
     * {@link CholeskyFactorization#factorInPlace}, which writes the caller's own array as LAPACK does.
     *
     * @throws org.fusemath.api.NotPositiveDefiniteException naming the order of the first minor that is not
     */
    public static HostMatrix cholesky(HostMatrix a) {
        return cholesky(FuseContext.defaults(), a);
    }

    /** {@link #cholesky(HostMatrix)} with the context's execution and thread count. */
    public static HostMatrix cholesky(FuseContext context, HostMatrix a) {
        return CholeskyFactorization.factor(context, a, Uplo.LOWER).releaseTriangularFactor();
    }

    /**
     * numpy.linalg.lstsq(a, b) with NumPy's default rcond (machine epsilon times max(m, n)): the minimum-norm X
     * minimising ‖A·X − B‖ for any m×n A (over- or under-determined, rank-deficient) and m×k B.
     */
    public static LeastSquares lstsq(HostMatrix a, HostMatrix b) {
        Arguments.requireNonNull(a, "a");
        return lstsq(FuseContext.defaults(), a, b, LeastSquares.defaultRcond(a.dtype(), a.shape().rows(),
                a.shape().cols()));
    }

    /**
     * numpy.linalg.lstsq(a, b, rcond): singular values at most rcond·σ₁ count as zero (a negative rcond: machine
     * precision), through LAPACK gelsd (SVD by divide and conquer) on copies of A and B; on a DEVICE context by the
     * device SVD and X = V·Σ⁺·Uᴴ·B (see {@code docs/solver-device.md}).
     *
     * @throws org.fusemath.api.NoConvergenceException when the SVD does not converge
     */
    public static LeastSquares lstsq(FuseContext context, HostMatrix a, HostMatrix b, double rcond) {
        return LeastSquares.compute(context, a, b, rcond);
    }

    /** NumPy's {@code svd(a)}: U (m×m), Σ and Vᴴ (n×n) of the m×n A; see {@link SvdPlan}. */
    public static Svd svd(HostMatrix a) {
        return svd(FuseContext.defaults(), a, SvdMode.FULL);
    }

    /**
     * The SVD of the m×n A computed as {@code mode} says (values only, thin or full vectors): on the host with the
     * context's thread count (one-shot form of {@link SvdPlan}, which reuses its workspace across calls), or for a
     * DEVICE context by cuSOLVER on its device ({@code gesvdj} up to 256 rows and columns, {@code Xgesvd} past that); a
     * {@link org.fusemath.api.DeviceUnavailableException} naming why when there is no usable device.
     */
    public static Svd svd(FuseContext context, HostMatrix a, SvdMode mode) {
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(mode, "mode");
        Operands.requireOne("a", a);
        return SolverProviders.select(context).svd(a, mode);
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
     * {@code uplo} triangle; one-shot form of {@link HermitianEigenPlan} on the host, cuSOLVER's {@code Xsyevd} on the
     * device for a DEVICE context (a {@link org.fusemath.api.DeviceUnavailableException} naming why when there is none).
     */
    public static HermitianEigen eigh(FuseContext context, HostMatrix a, Uplo uplo, boolean vectors) {
        Arguments.requireNonNull(a, "a");
        SpectralInputs.square(a);
        Arguments.requireNonNull(uplo, "uplo");
        Operands.requireOne("a", a);
        return SolverProviders.select(context).eigh(a, uplo, vectors);
    }

    /** NumPy's {@code eigvalsh(a)}: the eigenvalues of the Hermitian A (lower triangle), ascending. */
    public static HostMatrix eigvalsh(HostMatrix a) {
        return eigh(FuseContext.defaults(), a, Uplo.LOWER, false).values();
    }

    /** NumPy's {@code eig(a)}: eigenvalues and right eigenvectors of the general square A, complex; see {@link EigenPlan}. */
    public static Eigen eig(HostMatrix a) {
        return eig(FuseContext.defaults(), a, true);
    }

    /**
     * Eigenvalues and, when {@code vectors}, right eigenvectors of the square A: on the host (one-shot form of
     * {@link EigenPlan}), or for a DEVICE context by cuSOLVER's {@code Xgeev} on its device (a
     * {@link org.fusemath.api.DeviceUnavailableException} naming why when there is none).
     */
    public static Eigen eig(FuseContext context, HostMatrix a, boolean vectors) {
        Arguments.requireNonNull(a, "a");
        SpectralInputs.square(a);
        Operands.requireOne("a", a);
        return SolverProviders.select(context).eig(a, vectors);
    }

    /** NumPy's {@code eigvals(a)}: the eigenvalues of the square A, complex (n×1), in LAPACK's order. */
    public static HostMatrix eigvals(HostMatrix a) {
        return eig(FuseContext.defaults(), a, false).values();
    }
}
