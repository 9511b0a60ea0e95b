package org.fusemath.cuda;

import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.InvalidArgumentException;

/**
 * Untyped device memory from a {@link CudaMemoryPool}, freed stream-ordered on the stream it was allocated
 * on (or synchronously, if that stream is already gone). Work on other streams that uses it must be
 * finished, or waited for by that stream, before closing. Thread-safe; a forgotten allocation is freed by a
 * cleaner.
 */
public final class CudaMemory extends CudaResource {
    private final long byteSize;

    CudaMemory(CudaRuntime runtime, CudaStream stream, long address, long byteSize) {
        super(byteSize + " bytes of device memory on device " + stream.deviceId(), runtime, stream.deviceId(), address,
                a -> {
                    if (a != 0) {
                        stream.useOr(s -> runtime.calls().freeAsync(a, s), () -> runtime.calls().free(a));
                    }
                });
        this.byteSize = byteSize;
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

    /** Size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    /** The device address (0 for an empty allocation); valid until closed. */
    public long address() {
        return handle.handle();
    }

}
