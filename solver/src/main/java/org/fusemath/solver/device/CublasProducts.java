package org.fusemath.solver.device;

import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.device.CublasLtMatmul;
import org.fusemath.blas.device.ResidentOperands;
import org.fusemath.cuda.CudaStream;

/**
 * {@link DeviceProducts} through blas's {@link CublasLtMatmul#planResident} (the same cuBLASLt binding the fusion
 * planner computes in), on the session's stream: each product is planned, queued and its plan released once the
 * stream has run it, so no workspace is freed under a running call.
 */
final class CublasProducts implements DeviceProducts {
    private final CudaStream stream;
    private final FuseContext streamContext;

    CublasProducts(CudaStream stream, FuseContext context) {
        this.stream = stream;
        this.streamContext = FuseContext.builder().execution(Execution.device(stream.deviceId())).stream(stream)
                .logger(context.logger()).build();
    }

    @Override
    public void matmul(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        try (CublasLtMatmul m = CublasLtMatmul.planResident(spec, streamContext, new ResidentOperands(a, b, c, null, null))) {
            m.executeResident();
            stream.synchronize();
        }
    }
}
