package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverOnDevice;

/**
 * The Cholesky factorisation A = L·Lᴴ (lower) or A = Uᴴ·U (upper) of one Hermitian positive definite matrix in
 * device memory, made by cuSOLVER's {@code Xpotrf} on a column-major device copy of A (A is unchanged; only its
 * chosen triangle is read) and kept there for solves ({@code Xpotrs}) and the inverse; results are device tensors on
 * A's device. Only devInfo (and the identity's two constants) cross to the host.
 *
 * <p>A matrix that is not positive definite fails at {@link CholeskyFactorization#factor(org.fusemath.api.FuseContext,
 * DeviceTensor, Uplo)} with the {@link NotPositiveDefiniteException} naming the first leading minor that is not
 * (devInfo, as LAPACK's info on the host). NaN and infinity are not screened on the device: they propagate as on the
 * host. The factor's memory is freed by {@link #close()} (or, forgotten, by the cuda module's cleaner). Solves may
 * run from several threads at once; close only when none is running.
 */
public final class DeviceCholeskyFactorization implements AutoCloseable {
    private final CusolverOnDevice device;
    private final CusolverOnDevice.CholeskyFactors factors;
    private volatile boolean closed;

    private DeviceCholeskyFactorization(CusolverOnDevice device, CusolverOnDevice.CholeskyFactors factors) {
        this.device = device;
        this.factors = factors;
    }

    /** Factors the square device tensor {@code a} (unchanged) from its {@code uplo} triangle through {@code device}. */
    static DeviceCholeskyFactorization factor(CusolverOnDevice device, DeviceTensor a, Uplo uplo) {
        CusolverOnDevice.CholeskyFactors f = device.cholesky(a, uplo);
        if (f.info() != 0) {
            f.image().buffer().close();
            if (f.info() > 0) {
                throw new NotPositiveDefiniteException(f.info());
            }
            DeviceKernels.requireAccepted("cusolverDnXpotrf", f.info());
        }
        return new DeviceCholeskyFactorization(device, f);
    }

    /** The order n of A. */
    public int n() {
        return factors.n();
    }

    /** The element type. */
    public DType dtype() {
        return factors.image().dtype();
    }

    /** The triangle factored: LOWER for A = L·Lᴴ, UPPER for A = Uᴴ·U. */
    public Uplo uplo() {
        return factors.uplo();
    }

    /** The device ordinal the factor lives on. */
    public int deviceId() {
        return device.deviceId();
    }

    /** X with A·X = B for the device tensor {@code b} ([n] or [n, k]), into a new device tensor of B's shape and order. */
    public DeviceTensor solve(DeviceTensor b) {
        return solve(b, null);
    }

    /** X with A·X = B into {@code out} (B's shape, dtype and order on A's device; may be {@code b}) or, when null, a new tensor. */
    public DeviceTensor solve(DeviceTensor b, DeviceTensor out) {
        requireOpen();
        Arguments.requireNonNull(b, "b");
        DeviceTensor x = out != null ? out : device.allocate(b.dtype(), b.shape(), b.isFortranOrder());
        return fill(x, out == null, () -> device.solve(factors, b, x));
    }

    /** A⁻¹ as a new Fortran-order device tensor. */
    public DeviceTensor inverse() {
        return inverse(null);
    }

    /** A⁻¹ into {@code out} (n×n of A's dtype, Fortran order, on A's device) or, when null, a new device tensor. */
    public DeviceTensor inverse(DeviceTensor out) {
        requireOpen();
        int n = n();
        if (out != null && !out.isFortranOrder() && n > 1) {
            throw new InvalidArgumentException("out", out, "a Fortran-order tensor (the inverse is written column-major)");
        }
        DeviceTensor x = out != null ? out : device.allocate(dtype(), new long[] {n, n}, true);
        return fill(x, out == null, () -> device.inverse(factors, x));
    }

    /** The factor (L for LOWER, U for UPPER) as a new Fortran-order n×n device tensor, zeros in the other triangle. */
    public DeviceTensor triangularFactor() {
        requireOpen();
        DeviceTensor copy = device.block(factors.image(), n(), n(), n());
        return fill(copy, true, () -> {
            device.zeroTriangle(copy, uplo().flipped());
            return 0;
        });
    }

    /** The factor in the factorisation's own memory, other triangle zeroed; this object is closed (the caller owns it). */
    DeviceTensor releaseTriangularFactor() {
        requireOpen();
        closed = true;
        DeviceTensor image = factors.image();
        return fill(image, true, () -> {
            device.zeroTriangle(image, uplo().flipped());
            return 0;
        });
    }

    /** Runs {@code call} (a devInfo) into {@code x}, freeing x when it fails and this call allocated it. */
    private static DeviceTensor fill(DeviceTensor x, boolean owned, java.util.function.IntSupplier call) {
        try {
            DeviceKernels.requireAccepted("cusolverDnXpotrs", call.getAsInt());
            return x;
        } catch (RuntimeException | Error e) {
            if (owned) {
                x.buffer().close();
            }
            throw e;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("DeviceCholeskyFactorization is closed");
        }
    }

    /** Frees the factor's device memory; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            factors.image().buffer().close();
        }
    }
}
