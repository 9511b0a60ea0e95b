package org.fusemath.cuda;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles CUDA C with NVRTC, uncached (use {@link KernelCache} to compile each source once). Arguments are
 * checked before NVRTC is touched; without a usable device and NVRTC, a
 * {@link org.fusemath.api.DeviceUnavailableException} says why. Thread-safe.
 */
public final class NvrtcCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(NvrtcCompiler.class);
    private static final Lazy<KernelCompiler> NVRTC = new Lazy<>(JavacppNvrtc::new);

    private NvrtcCompiler() {
    }

    /**
     * Compiles {@code source} for {@code architecture} ({@code sm_XY}: a CUBIN; {@code compute_XY}: PTX) with
     * {@code options} (e.g. {@code --use_fast_math}, {@code -default-device}).
     *
     * @throws NvrtcCompileException with the compile log when the source does not compile
     */
    public static CompiledKernel compile(KernelSource source, String architecture, List<String> options) {
        KernelKey key = KernelKey.of(source, architecture, options);
        CudaDevices.require(0, CudaLibrary.NVRTC);
        return compile(NVRTC.get(), source, key);
    }

    /** The NVRTC compiler, once the probe allows it. */
    static KernelCompiler javacpp() {
        CudaDevices.require(0, CudaLibrary.NVRTC);
        return NVRTC.get();
    }

    static CompiledKernel compile(KernelCompiler compiler, KernelSource source, KernelKey key) {
        long start = System.nanoTime();
        CompiledKernel kernel = compiler.compile(source, key);
        LOG.debug("compiled {} into {} in {} ms", source.name(), kernel, (System.nanoTime() - start) / 1_000_000);
        if (!kernel.log().isBlank()) {
            LOG.debug("NVRTC log for {}:\n{}", source.name(), kernel.log().strip());
        }
        return kernel;
    }
}
