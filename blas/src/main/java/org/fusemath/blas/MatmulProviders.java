package org.fusemath.blas;

import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.UnavailableReason;
import org.fusemath.blas.host.OpenBlasMatmul;

/** Chooses the provider that plans a matmul: host operands run on the host unless the context forces a device. */
final class MatmulProviders {
    private MatmulProviders() {
    }

    static MatmulPlan plan(MatmulSpec spec, FuseContext context) {
        if (context.execution().kind() == Execution.Kind.DEVICE) {
            throw new DeviceUnavailableException(UnavailableReason.INITIALIZATION_FAILED,
                    "this build has no device matmul provider (org.fusemath.blas.device) for " + context.execution());
        }
        return OpenBlasMatmul.plan(spec, context);
    }
}
