package org.fusemath.api;

/** An ordered queue of device work (a CUDA stream), carried by a {@link FuseContext}; implemented by {@code cuda}. */
public interface DeviceStream extends AutoCloseable {
    /** The device ordinal the stream belongs to. */
    int deviceId();

    /** Blocks until all work queued so far has finished. */
    void synchronize();

    /** Destroys the stream after its queued work; idempotent. */
    @Override
    void close();
}
