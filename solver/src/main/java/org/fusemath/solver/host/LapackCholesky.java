package org.fusemath.solver.host;

import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;

/**
 * The host Cholesky provider: LAPACK's potrf and potrs on dense column-major arrays through fusemath's host call
 * table (argument checks, the thread count per call). Stateless and thread-safe.
 */
public final class LapackCholesky {
    private LapackCholesky() {
    }

    /** Factors the Hermitian positive definite column-major n×n {@code a} in its {@code uplo} triangle; LAPACK's info. */
    public static int factor(int threads, DType t, Uplo uplo, int n, Object a) {
        return LapackLu.lapack(threads).potrf(t, uplo, n, a, 0, Math.max(1, n));
    }

    /** Overwrites the column-major n×k {@code b} with F⁻¹·B, F the matrix {@link #factor} factored. */
    public static int solve(int threads, DType t, Uplo uplo, int n, int k, Object factor, Object b) {
        return LapackLu.lapack(threads).potrs(t, uplo, n, k, factor, 0, Math.max(1, n), b, 0, Math.max(1, n));
    }
}
