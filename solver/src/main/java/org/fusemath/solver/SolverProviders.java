package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.solver.device.CusolverDevice;

/**
 * The one place a dense factorisation or decomposition learns where it runs: {@link #select} sends DEVICE to
 * cuSOLVER on the context's device (after asking the CUDA probe, whose
 * {@link org.fusemath.api.DeviceUnavailableException} names why there is no device) and HOST and AUTO to LAPACK
 * on the host: the operands are heap arrays, and no crossover at which copying them over the bus pays has been
 * measured yet, so the device is used only when asked for. Stateless.
 */
final class SolverProviders {
    private SolverProviders() {
    }

    /**
     * The routines for {@code context}'s execution space.
     *
     * @throws org.fusemath.api.DeviceUnavailableException for DEVICE when that device or cuSOLVER is not usable
     */
    static DenseKernels select(FuseContext context) {
        Arguments.requireNonNull(context, "context");
        if (context.execution().kind() == Execution.Kind.DEVICE) {
            return new DeviceKernels(CusolverDevice.open(context));
        }
        return new HostKernels(context);
    }
}
