package org.fusemath.cuda;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The native call tables and the resources shared by every stream of one runtime: pinned staging buffers
 * and one memory pool per device. The JavaCPP runtime is handed out only after the probe allows it, so
 * nothing reaches a JavaCPP class on a machine where loading it would fail.
 */
final class CudaRuntime {
    private static final Lazy<CudaRuntime> JAVACPP = new Lazy<>(() ->
            new CudaRuntime(new JavacppRuntimeCalls(), new JavacppModuleCalls(), StagingPool.DEFAULT_CHUNK_BYTES));

    private final RuntimeCalls calls;
    private final ModuleCalls modules;
    private final StagingPool staging;
    private final ConcurrentHashMap<Integer, CudaMemoryPool> pools = new ConcurrentHashMap<>();

    CudaRuntime(RuntimeCalls calls, ModuleCalls modules, long stagingChunkBytes) {
        this.calls = calls;
        this.modules = modules;
        this.staging = new StagingPool(calls, stagingChunkBytes);
    }

    /** The JavaCPP runtime, once device {@code deviceId} and {@code libraries} are usable; else the probe's exception. */
    static CudaRuntime require(int deviceId, CudaLibrary... libraries) {
        CudaDevices.require(deviceId, libraries);
        return JAVACPP.get();
    }

    RuntimeCalls calls() {
        return calls;
    }

    ModuleCalls modules() {
        return modules;
    }

    StagingPool staging() {
        return staging;
    }

    /** The stream-ordered memory pool of {@code deviceId}. */
    CudaMemoryPool pool(int deviceId) {
        return pools.computeIfAbsent(deviceId, d -> new CudaMemoryPool(this, d));
    }
}
