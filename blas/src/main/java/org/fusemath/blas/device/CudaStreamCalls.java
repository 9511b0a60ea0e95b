package org.fusemath.blas.device;

import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaCopy;
import org.fusemath.cuda.CudaEvent;
import org.fusemath.cuda.StreamAllocations;

/**
 * {@link DeviceStreamCalls} through fusemath-cuda's {@link StreamAllocations} (the stream, pooled memory and
 * staged copies every device provider shares), plus zeroing and timing with {@link CudaEvent}s.
 * Used by one plan (and its cleaner) at a time; the allocation table is synchronized.
 */
final class CudaStreamCalls implements DeviceStreamCalls {
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
        return on.allocate(bytes);
    }

    @Override
    public void free(long allocation) {
        on.free(allocation);
    }

    @Override
    public void upload(Object array, int offset, int length, long allocation, long index) {
        on.toDevice(array, offset, length, allocation, index);
    }

    @Override
    public void download(long allocation, long index, Object array, int offset, int length) {
        on.toHost(allocation, index, array, offset, length);
    }

    @Override
    public void zero(long allocation) {
        CudaCopy.zero(on.stream(), on.memory(allocation));
    }

    @Override
    public double time(Runnable queue) {
        int device = deviceId();
        try (CudaEvent start = CudaEvent.create(device); CudaEvent end = CudaEvent.create(device)) {
            start.record(on.stream());
            queue.run();
            end.record(on.stream());
            return end.elapsedMillisSince(start);
        }
    }

    @Override
    public void close() {
        on.close();
    }
}
