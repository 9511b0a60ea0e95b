package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.AfterEach;

/**
 * On a GPU: the {@link DevicePlanChecks} through {@link Fusion#plan(FuseContext, Expr...)} on device 0 (cuBLASLt,
 * NVRTC, the device's memory pool), on a stream the plan makes or on one the caller passes. Skipped with the probe's
 * reason where no device is usable.
 */
@GpuTest(libraries = {CudaLibrary.NVRTC, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT})
class DevicePlanGpuTest extends DevicePlanChecks {
    private final List<CudaStream> streams = new ArrayList<>();

    @Override
    FusionPlan devicePlan(boolean callersStream, Expr... roots) {
        FuseContext.Builder b = FuseContext.builder().execution(Execution.device(0));
        if (callersStream) {
            CudaStream s = CudaStream.create(0);
            streams.add(s);
            b.stream(s);
        }
        return Fusion.plan(b.build(), roots);
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(CudaStream::close);
        streams.clear();
    }

    @Override
    boolean onHardware() {
        return true;
    }
}
