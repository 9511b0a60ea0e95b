package org.fusemath.api;

/**
 * Typed memory on one CUDA device, owned by whoever allocated it; closing it returns the memory
 * to its pool. Implemented by the {@code cuda} module.
 */
public interface DeviceBuffer extends AutoCloseable {
    /** The device ordinal the memory lives on. */
    int deviceId();

    /** The element type. */
    DType dtype();

    /** Number of elements (complex elements count once). */
    long elementCount();

    /** Size in bytes. */
    default long byteSize() {
        return elementCount() * dtype().elementBytes();
    }

    /** The raw device address, for providers that pass it to CUDA libraries. */
    long address();

    /** Frees the memory (stream-ordered); idempotent. */
    @Override
    void close();
}
