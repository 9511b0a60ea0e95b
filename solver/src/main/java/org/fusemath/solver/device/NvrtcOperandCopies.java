package org.fusemath.solver.device;

import java.util.List;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.KernelArguments;
import org.fusemath.cuda.KernelCache;
import org.fusemath.cuda.KernelSource;
import org.fusemath.cuda.LaunchConfig;

/** {@link OperandCopies} as the {@code copy2d.cu} kernel, compiled once per device by NVRTC through the shared {@link KernelCache}. */
final class NvrtcOperandCopies implements OperandCopies {
    static final KernelSource SOURCE = KernelSource.fromResource(NvrtcOperandCopies.class, "copy2d.cu");

    private final CudaStream stream;

    NvrtcOperandCopies(CudaStream stream) {
        this.stream = stream;
    }

    @Override
    public void copy2d(long src, long srcRowStride, long srcColStride, long dst, long dstRowStride, long dstColStride,
                       long rows, long cols, int elementBytes) {
        if (elementBytes != 4 && elementBytes != 8 && elementBytes != 16) {
            throw new InvalidArgumentException("elementBytes", elementBytes, "4, 8 or 16");
        }
        long total = rows * cols;
        if (total == 0) {
            return;
        }
        KernelArguments args = new KernelArguments().add(src).add(srcRowStride).add(srcColStride).add(dst)
                .add(dstRowStride).add(dstColStride).add(rows).add(cols);
        KernelCache.shared().function(stream.deviceId(), SOURCE, "fusemath_copy2d_b" + elementBytes, List.of())
                .launch(stream, LaunchConfig.linear(Math.min(total, 1L << 24), 256), args);
    }
}
