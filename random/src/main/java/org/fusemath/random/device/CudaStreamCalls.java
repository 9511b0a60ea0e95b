package org.fusemath.random.device;

import org.fusemath.api.FuseContext;
import org.fusemath.cuda.StreamAllocations;

/**
 * {@link StreamCalls} through fusemath-cuda's {@link StreamAllocations} (the stream, pooled memory and staged
 * copies every device provider shares). Used by one generator (and its cleaner) at a time; the allocation
 * table is synchronized.
 */
final class CudaStreamCalls implements StreamCalls {
    private final StreamAllocations on;

    private CudaStreamCalls(StreamAllocations on) {
        this.on = on;
    }

    /** Calls on {@code context}'s stream, or on a new stream of its device when it names none. */
    static CudaStreamCalls open(FuseContext context) {
        return new CudaStreamCalls(StreamAllocations.open(context));
    }

    @Override
    public int deviceId() {
        return on.stream().deviceId();
    }

    @Override
    public long stream() {
        return on.stream().handle();
    }

    @Override
    public long allocate(long bytes) {
        // At least one byte, so that an empty generation still names a valid address.
        return on.allocate(Math.max(1, bytes));
    }

    @Override
    public void free(long allocation) {
        on.free(allocation);
    }

    @Override
    public void copyToHost(long allocation, int[] out, int from, int count) {
        on.toHost(allocation, 0, out, from, count);
    }

    @Override
    public void copyToHost(long allocation, float[] out, int from, int count) {
        on.toHost(allocation, 0, out, from, count);
    }

    @Override
    public void copyToHost(long allocation, double[] out, int from, int count) {
        on.toHost(allocation, 0, out, from, count);
    }

    @Override
    public void synchronize() {
        on.stream().synchronize();
    }

    @Override
    public void close() {
        on.close();
    }
}
