package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.Trans;

/**
 * The dense routines the factor objects and function forms call, bound to one execution space: the host's LAPACK
 * ({@link HostKernels}) or cuSOLVER on a device ({@link DeviceKernels}), chosen once by
 * {@link SolverProviders#select}. LU and QR work on column-major host arrays in place (LAPACK's contracts:
 * 1-based pivots, info returned); the SVD and eigen solvers take the caller's matrix (checked by the caller) and
 * return results in the same form on either space. Implementations are immutable and thread-safe.
 */
interface DenseKernels {
    /** getrf of the column-major n×n {@code a} (its first n·n elements) in place; LAPACK's info. */
    int getrf(DType t, int n, Object a, int[] pivots);

    /** getrs: the column-major n×k {@code x} (holding B) overwritten with op(F)⁻¹·B for getrf's factors F. */
    void getrs(DType t, Trans trans, int n, int k, Object factors, int[] pivots, Object x);

    /** geqrf of the column-major m×n {@code a} (ld max(1, m)) in place, min(m, n) scalars into {@code tau}. */
    void geqrf(DType t, int m, int n, Object a, Object tau);

    /** orgqr/ungqr: the column-major m×cols {@code q} (holding geqrf's reflectors) overwritten with Q's first cols columns. */
    void orgqr(DType t, int m, int cols, int k, Object q, Object tau);

    /** The SVD of {@code a} as {@code mode} says, U and Vᴴ in A's storage order (see {@link SvdPlan}). */
    Svd svd(HostMatrix a, SvdMode mode);

    /** The general eigen decomposition of the square {@code a} (see {@link EigenPlan}). */
    Eigen eig(HostMatrix a, boolean vectors);

    /** The symmetric/Hermitian eigen decomposition of the square {@code a} from its {@code uplo} triangle. */
    HermitianEigen eigh(HostMatrix a, Uplo uplo, boolean vectors);
}
