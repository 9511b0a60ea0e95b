package org.fusemath.random.device;

/**
 * The stream-ordered device work around cuRAND generations: the stream they run on, memory from the device's
 * pool, copies back into Java arrays. Allocations are named by their device address. {@link CudaStreamCalls}
 * makes these calls through fusemath-cuda; tests run a CPU fake. Used by one generator (and its cleaner), one
 * thread at a time.
 */
interface StreamCalls extends AutoCloseable {
    /** The device the stream belongs to. */
    int deviceId();

    /** The raw {@code cudaStream_t} cuRAND is told to generate on. */
    long stream();

    /** {@code bytes} of device memory, usable by work queued on the stream from now on; its address. */
    long allocate(long bytes);

    /** Frees an allocation, stream-ordered. */
    void free(long allocation);

    /** Copies {@code count} ints from the start of the allocation into {@code out[from..]}; returns once they are there. */
    void copyToHost(long allocation, int[] out, int from, int count);

    /** Copies {@code count} floats from the start of the allocation into {@code out[from..]}; returns once they are there. */
    void copyToHost(long allocation, float[] out, int from, int count);

    /** Copies {@code count} doubles from the start of the allocation into {@code out[from..]}; returns once they are there. */
    void copyToHost(long allocation, double[] out, int from, int count);

    /** Blocks until the work queued on the stream so far has finished. */
    void synchronize();

    /** Releases what is left: allocations not freed, and the stream if this object created it. */
    @Override
    void close();
}
