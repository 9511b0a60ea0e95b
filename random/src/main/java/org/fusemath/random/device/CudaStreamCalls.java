package org.fusemath.random.device;

import java.util.HashMap;
import java.util.Map;
import org.fusemath.api.DeviceStream;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaCopy;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.CudaStream;

/**
 * {@link StreamCalls} through fusemath-cuda: memory from the device's stream-ordered pool ({@link CudaMemory}),
 * copies staged through reused pinned buffers ({@link CudaCopy}), on the context's stream or on one this
 * object creates and destroys. Synchronized so that the cleaner thread sees a consistent allocation table.
 */
final class CudaStreamCalls implements StreamCalls {
    private final CudaStream stream;
    private final boolean ownsStream;
    private final Map<Long, CudaMemory> allocations = new HashMap<>();

    private CudaStreamCalls(CudaStream stream, boolean ownsStream) {
        this.stream = stream;
        this.ownsStream = ownsStream;
    }

    /** Calls on {@code context}'s stream, or on a new stream of its device when it names none. */
    static CudaStreamCalls open(FuseContext context) {
        DeviceStream given = context.stream();
        if (given == null) {
            return new CudaStreamCalls(CudaStream.create(context.deviceId()), true);
        }
        CudaStream s = CudaStream.of(given);
        if (s.deviceId() != context.deviceId()) {
            throw new InvalidArgumentException("context.stream", "a stream on device " + s.deviceId(),
                    "a stream on device " + context.deviceId() + ", where the context executes");
        }
        return new CudaStreamCalls(s, false);
    }

    @Override
    public int deviceId() {
        return stream.deviceId();
    }

    @Override
    public long stream() {
        return stream.handle();
    }

    @Override
    public synchronized long allocate(long bytes) {
        // At least one byte, so that an empty generation still names a valid address.
        CudaMemory memory = CudaMemory.allocate(stream, Math.max(1, bytes));
        allocations.put(memory.address(), memory);
        return memory.address();
    }

    @Override
    public synchronized void free(long allocation) {
        CudaMemory memory = allocations.remove(allocation);
        if (memory == null) {
            throw new IllegalStateException("no allocation at 0x" + Long.toHexString(allocation));
        }
        memory.close();
    }

    @Override
    public void copyToHost(long allocation, int[] out, int from, int count) {
        CudaCopy.toHost(stream, memory(allocation), 0, out, from, count);
    }

    @Override
    public void copyToHost(long allocation, float[] out, int from, int count) {
        CudaCopy.toHost(stream, memory(allocation), 0, out, from, count);
    }

    @Override
    public void copyToHost(long allocation, double[] out, int from, int count) {
        CudaCopy.toHost(stream, memory(allocation), 0, out, from, count);
    }

    @Override
    public void synchronize() {
        stream.synchronize();
    }

    @Override
    public synchronized void close() {
        for (CudaMemory memory : allocations.values()) {
            memory.close();
        }
        allocations.clear();
        if (ownsStream) {
            stream.close();
        }
    }

    private synchronized CudaMemory memory(long allocation) {
        CudaMemory memory = allocations.get(allocation);
        if (memory == null) {
            throw new IllegalStateException("no allocation at 0x" + Long.toHexString(allocation));
        }
        return memory;
    }
}
