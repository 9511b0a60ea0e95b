package org.fusemath.solver.device;

import java.util.List;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.KernelArguments;
import org.fusemath.cuda.KernelCache;
import org.fusemath.cuda.KernelSource;
import org.fusemath.cuda.LaunchConfig;

/** {@link RowScaling} as the {@code scale_rows.cu} kernel, compiled once per device by NVRTC through the shared {@link KernelCache}. */
final class NvrtcRowScaling implements RowScaling {
    static final KernelSource SOURCE = KernelSource.fromResource(NvrtcRowScaling.class, "scale_rows.cu");

    private final CudaStream stream;

    NvrtcRowScaling(CudaStream stream) {
        this.stream = stream;
    }

    @Override
    public void scaleRows(long matrix, long weights, long rows, long cols, boolean single, int slots) {
        if (slots != 1 && slots != 2) {
            throw new InvalidArgumentException("slots", slots, "1 (real) or 2 (complex)");
        }
        long total = rows * cols * slots;
        if (total == 0) {
            return;
        }
        KernelArguments args = new KernelArguments().add(matrix).add(weights).add(rows).add(cols).add((long) slots);
        KernelCache.shared().function(stream.deviceId(), SOURCE, single ? "fusemath_scale_rows_f32" : "fusemath_scale_rows_f64",
                List.of()).launch(stream, LaunchConfig.linear(Math.min(total, 1L << 24), 256), args);
    }
}
