package org.fusemath.cuda;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * A compiled kernel image loaded on one device ({@code cuModuleLoadData}) and the functions looked up in
 * it. Thread-safe; closing unloads it (functions from it must not be launched afterwards); a forgotten
 * module is unloaded by a cleaner.
 */
public final class CudaModule extends CudaResource {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final CompiledKernel kernel;
    private final ConcurrentHashMap<String, CudaFunction> functions = new ConcurrentHashMap<>();

    private CudaModule(CudaRuntime runtime, int deviceId, CompiledKernel kernel, long rawHandle) {
        super("module " + kernel + " on device " + deviceId, runtime, deviceId, rawHandle, runtime.modules()::moduleUnload);
        this.kernel = kernel;
    }

    /** Loads {@code kernel} on device {@code deviceId}. */
    public static CudaModule load(int deviceId, CompiledKernel kernel) {
        Arguments.requireNonNegative("deviceId", deviceId);
        Arguments.requireNonNull(kernel, "kernel");
        return load(CudaRuntime.require(deviceId), deviceId, kernel);
    }

    static CudaModule load(CudaRuntime runtime, int deviceId, CompiledKernel kernel) {
        byte[] image = kernel.imageBytes();
        if (kernel.isPtx() && image[image.length - 1] != 0) {
            // The driver reads PTX as a C string.
            image = Arrays.copyOf(image, image.length + 1);
        }
        runtime.calls().setDevice(deviceId);
        return new CudaModule(runtime, deviceId, kernel, runtime.modules().moduleLoadData(image));
    }

    /** The image the module was loaded from. */
    public CompiledKernel kernel() {
        return kernel;
    }

    /**
     * The {@code __global__} function {@code name} (its {@code extern "C"} name, or its mangled one).
     *
     * @throws org.fusemath.api.CudaLibraryException with {@code CUDA_ERROR_NOT_FOUND} when the module has no such function
     */
    public CudaFunction function(String name) {
        Arguments.requireNonNull(name, "name");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new InvalidArgumentException("name", name, "a C identifier (declare kernels extern \"C\" to keep names unmangled)");
        }
        return functions.computeIfAbsent(name, n -> new CudaFunction(this, n,
                handle.use(m -> runtime.modules().moduleGetFunction(m, n))));
    }

}
