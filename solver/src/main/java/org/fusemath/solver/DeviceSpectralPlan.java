package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.device.DecompositionPlan;
import org.fusemath.solver.device.JacobiSvdPlan;

/**
 * The device side of a DEVICE {@link SvdPlan}, {@link EigenPlan} or {@link HermitianEigenPlan}: the one cuSOLVER call
 * the decomposition of that shape makes ({@code gesvdj} or {@code Xgesvd}; {@code Xgeev}; {@code Xsyevd}) prepared
 * once as a device plan (handle, buffers and the workspace of one {@code *_bufferSize} query, from the stream-ordered
 * pool) and handed to {@link DeviceKernels}' decompositions as their decomposer, so a plan runs exactly the code the
 * function forms run. An empty shape prepares nothing. Closing releases the device plan (a Cleaner does so for a
 * plan left unclosed). Used under its owner's lock.
 */
final class DeviceSpectralPlan implements AutoCloseable {
    private final CusolverDevice device;
    private final DecompositionPlan decomposition;
    private final JacobiSvdPlan jacobi;

    private DeviceSpectralPlan(CusolverDevice device, DecompositionPlan decomposition, JacobiSvdPlan jacobi) {
        this.device = device;
        this.decomposition = decomposition;
        this.jacobi = jacobi;
    }

    /** The SVD of m×n matrices in {@code mode}: gesvdj or Xgesvd as {@link JacobiSvds#singleRoute} decides. */
    static DeviceSpectralPlan svd(CusolverDevice device, DType t, int m, int n, SvdMode mode) {
        if (Math.min(m, n) == 0) {
            return new DeviceSpectralPlan(device, null, null);
        }
        if (JacobiSvds.singleRoute(m, n)) {
            return new DeviceSpectralPlan(device, null, device.plan(JacobiSvds.singleCall(t, m, n, mode)));
        }
        return new DeviceSpectralPlan(device, device.plan(DeviceKernels.gesvdCall(t, m, n, mode)), null);
    }

    /** The general eigen decomposition of n×n matrices by Xgeev. */
    static DeviceSpectralPlan eig(CusolverDevice device, DType t, int n, boolean vectors) {
        return new DeviceSpectralPlan(device, n == 0 ? null : device.plan(DeviceKernels.geevCall(t, n, vectors)), null);
    }

    /** The Hermitian eigen decomposition of n×n matrices by Xsyevd. */
    static DeviceSpectralPlan eigh(CusolverDevice device, DType t, int n, Uplo uplo, boolean vectors) {
        return new DeviceSpectralPlan(device, n == 0 ? null : device.plan(DeviceKernels.syevdCall(t, n, uplo, vectors)), null);
    }

    /** The decomposer that runs the planned call (and refuses any other: the plan and the kernels disagree). */
    DeviceKernels.Decomposer decomposer() {
        return (call, image) -> {
            requirePlanned(call, decomposition == null ? null : decomposition.call());
            return decomposition.execute(image);
        };
    }

    /**
     * The decomposer of the Xgesvd rerun after a gesvdj that did not converge: a one-shot call on the plan's device
     * (rare, so not prepared ahead).
     */
    DeviceKernels.Decomposer fallback() {
        return (call, image) -> device.decompose(java.util.List.of(call), image, null);
    }

    /** The Jacobi runner that runs the planned call. */
    DeviceKernels.JacobiRunner jacobi() {
        return (call, images) -> {
            requirePlanned(call, jacobi == null ? null : jacobi.call());
            return jacobi.execute(images);
        };
    }

    private static void requirePlanned(Object call, Object planned) {
        if (!call.equals(planned)) {
            throw new IllegalStateException("the plan prepared " + planned + ", not " + call);
        }
    }

    @Override
    public void close() {
        if (decomposition != null) {
            decomposition.close();
        }
        if (jacobi != null) {
            jacobi.close();
        }
    }
}
