package org.fusemath.cuda;

import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/** A kernel in a loaded {@link CudaModule}, launched through the driver API; valid while its module is open. Thread-safe. */
public final class CudaFunction {
    private final CudaModule module;
    private final String name;
    private final long handle;

    CudaFunction(CudaModule module, String name, long handle) {
        this.module = module;
        this.name = name;
        this.handle = handle;
    }

    /** The kernel's name. */
    public String name() {
        return name;
    }

    /** The module it belongs to. */
    public CudaModule module() {
        return module;
    }

    /**
     * Queues the kernel on {@code stream} with {@code config} and {@code arguments}. The argument list must
     * match the kernel's parameters in number, order and C type: CUDA cannot check that.
     */
    public void launch(CudaStream stream, LaunchConfig config, KernelArguments arguments) {
        Arguments.requireNonNull(stream, "stream");
        Arguments.requireNonNull(config, "config");
        Arguments.requireNonNull(arguments, "arguments");
        stream.requireSameRuntime(module.runtime());
        if (stream.deviceId() != module.deviceId()) {
            throw new InvalidArgumentException("stream", "a stream on device " + stream.deviceId(),
                    "a stream on device " + module.deviceId() + ", where " + name + " is loaded");
        }
        int index = 0;
        for (KernelArguments.Argument argument : arguments.arguments()) {
            if (argument.kind() == KernelArguments.Kind.POINTER && argument.deviceId() != module.deviceId()) {
                throw new InvalidArgumentException("arguments[" + index + "]", "memory on device " + argument.deviceId(),
                        "memory on device " + module.deviceId() + ", where " + name + " runs");
            }
            index++;
        }
        List<KernelArguments.Value> values = arguments.resolve();
        module.use(m -> stream.use(s -> {
            module.runtime().modules().launchKernel(handle, config, values, s);
            return null;
        }));
    }

    @Override
    public String toString() {
        return name + " in " + module;
    }
}
