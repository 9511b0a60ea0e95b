package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.solver.device.CusolverOnDevice;

/**
 * The LU factorisation with partial pivoting (P·A = L·U) of one square matrix in device memory, made by cuSOLVER's
 * {@code Xgetrf} on a device copy of A (A is left unchanged) and kept there for any number of solves (op(A)·X = B
 * for op = A or Aᵀ, cuSOLVER's {@code Xgetrs}), the inverse and the determinant; results are device tensors on A's
 * device. Only devInfo, the n pivots and, for the determinant, U's n diagonal elements come back to the host.
 *
 * <p>As on the host, a C-order A is factored as its column-major transpose (no transposition is made), and an
 * exactly singular A (a zero pivot) makes {@link #solve} and {@link #inverse} throw a {@link SingularMatrixException}
 * with devInfo; its determinant is 0. The factors' device memory is freed by {@link #close()} (or, forgotten, by the
 * cuda module's cleaner). Solves may run from several threads at once; close only when none is running.
 */
public final class DeviceLuFactorization implements AutoCloseable {
    private final CusolverOnDevice device;
    private final CusolverOnDevice.Factors factors;
    private final boolean cOrder;
    private volatile boolean closed;

    private DeviceLuFactorization(CusolverOnDevice device, CusolverOnDevice.Factors factors, boolean cOrder) {
        this.device = device;
        this.factors = factors;
        this.cOrder = cOrder;
    }

    /** Factors the square device tensor {@code a} (unchanged) through {@code device}. */
    static DeviceLuFactorization factor(CusolverOnDevice device, DeviceTensor a) {
        device.requireSquare("a", a);
        boolean cOrder = !a.isFortranOrder();
        return new DeviceLuFactorization(device, device.factor(a), cOrder);
    }

    /** The order n of A. */
    public int n() {
        return factors.n();
    }

    /** The element type. */
    public DType dtype() {
        return factors.image().dtype();
    }

    /** The device ordinal the factors live on. */
    public int deviceId() {
        return device.deviceId();
    }

    /** cuSOLVER's devInfo: 0, or the 1-based index of the first exactly zero pivot. */
    public int info() {
        return factors.info();
    }

    /** Whether A is exactly singular (a zero pivot). */
    public boolean isSingular() {
        return factors.info() > 0;
    }

    /** X with A·X = B for the device tensor {@code b} ([n] or [n, k]), into a new device tensor of B's shape and order. */
    public DeviceTensor solve(DeviceTensor b) {
        return solve(Op.NONE, b, null);
    }

    /**
     * X with op(A)·X = B (op: A or Aᵀ; Aᴴ of a real A is Aᵀ) into {@code out} (B's shape, dtype and order on A's
     * device; may be {@code b} itself) or, when null, a new device tensor whose buffer the caller closes.
     */
    public DeviceTensor solve(Op op, DeviceTensor b, DeviceTensor out) {
        requireOpen();
        Arguments.requireNonNull(op, "op");
        Arguments.requireNonNull(b, "b");
        if (op == Op.CONJUGATE_TRANSPOSE && dtype().isComplex()) {
            throw new InvalidArgumentException("op", op, "NONE or TRANSPOSE for a device factorisation of a complex A"
                    + " (Aᴴ solves are host-only for now)");
        }
        if (isSingular()) {
            throw new SingularMatrixException(info());
        }
        boolean transposed = cOrder != (op != Op.NONE);
        DeviceTensor x = out != null ? out : device.allocate(b.dtype(), b.shape(), b.isFortranOrder());
        try {
            DeviceKernels.requireAccepted("cusolverDnXgetrs", device.solve(factors, transposed, b, x));
        } catch (RuntimeException | Error e) {
            if (out == null) {
                x.buffer().close();
            }
            throw e;
        }
        return x;
    }

    /** A⁻¹ as a new device tensor in A's storage order. */
    public DeviceTensor inverse() {
        return inverse(null);
    }

    /** A⁻¹ into {@code out} (n×n of A's dtype and storage order on A's device) or, when null, a new device tensor. */
    public DeviceTensor inverse(DeviceTensor out) {
        requireOpen();
        if (isSingular()) {
            throw new SingularMatrixException(info());
        }
        int n = n();
        if (out != null && (out.isFortranOrder() == cOrder) && n > 1) {
            throw new InvalidArgumentException("out", out, "a " + (cOrder ? "C" : "Fortran") + "-order tensor, A's order");
        }
        DeviceTensor x = out != null ? out : device.allocate(dtype(), new long[] {n, n}, !cOrder);
        try {
            DeviceKernels.requireAccepted("cusolverDnXgetrs", device.inverse(factors, x));
        } catch (RuntimeException | Error e) {
            if (out == null) {
                x.buffer().close();
            }
            throw e;
        }
        return x;
    }

    /** det(A) = ±Π U(i, i) as {@link LuFactorization#determinant()} computes it (U's diagonal read back: n elements). */
    public Scalar determinant() {
        return core().determinant();
    }

    /** det(A) as numpy.linalg.slogdet's (sign, log|det A|). */
    public SignLogDet logDeterminant() {
        return core().logDeterminant();
    }

    private LuCore core() {
        requireOpen();
        Object diagonal = isSingular() ? null : device.diagonal(factors);
        return LuCore.ofDiagonal(dtype(), diagonal, factors.pivots(), factors.info());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("DeviceLuFactorization is closed");
        }
    }

    /** Frees the factors' device memory; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            factors.image().buffer().close();
        }
    }
}
