package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverOnDevice;
import org.fusemath.solver.device.DecompositionCall;

/**
 * The SVD and the eigen decompositions of device tensors, on the device they live on, results left there.
 *
 * <p>SVD: {@code Xgesvd}, which takes tall matrices only, on a tall image: A (m ≥ n) or its plain transpose Aᵀ
 * (m &lt; n; no conjugation, which a copy cannot do). From Aᵀ = U'·Σ·V'ᴴ follows A = conj(V')·Σ·U'ᵀ, so
 * U = (V'ᴴ)ᵀ and Vᴴ = U'ᵀ: plain transposes, which are the same memory read in C order, so neither is copied.
 * The Jacobi {@code gesvdj} is not used here: it returns V, and Vᴴ of a complex V needs a conjugation on the device.
 * Hermitian eigen: {@code Xsyevd} on a column-major copy. General eigen: {@code Xgeev} of the 13.1 bindings on a
 * complex image (a real A's elements as real parts), so the eigenvalues and right vectors come back complex in the
 * form NumPy returns, with no expansion of LAPACK's real pair packing (a real A's conjugate pairs agree to rounding
 * rather than exactly). devInfo is mapped as on the host: positive is a {@link NoConvergenceException}. NaN and
 * infinity are not screened on the device (the host forms reject them): they give NaN results or no convergence.
 * Stateless.
 */
final class DeviceSpectral {
    private DeviceSpectral() {
    }

    static DeviceSvd svd(CusolverOnDevice device, DeviceTensor a, SvdMode mode) {
        Arguments.requireNonNull(mode, "mode");
        int[] mn = device.requireMatrix("a", a);
        int m = mn[0];
        int n = mn[1];
        int k = Math.min(m, n);
        DType t = a.dtype();
        if (k == 0) {
            DeviceTensor s = device.allocate(t.componentType(), new long[] {0}, true);
            return switch (mode) {
                case VALUES -> new DeviceSvd(null, s, null);
                case THIN -> new DeviceSvd(device.allocate(t, new long[] {m, 0}, true), s,
                        device.allocate(t, new long[] {0, n}, true));
                case FULL -> new DeviceSvd(device.identity(t, m), s, device.identity(t, n));
            };
        }
        boolean wide = m < n;
        DecompositionCall gesvd = DeviceKernels.gesvdCall(t, m, n, mode);
        CusolverOnDevice.Decomposed d;
        DeviceTensor image = device.image(a, wide, k);
        try {
            d = device.decompose(gesvd, image, null);
        } finally {
            image.buffer().close();
        }
        DeviceKernels.requireConverged(gesvd.function(), d.info());
        if (mode == SvdMode.VALUES || !wide) {
            return new DeviceSvd(d.u(), d.values(), d.vt());
        }
        int uCols = Math.toIntExact(d.u().dim(1));
        return new DeviceSvd(DeviceTensor.of(d.vt().buffer(), new long[] {m, m}, false), d.values(),
                DeviceTensor.of(d.u().buffer(), new long[] {uCols, n}, false));
    }

    static DeviceHermitianEigen eigh(CusolverOnDevice device, DeviceTensor a, Uplo uplo, boolean vectors) {
        int n = device.requireSquare("a", a);
        Arguments.requireNonNull(uplo, "uplo");
        DType t = a.dtype();
        DeviceTensor image = device.image(a, false, n);
        if (n == 0) {
            return new DeviceHermitianEigen(device.allocate(t.componentType(), new long[] {0}, true),
                    vectors ? image : closed(image));
        }
        DecompositionCall syevd = DeviceKernels.syevdCall(t, n, uplo, vectors);
        CusolverOnDevice.Decomposed d;
        try {
            d = device.decompose(syevd, image, null);
            DeviceKernels.requireConverged(syevd.function(), d.info());
        } catch (RuntimeException | Error e) {
            image.buffer().close();
            throw e;
        }
        return new DeviceHermitianEigen(d.values(), vectors ? image : closed(image));
    }

    static DeviceEigen eig(CusolverOnDevice device, DeviceTensor a, boolean vectors) {
        int n = device.requireSquare("a", a);
        DType complex = a.dtype().complexType();
        if (n == 0) {
            return new DeviceEigen(device.allocate(complex, new long[] {0}, true),
                    vectors ? device.allocate(complex, new long[] {0, 0}, true) : null);
        }
        DeviceTensor image = a.dtype().isComplex() ? device.image(a, false, n) : device.complexImage(a);
        DecompositionCall geev = DeviceKernels.geevCall(complex, n, vectors);
        CusolverOnDevice.Decomposed d;
        try {
            d = device.decompose(geev, image, null);
        } finally {
            image.buffer().close();
        }
        DeviceKernels.requireConverged(geev.function(), d.info());
        return new DeviceEigen(d.values(), d.u());
    }

    private static DeviceTensor closed(DeviceTensor t) {
        t.buffer().close();
        return null;
    }

    /** Frees the buffers of the tensors that are not null. */
    static void closeAll(DeviceTensor... tensors) {
        for (DeviceTensor t : tensors) {
            if (t != null) {
                t.buffer().close();
            }
        }
    }
}
