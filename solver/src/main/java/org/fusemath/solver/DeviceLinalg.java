package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DevicePlacement;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.blas.Scalar;
import org.fusemath.solver.device.CusolverOnDevice;

/**
 * {@link Linalg}'s functions on device tensors, each a one-shot {@link DeviceLuFactorization} on the device the
 * operands live on (the context, when given, supplies the stream and must not ask for the host or another device).
 * Stateless.
 */
final class DeviceLinalg {
    private DeviceLinalg() {
    }

    /** cuSOLVER on {@code a}'s device under {@code context} (null: that device, a stream per call). */
    static CusolverOnDevice on(FuseContext context, DeviceTensor a) {
        Arguments.requireNonNull(a, "a");
        return CusolverOnDevice.open(DevicePlacement.contextFor(context, "a", a.deviceId()));
    }

    static DeviceTensor solve(CusolverOnDevice device, DeviceTensor a, DeviceTensor b) {
        Arguments.requireNonNull(a, "a");
        a.requireSameDevice("b", b);
        try (DeviceLuFactorization lu = DeviceLuFactorization.factor(device, a)) {
            return lu.solve(b);
        }
    }

    static DeviceTensor inv(CusolverOnDevice device, DeviceTensor a) {
        try (DeviceLuFactorization lu = DeviceLuFactorization.factor(device, a)) {
            return lu.inverse();
        }
    }

    static Scalar det(CusolverOnDevice device, DeviceTensor a) {
        try (DeviceLuFactorization lu = DeviceLuFactorization.factor(device, a)) {
            return lu.determinant();
        }
    }

    static SignLogDet slogdet(CusolverOnDevice device, DeviceTensor a) {
        try (DeviceLuFactorization lu = DeviceLuFactorization.factor(device, a)) {
            return lu.logDeterminant();
        }
    }
}
