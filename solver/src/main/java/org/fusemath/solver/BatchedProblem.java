package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;

/**
 * One checked batched solve as the providers receive it (built by {@link BatchedSolve} after every argument check):
 * {@code aShape.batch()} members A_b (n×n, any layout, leading dimension and batch stride, 0 broadcasting one A) in
 * {@code a}, and {@code x}, dense n×k members packed in {@code xLayout}, holding B on entry and X on return.
 * Immutable; the arrays are the caller's and the provider's working result.
 *
 * @param uplo the triangle of each A_b that Cholesky reads (ignored by LU)
 */
public record BatchedProblem(Method method, Uplo uplo, DType dtype, Object a, MatrixShape aShape, Object x,
                             Layout xLayout, int k) {
    /** The factorisation each member is solved with. */
    public enum Method {
        /** LU with partial pivoting (getrf/getrs); a zero pivot is a singular member. */
        LU,
        /** Cholesky (potrf/potrs) on one triangle; a leading minor that is not positive definite fails the member. */
        CHOLESKY
    }

    /** The first member (lowest batch index) that failed, with LAPACK's info for it. */
    public record Failure(long index, int info) {
    }

    /** The number of members. */
    public long batch() {
        return aShape.batch();
    }

    /** The order n of each member. */
    public int n() {
        return (int) aShape.rows();
    }

    /** Whether the members of A are row-major (read column-major, as LAPACK and cuSOLVER read them, each is Aᵀ). */
    public boolean rowMajorA() {
        return aShape.layout() == Layout.ROW_MAJOR;
    }

    /** The triangle LAPACK and cuSOLVER read in the column-major reading of a member. */
    public Uplo storedUplo() {
        return rowMajorA() ? uplo.flipped() : uplo;
    }

    /** Floating-point operations of one member's factorisation and solve. */
    public double flopsPerMember() {
        double n = n();
        return (method == Method.LU ? 2.0 / 3 : 1.0 / 3) * n * n * n + 2.0 * n * n * k;
    }
}
