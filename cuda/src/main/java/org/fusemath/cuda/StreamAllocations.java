package org.fusemath.cuda;

import java.util.HashMap;
import java.util.Map;
import org.fusemath.api.DeviceStream;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;

/**
 * The stream a device provider queues its library calls on and the device memory it allocates there, named by
 * device address: memory from the device's stream-ordered pool ({@link CudaMemory}), copies between Java
 * arrays and that memory staged through reused pinned buffers ({@link CudaCopy}), on the context's stream or
 * on one this object creates and destroys. Providers (device BLAS, device cuRAND) wrap it in their own small
 * call interface so that their tests can run a CPU fake instead. Used by one plan or generator (and its
 * cleaner) at a time; synchronized so that the cleaner thread sees a consistent allocation table.
 */
public final class StreamAllocations implements AutoCloseable {
    private final CudaStream stream;
    private final boolean ownsStream;
    private final Map<Long, CudaMemory> allocations = new HashMap<>();

    private StreamAllocations(CudaStream stream, boolean ownsStream) {
        this.stream = stream;
        this.ownsStream = ownsStream;
    }

    /**
     * Allocations on {@code context}'s stream, or on a new stream of its device when it names none.
     *
     * @throws InvalidArgumentException when the context's stream belongs to another device than the context's
     */
    public static StreamAllocations open(FuseContext context) {
        DeviceStream given = context.stream();
        if (given == null) {
            return new StreamAllocations(CudaStream.create(context.deviceId()), true);
        }
        CudaStream s = CudaStream.of(given);
        if (s.deviceId() != context.deviceId()) {
            throw new InvalidArgumentException("context.stream", "a stream on device " + s.deviceId(),
                    "a stream on device " + context.deviceId() + ", where the context executes");
        }
        return new StreamAllocations(s, false);
    }

    /** The stream. */
    public CudaStream stream() {
        return stream;
    }

    /** {@code bytes} of device memory, usable by work queued on the stream from now on; its address. */
    public synchronized long allocate(long bytes) {
        CudaMemory memory = CudaMemory.allocate(stream, bytes);
        allocations.put(memory.address(), memory);
        return memory.address();
    }

    /** Frees an allocation, stream-ordered. */
    public synchronized void free(long allocation) {
        CudaMemory memory = allocations.remove(allocation);
        if (memory == null) {
            throw new IllegalStateException("no allocation at 0x" + Long.toHexString(allocation));
        }
        memory.close();
    }

    /** The memory allocated at {@code allocation}. */
    public synchronized CudaMemory memory(long allocation) {
        CudaMemory memory = allocations.get(allocation);
        if (memory == null) {
            throw new IllegalStateException("no allocation at 0x" + Long.toHexString(allocation));
        }
        return memory;
    }

    /**
     * Copies {@code length} elements of {@code array} ({@code float[]}, {@code double[]} or {@code int[]}) from
     * {@code offset} into the allocation from element {@code index}; returns once the array may change again.
     */
    public void toDevice(Object array, int offset, int length, long allocation, long index) {
        CudaMemory memory = memory(allocation);
        if (array instanceof float[] f) {
            CudaCopy.toDevice(stream, f, offset, memory, index, length);
        } else if (array instanceof double[] d) {
            CudaCopy.toDevice(stream, d, offset, memory, index, length);
        } else {
            CudaCopy.toDevice(stream, (int[]) array, offset, memory, index, length);
        }
    }

    /** Copies {@code length} elements of the allocation from {@code index} into {@code array} from {@code offset}; returns once they are there. */
    public void toHost(long allocation, long index, Object array, int offset, int length) {
        CudaMemory memory = memory(allocation);
        if (array instanceof float[] f) {
            CudaCopy.toHost(stream, memory, index, f, offset, length);
        } else if (array instanceof double[] d) {
            CudaCopy.toHost(stream, memory, index, d, offset, length);
        } else {
            CudaCopy.toHost(stream, memory, index, (int[]) array, offset, length);
        }
    }

    /** Releases what is left: allocations not freed, and the stream if this object created it. */
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
}
