package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Uplo;

/**
 * Many independent systems of one size: X_b = A_b⁻¹·B_b for every member b of a stack of n×n matrices A and a
 * stack of n×k right-hand sides B (each a batched {@link HostMatrix}, e.g. {@code MatrixShape.rowMajor(n, n)
 * .batched(count)} over one flat array), by LU with partial pivoting ({@link #lu}) or, for symmetric / Hermitian
 * positive definite members, by Cholesky ({@link #cholesky}). As in {@code numpy.linalg.solve}, a stack of one
 * (or a batch stride of 0) is broadcast to the other's count.
 *
 * <p>The members are spread over the context's threads, each factored and solved whole by one thread with a
 * kernel chosen by type and order only (pure Java for tiny real members, LAPACK otherwise), so the result is
 * bit-identical whatever the thread count. Under {@code Execution.device()} the stack is copied to the device and
 * solved there by cuBLAS's and cuSOLVER's batched routines or cuSOLVER's 64-bit API (see
 * {@code org.fusemath.solver.device}; a {@link org.fusemath.api.DeviceUnavailableException} naming why when no
 * device is usable); AUTO stays on the host. The inputs are never modified; X is a fresh dense stack in B's storage
 * order. A member that is exactly singular (LU) or not positive definite (Cholesky) fails the call with a
 * {@link SingularMatrixException} or {@link NotPositiveDefiniteException} naming the lowest failing member
 * ({@link org.fusemath.api.NumericalException#batchIndex()}) and LAPACK's info for it (for a row-major member,
 * that of the factors of Aᵀ, as {@link LuFactorization} documents). NaN and Inf propagate into X. Thread-safe
 * (stateless).
 */
public final class BatchedSolve {
    private BatchedSolve() {
    }

    /** X_b with A_b·X_b = B_b for every member, by LU with partial pivoting, with the default context. */
    public static HostMatrix lu(HostMatrix a, HostMatrix b) {
        return lu(FuseContext.defaults(), a, b);
    }

    /** {@link #lu(HostMatrix, HostMatrix)} with the context's execution and thread count. */
    public static HostMatrix lu(FuseContext context, HostMatrix a, HostMatrix b) {
        return solve(context, BatchedProblem.Method.LU, Uplo.LOWER, a, b);
    }

    /**
     * X_b with A_b·X_b = B_b for every symmetric (Hermitian) positive definite member by Cholesky, reading only
     * the {@code uplo} triangle of each A_b, with the default context.
     */
    public static HostMatrix cholesky(Uplo uplo, HostMatrix a, HostMatrix b) {
        return cholesky(FuseContext.defaults(), uplo, a, b);
    }

    /** {@link #cholesky(Uplo, HostMatrix, HostMatrix)} with the context's execution and thread count. */
    public static HostMatrix cholesky(FuseContext context, Uplo uplo, HostMatrix a, HostMatrix b) {
        Arguments.requireNonNull(uplo, "uplo");
        return solve(context, BatchedProblem.Method.CHOLESKY, uplo, a, b);
    }

    private static HostMatrix solve(FuseContext context, BatchedProblem.Method method, Uplo uplo, HostMatrix a,
                                    HostMatrix b) {
        BatchedSystems s = BatchedSystems.check(context, a, b);
        Object x = s.rightHandSides(b);
        BatchedProblem problem = new BatchedProblem(method, uplo, s.dtype(), a.array(), s.aShape(), x,
                s.xShape().layout(), s.k());
        BatchedProblem.Failure failure = BatchedSolveProviders.solve(context, problem);
        if (failure != null) {
            throw method == BatchedProblem.Method.LU
                    ? new SingularMatrixException(failure.index(), failure.info())
                    : new NotPositiveDefiniteException(failure.index(), failure.info());
        }
        return HostMatrix.of(s.dtype(), x, s.xShape());
    }

    /** The checked geometry of one batched call: A's members (broadcast to the batch), the shape of X. */
    private record BatchedSystems(DType dtype, MatrixShape aShape, MatrixShape xShape, int k) {
        static BatchedSystems check(FuseContext context, HostMatrix a, HostMatrix b) {
            Arguments.requireNonNull(context, "context");
            Arguments.requireNonNull(a, "a");
            Arguments.requireNonNull(b, "b");
            DType t = a.dtype();
            if (b.dtype() != t) {
                throw new InvalidArgumentException("b", b.dtype(), t + " (the type of a)");
            }
            MatrixShape as = a.shape();
            MatrixShape bs = b.shape();
            if (as.rows() != as.cols()) {
                throw new ShapeMismatchException("a", as.rows() + "x" + as.cols(), "square members");
            }
            if (bs.rows() != as.rows()) {
                throw new ShapeMismatchException("b", bs.rows() + "x" + bs.cols() + " members",
                        "members of " + as.rows() + " rows (a's members are " + as.rows() + "x" + as.cols() + ")");
            }
            long batch = MatrixShape.broadcastBatch("a", as.batch(), "b", bs.batch());
            int n = Arguments.toInt("a rows", as.rows());
            int k = Arguments.toInt("b cols", bs.cols());
            MatrixShape member = MatrixShape.dense(n, k, bs.layout());
            Arguments.toInt("elements of x", Arguments.multiply("elements of x",
                    Arguments.multiply("elements of x", batch, member.size()), t.slotsPerElement()));
            MatrixShape aShape = as.batch() == batch ? as : as.batched(batch, 0);
            return new BatchedSystems(t, aShape, member.batched(batch), k);
        }

        /** A fresh dense stack holding B's members (broadcast to the batch) in B's own storage order. */
        Object rightHandSides(HostMatrix b) {
            int slots = dtype.slotsPerElement();
            long batch = xShape.batch();
            int size = Math.toIntExact(batch * xShape.size() * slots);
            Object x = dtype.isSinglePrecision() ? new float[size] : new double[size];
            MatrixShape bs = b.shape();
            int memberSlots = (int) xShape.size() * slots;
            for (long m = 0; m < batch; m++) {
                long from = bs.batch() == 1 ? 0 : m;
                int to = Math.toIntExact(m * memberSlots);
                if (bs.isContiguous()) {
                    System.arraycopy(b.array(), (int) (bs.indexOf(from, 0, 0) * slots), x, to, memberSlots);
                    continue;
                }
                for (long i = 0; i < bs.rows(); i++) {
                    for (long j = 0; j < bs.cols(); j++) {
                        System.arraycopy(b.array(), (int) (bs.indexOf(from, i, j) * slots), x,
                                to + (int) (xShape.indexOf(0, i, j) * slots), slots);
                    }
                }
            }
            return x;
        }
    }
}
