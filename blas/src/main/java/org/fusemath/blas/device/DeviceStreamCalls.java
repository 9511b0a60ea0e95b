package org.fusemath.blas.device;

/**
 * The stream-ordered device work around a library call: memory from the device's pool, copies between Java
 * arrays and device memory, zeroing, event timing, all on one stream. Allocations are named by their device
 * address; positions inside them count elements of the array's type. {@link CudaStreamCalls} makes these
 * calls through fusemath-cuda; tests run a CPU fake. Used by one plan (and its cleaner), one thread at a time.
 */
interface DeviceStreamCalls extends AutoCloseable {
    /** The device the stream belongs to. */
    int deviceId();

    /** The raw {@code cudaStream_t} library calls are queued on. */
    long stream();

    /** {@code bytes} (&gt; 0) of device memory, usable by work queued on the stream from now on; its address. */
    long allocate(long bytes);

    /** Frees an allocation, stream-ordered. */
    void free(long allocation);

    /**
     * Copies {@code length} elements of {@code array} ({@code float[]}, {@code double[]} or {@code int[]}) from
     * {@code offset} into the allocation from element {@code index}; returns once the array may change again.
     */
    void upload(Object array, int offset, int length, long allocation, long index);

    /** Copies {@code length} elements of the allocation from {@code index} into {@code array} from {@code offset}; returns once they are there. */
    void download(long allocation, long index, Object array, int offset, int length);

    /** Queues zeroing every byte of an allocation. */
    void zero(long allocation);

    /** Milliseconds of device time the work {@code queue} puts on the stream, between two timing events. */
    double time(Runnable queue);

    /** Releases what is left: allocations not freed, and the stream if this object created it. */
    @Override
    void close();
}
