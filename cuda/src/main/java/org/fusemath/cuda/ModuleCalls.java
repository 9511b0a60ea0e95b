package org.fusemath.cuda;

import java.util.List;

/**
 * The CUDA driver calls that load modules and launch kernels, as one table (see {@link RuntimeCalls}).
 * Each runs with the module's device current on the calling thread.
 */
interface ModuleCalls {
    /** {@code cuModuleLoadData}: loads a CUBIN or NUL-terminated PTX image into the current context. */
    long moduleLoadData(byte[] image);

    /** {@code cuModuleGetFunction}. */
    long moduleGetFunction(long module, String name);

    /** {@code cuModuleUnload}. */
    void moduleUnload(long module);

    /** {@code cuLaunchKernel} with the argument values marshalled as {@code void** kernelParams}. */
    void launchKernel(long function, LaunchConfig config, List<KernelArguments.Value> arguments, long stream);
}
