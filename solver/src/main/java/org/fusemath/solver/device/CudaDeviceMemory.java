package org.fusemath.solver.device;

import org.fusemath.api.FuseContext;
import org.fusemath.cuda.StreamAllocations;

/** {@link DeviceMemory} through fusemath-cuda's {@link StreamAllocations} (the context's stream or a new one). */
final class CudaDeviceMemory implements DeviceMemory {
    private final StreamAllocations on;

    private CudaDeviceMemory(StreamAllocations on) {
        this.on = on;
    }

    static CudaDeviceMemory open(FuseContext context) {
        return new CudaDeviceMemory(StreamAllocations.open(context));
    }

    /** The stream, for launches queued beside the copies (device operands). */
    org.fusemath.cuda.CudaStream cudaStream() {
        return on.stream();
    }

    @Override
    public long stream() {
        return on.stream().handle();
    }

    @Override
    public long allocate(long bytes) {
        return on.allocate(Math.max(1, bytes));
    }

    @Override
    public void free(long allocation) {
        on.free(allocation);
    }

    @Override
    public void toDevice(Object array, int offset, int length, long allocation, long index) {
        on.toDevice(array, offset, length, allocation, index);
    }

    @Override
    public void toHost(long allocation, long index, Object array, int offset, int length) {
        on.toHost(allocation, index, array, offset, length);
    }

    @Override
    public void close() {
        on.close();
    }
}
