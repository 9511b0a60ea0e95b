package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverOnDevice;
import org.fusemath.solver.device.DecompositionCall;
import org.fusemath.solver.device.DecompositionCall.Routine;

/**
 * The Householder QR factorisation A = Q·R of one m×n matrix in device memory: cuSOLVER's {@code Xgeqrf} on a
 * column-major device copy of A (A is unchanged), the reflectors and tau kept there; R ({@link #r()}: min(m, n)×n,
 * NumPy's reduced R) and the explicit Q ({@link #q(boolean)}: thin m×min(m, n) or full m×m, by the typed
 * {@code orgqr}/{@code ungqr} on a device copy of the reflectors) are new Fortran-order device tensors the caller
 * closes. Only devInfo crosses to the host. Freed by {@link #close()} (or, forgotten, by the cuda module's cleaner);
 * R and Q may be asked for from several threads at once.
 */
public final class DeviceQrFactorization implements AutoCloseable {
    private final CusolverOnDevice device;
    private final DeviceTensor image;
    private final DeviceTensor tau;
    private final int m;
    private final int n;
    private volatile boolean closed;

    private DeviceQrFactorization(CusolverOnDevice device, DeviceTensor image, DeviceTensor tau, int m, int n) {
        this.device = device;
        this.image = image;
        this.tau = tau;
        this.m = m;
        this.n = n;
    }

    /** Factors the device matrix {@code a} (unchanged) through {@code device}. */
    static DeviceQrFactorization factor(CusolverOnDevice device, DeviceTensor a) {
        int[] mn = device.requireMatrix("a", a);
        int m = mn[0];
        int n = mn[1];
        DType t = a.dtype();
        DeviceTensor image = device.image(a, false, n);
        if (m == 0 || n == 0) {
            return new DeviceQrFactorization(device, image, null, m, n);
        }
        DecompositionCall geqrf = DecompositionCall.of(Routine.X_GEQRF, t, m, n, 0, m, 1, 1, 'N', 'N', Uplo.LOWER);
        CusolverOnDevice.Decomposed d;
        try {
            d = device.decompose(geqrf, image, null);
            DeviceKernels.requireAccepted(geqrf.function(), d.info());
        } catch (RuntimeException | Error e) {
            image.buffer().close();
            throw e;
        }
        return new DeviceQrFactorization(device, image, d.values(), m, n);
    }

    /** m, the rows of A. */
    public int rows() {
        return m;
    }

    /** n, the columns of A. */
    public int cols() {
        return n;
    }

    /** The element type. */
    public DType dtype() {
        return image.dtype();
    }

    /** R, min(m, n)×n upper triangular (zeros below the diagonal), a new Fortran-order device tensor. */
    public DeviceTensor r() {
        requireOpen();
        int k = Math.min(m, n);
        DeviceTensor r = device.block(image, k, n, n);
        try {
            device.zeroTriangle(r, Uplo.LOWER);
            return r;
        } catch (RuntimeException | Error e) {
            r.buffer().close();
            throw e;
        }
    }

    /** The thin Q, m×min(m, n) with orthonormal columns. */
    public DeviceTensor q() {
        return q(false);
    }

    /** Q with orthonormal columns: m×m when {@code full}, else m×min(m, n); a new Fortran-order device tensor. */
    public DeviceTensor q(boolean full) {
        requireOpen();
        int k = Math.min(m, n);
        int cols = full ? m : k;
        if (k == 0) {
            return full ? device.identity(dtype(), m) : device.allocate(dtype(), new long[] {m, 0}, true);
        }
        // The reflectors (A's first min(n, cols) columns as geqrf left them) into Q's memory; orgqr builds Q there.
        DeviceTensor q = device.block(image, m, Math.min(n, cols), cols);
        try {
            DecompositionCall orgqr = DecompositionCall.of(Routine.ORGQR, dtype(), m, cols, k, m, 1, 1, 'N', 'N',
                    Uplo.LOWER);
            DeviceKernels.requireAccepted(orgqr.function(), device.decompose(orgqr, q, tau).info());
            return q;
        } catch (RuntimeException | Error e) {
            q.buffer().close();
            throw e;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("DeviceQrFactorization is closed");
        }
    }

    /** Frees the factors' device memory; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            image.buffer().close();
            if (tau != null) {
                tau.buffer().close();
            }
        }
    }
}
