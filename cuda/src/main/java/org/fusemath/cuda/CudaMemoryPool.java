package org.fusemath.cuda;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * The stream-ordered memory pool of one device ({@code cudaMallocFromPoolAsync} / {@code cudaFreeAsync} on
 * the device's default pool). The pool keeps freed memory cached for reuse instead of returning it to the
 * driver at every synchronisation; {@link #trimTo} gives it back. Thread-safe.
 */
public final class CudaMemoryPool {
    private final CudaRuntime runtime;
    private final int deviceId;
    private final Lazy<Long> handle;

    CudaMemoryPool(CudaRuntime runtime, int deviceId) {
        this.runtime = runtime;
        this.deviceId = deviceId;
        this.handle = new Lazy<>(() -> {
            RuntimeCalls calls = runtime.calls();
            calls.setDevice(deviceId);
            long pool = calls.defaultMemPool(deviceId);
            // Without a threshold the pool returns freed memory to the driver at each synchronisation,
            // turning every allocation after a sync into a real cudaMalloc.
            calls.memPoolSetReleaseThreshold(pool, Long.MAX_VALUE);
            return pool;
        });
    }

    /** The pool of device {@code deviceId}. */
    public static CudaMemoryPool forDevice(int deviceId) {
        Arguments.requireNonNegative("deviceId", deviceId);
        return CudaRuntime.require(deviceId).pool(deviceId);
    }

    /** The device the pool allocates on. */
    public int deviceId() {
        return deviceId;
    }

    /** {@code bytes} of device memory, usable by work queued on {@code stream} after this call, freed on it when closed. */
    public CudaMemory allocate(CudaStream stream, long bytes) {
        Arguments.requireNonNull(stream, "stream");
        Arguments.requireNonNegative("bytes", bytes);
        stream.requireSameRuntime(runtime);
        if (stream.deviceId() != deviceId) {
            throw new InvalidArgumentException("stream", "a stream on device " + stream.deviceId(),
                    "a stream on the pool's device " + deviceId);
        }
        if (bytes == 0) {
            return new CudaMemory(runtime, stream, 0L, 0L);
        }
        long pool = handle.get();
        long address = stream.use(s -> runtime.calls().mallocFromPoolAsync(bytes, pool, s));
        return new CudaMemory(runtime, stream, address, bytes);
    }

    /** Returns cached memory to the driver until at most {@code keepBytes} stay reserved. */
    public void trimTo(long keepBytes) {
        Arguments.requireNonNegative("keepBytes", keepBytes);
        long pool = handle.get();
        runtime.calls().setDevice(deviceId);
        runtime.calls().memPoolTrimTo(pool, keepBytes);
    }
}
