package org.fusemath.cuda;

import java.lang.ref.Cleaner;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * What every owner of one native CUDA handle (stream, event, allocation, module) shares: the handle's
 * guarded use, an idempotent close, and the cleaner that releases the handle if the owner is forgotten.
 * Thread-safe.
 */
abstract class CudaResource implements AutoCloseable {
    final CudaRuntime runtime;
    final int deviceId;
    final NativeHandle handle;
    private final Cleaner.Cleanable cleanable;

    /** {@code release} is called once, with the device current, and must not refer to the owner. */
    CudaResource(String what, CudaRuntime runtime, int deviceId, long rawHandle, LongConsumer release) {
        this.runtime = runtime;
        this.deviceId = deviceId;
        this.handle = new NativeHandle(what, runtime, deviceId, rawHandle, release);
        this.cleanable = handle.register(this);
    }

    /** The device the handle belongs to. */
    public int deviceId() {
        return deviceId;
    }

    /** Whether the handle has been released. */
    public boolean isClosed() {
        return handle.isReleased();
    }

    /**
     * Releases the handle (memory is freed stream-ordered, a stream is destroyed after its queued work);
     * idempotent.
     */
    @Override
    public void close() {
        handle.closingByOwner();
        cleanable.clean();
    }

    @Override
    public String toString() {
        return handle.toString();
    }

    CudaRuntime runtime() {
        return runtime;
    }

    /** Runs {@code op} with the raw handle and the device current, while the handle cannot be released. */
    <T> T use(LongFunction<T> op) {
        return handle.use(op);
    }
}
