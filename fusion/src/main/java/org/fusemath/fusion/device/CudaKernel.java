package org.fusemath.fusion.device;

import java.util.List;
import org.fusemath.cuda.KernelSource;
import org.fusemath.cuda.LaunchConfig;

/**
 * One fused group as CUDA C: the source, its {@code extern "C"} entry point, the parameter list in order and the
 * launch shape. Immutable.
 *
 * @param source     the CUDA C source (compiled by NVRTC with {@link #OPTIONS})
 * @param entry      the kernel's name
 * @param parameters C declarations of the parameters, in order: inputs, outputs, then the element or row count
 * @param launch     grid and block for the group's shape
 * @param reduction  whether the kernel reduces (one block per outer index) or is element-wise (grid-stride)
 */
public record CudaKernel(KernelSource source, String entry, List<String> parameters, LaunchConfig launch, boolean reduction) {
    /**
     * NVRTC options: no fused multiply-add contraction, so that + and * round as on the host and element-wise
     * results are bit-identical to the interpreter's.
     */
    public static final List<String> OPTIONS = List.of("--fmad=false");

    /** Copies the list. */
    public CudaKernel {
        parameters = List.copyOf(parameters);
    }
}
