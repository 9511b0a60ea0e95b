package org.fusemath.blas;

import org.fusemath.api.FuseContext;
import org.fusemath.blas.device.CublasLtMatmul;
import org.fusemath.blas.host.OpenBlasMatmul;

/**
 * Chooses the provider that plans a matmul. The operands are host arrays, so HOST and AUTO run on the host
 * (OpenBLAS): AUTO would move work to a device only where the copies pay for themselves, and this first device
 * provider has no measured crossover to decide that, so it never does. DEVICE runs on the context's device
 * through cuBLASLt ({@link CublasLtMatmul}): the operands are copied in and the results back, and an unusable
 * device is a {@link org.fusemath.api.DeviceUnavailableException} naming why.
 */
final class MatmulProviders {
    private MatmulProviders() {
    }

    static MatmulPlan plan(MatmulSpec spec, FuseContext context) {
        return switch (context.execution().kind()) {
            case DEVICE -> CublasLtMatmul.plan(spec, context);
            case HOST, AUTO -> OpenBlasMatmul.plan(spec, context);
        };
    }
}
