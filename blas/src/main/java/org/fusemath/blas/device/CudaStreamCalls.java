package org.fusemath.blas.device;

import java.util.HashMap;
import java.util.Map;
import org.fusemath.api.DeviceStream;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaCopy;
import org.fusemath.cuda.CudaEvent;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.CudaStream;

/**
 * {@link DeviceStreamCalls} through fusemath-cuda: memory from the device's stream-ordered pool
 * ({@link CudaMemory}), copies staged through reused pinned buffers ({@link CudaCopy}), timing with
 * {@link CudaEvent}s, all on the context's stream or on one this object creates and destroys. Used by one plan
 * (and its cleaner) at a time; synchronized so the cleaner thread sees a consistent allocation table.
 */
final class CudaStreamCalls implements DeviceStreamCalls {
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
        CudaMemory memory = CudaMemory.allocate(stream, bytes);
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
    public void upload(Object array, int offset, int length, long allocation, long index) {
        CudaMemory memory = memory(allocation);
        if (array instanceof float[] f) {
            CudaCopy.toDevice(stream, f, offset, memory, index, length);
        } else if (array instanceof double[] d) {
            CudaCopy.toDevice(stream, d, offset, memory, index, length);
        } else {
            CudaCopy.toDevice(stream, (int[]) array, offset, memory, index, length);
        }
    }

    @Override
    public void download(long allocation, long index, Object array, int offset, int length) {
        CudaMemory memory = memory(allocation);
        if (array instanceof float[] f) {
            CudaCopy.toHost(stream, memory, index, f, offset, length);
        } else if (array instanceof double[] d) {
            CudaCopy.toHost(stream, memory, index, d, offset, length);
        } else {
            CudaCopy.toHost(stream, memory, index, (int[]) array, offset, length);
        }
    }

    @Override
    public void zero(long allocation) {
        CudaCopy.zero(stream, memory(allocation));
    }

    @Override
    public double time(Runnable queue) {
        try (CudaEvent start = CudaEvent.create(stream.deviceId()); CudaEvent end = CudaEvent.create(stream.deviceId())) {
            start.record(stream);
            queue.run();
            end.record(stream);
            return end.elapsedMillisSince(start);
        }
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
