package org.fusemath.cuda;

/**
 * The CUDA runtime calls the wrappers make, as one table: handles and addresses are plain {@code long}s,
 * failures are {@link org.fusemath.api.CudaLibraryException}s. The JavaCPP table calls the real runtime;
 * tests run the same wrappers against a simulated device. Every argument has been checked by the caller.
 */
interface RuntimeCalls {
    /** {@code cudaSetDevice}: makes the device (and its primary context) current on this thread. */
    void setDevice(int deviceId);

    /** {@code cudaStreamCreateWithFlags(cudaStreamNonBlocking)}. */
    long streamCreate();

    /** {@code cudaStreamDestroy}; queued work still completes. */
    void streamDestroy(long stream);

    /** {@code cudaStreamSynchronize}. */
    void streamSynchronize(long stream);

    /** {@code cudaStreamWaitEvent}: later work on {@code stream} waits for {@code event}. */
    void streamWaitEvent(long stream, long event);

    /** {@code cudaEventCreateWithFlags}, with timing or {@code cudaEventDisableTiming}. */
    long eventCreate(boolean timing);

    /** {@code cudaEventRecord}. */
    void eventRecord(long event, long stream);

    /** {@code cudaEventSynchronize}. */
    void eventSynchronize(long event);

    /** {@code cudaEventElapsedTime} in milliseconds. */
    float eventElapsedMillis(long start, long end);

    /** {@code cudaEventDestroy}. */
    void eventDestroy(long event);

    /** {@code cudaDeviceGetDefaultMemPool}. */
    long defaultMemPool(int deviceId);

    /** {@code cudaMemPoolSetAttribute(cudaMemPoolAttrReleaseThreshold)}: memory kept cached across synchronisations. */
    void memPoolSetReleaseThreshold(long pool, long bytes);

    /** {@code cudaMemPoolTrimTo}. */
    void memPoolTrimTo(long pool, long keepBytes);

    /** {@code cudaMallocFromPoolAsync}: the address of {@code bytes} (> 0) of device memory. */
    long mallocFromPoolAsync(long bytes, long pool, long stream);

    /** {@code cudaFreeAsync}. */
    void freeAsync(long address, long stream);

    /** {@code cudaFree}: synchronous, for memory whose stream is gone. */
    void free(long address);

    /** {@code cudaMallocHost}: pinned host memory. */
    long mallocHost(long bytes);

    /** {@code cudaFreeHost}. */
    void freeHost(long address);

    /** {@code cudaMemcpyAsync}. */
    void memcpyAsync(long destination, long source, long bytes, CopyDirection direction, long stream);

    /** {@code cudaMemsetAsync}. */
    void memsetAsync(long address, int value, long bytes, long stream);

    /** Copies {@code length} elements of {@code array} from {@code offset} into pinned host memory at {@code address}. */
    void writeHost(long address, HostArrayKind kind, Object array, int offset, int length);

    /** Copies {@code length} elements from pinned host memory at {@code address} into {@code array} from {@code offset}. */
    void readHost(long address, HostArrayKind kind, Object array, int offset, int length);
}
