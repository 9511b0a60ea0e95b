package org.fusemath.cuda;

import java.lang.ref.Cleaner;
import java.util.function.LongFunction;
import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.InvalidArgumentException;

/**
 * Untyped device memory from a {@link CudaMemoryPool}, freed stream-ordered on the stream it was allocated
 * on (or synchronously, if that stream is already gone). Work on other streams that uses it must be
 * finished, or waited for by that stream, before closing. Thread-safe; a forgotten allocation is freed by a
 * cleaner.
 */
public final class CudaMemory implements AutoCloseable {
    private final CudaRuntime runtime;
    private final int deviceId;
    private final long byteSize;
    private final NativeHandle handle;
    private final Cleaner.Cleanable cleanable;

    CudaMemory(CudaRuntime runtime, CudaStream stream, long address, long byteSize) {
        this.runtime = runtime;
        this.deviceId = stream.deviceId();
        this.byteSize = byteSize;
        RuntimeCalls calls = runtime.calls();
        this.handle = new NativeHandle(byteSize + " bytes of device memory on device " + deviceId, runtime, deviceId,
                address, a -> {
                    if (a != 0) {
                        stream.useOr(s -> calls.freeAsync(a, s), () -> calls.free(a));
                    }
                });
        this.cleanable = handle.register(this);
    }

    /** {@code bytes} of device memory from the pool of {@code stream}'s device, ordered on {@code stream}. */
    public static CudaMemory allocate(CudaStream stream, long bytes) {
        Arguments.requireNonNull(stream, "stream");
        return stream.memoryPool().allocate(stream, bytes);
    }

    /** The memory behind {@code buffer}, which must have been allocated by this module. */
    public static CudaMemory of(DeviceBuffer buffer) {
        Arguments.requireNonNull(buffer, "buffer");
        if (buffer instanceof CudaBuffer cuda) {
            return cuda.memory();
        }
        throw new InvalidArgumentException("buffer", buffer.getClass().getName(), "a CudaBuffer allocated by fusemath-cuda");
    }

    /** The device the memory lives on. */
    public int deviceId() {
        return deviceId;
    }

    /** Size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    /** The device address (0 for an empty allocation); valid until closed. */
    public long address() {
        return handle.handle();
    }

    /** Whether the memory has been freed. */
    public boolean isClosed() {
        return handle.isReleased();
    }

    /** Frees the memory, stream-ordered; idempotent. */
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

    /** Runs {@code op} with the address while the memory cannot be freed. */
    <T> T use(LongFunction<T> op) {
        return handle.use(op);
    }
}
