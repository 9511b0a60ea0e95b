package org.fusemath.solver.device;

import java.util.List;
import org.fusemath.api.DType;

/**
 * The stream-ordered device memory around the solver calls: the stream, allocations from the device's pool,
 * copies between Java arrays ({@code float[]}, {@code double[]}, {@code int[]}) and device memory. Allocations are
 * named by their device address. {@link CudaDeviceMemory} makes these calls through fusemath-cuda; tests run a
 * CPU fake. Used by one call at a time.
 */
interface DeviceMemory extends AutoCloseable {
    /** The raw {@code cudaStream_t}. */
    long stream();

    /** {@code bytes} (at least 1) of device memory; its address. */
    long allocate(long bytes);

    /** {@code bytes} (at least 1) of device memory, its address also added to {@code allocations} (freed by the caller). */
    default long allocate(List<Long> allocations, long bytes) {
        long address = allocate(bytes);
        allocations.add(address);
        return address;
    }

    /** Frees an allocation, stream-ordered. */
    void free(long allocation);

    /** Copies {@code length} elements of {@code array} from {@code offset} to the allocation from element {@code index}. */
    void toDevice(Object array, int offset, int length, long allocation, long index);

    /** Copies {@code length} elements of the allocation from element {@code index} into {@code array}; returns once there. */
    void toHost(long allocation, long index, Object array, int offset, int length);

    /** A new host array of {@code elements} elements of {@code t} copied from the start of {@code allocation}. */
    default Object toNewHostArray(DType t, long allocation, long elements) {
        int slots = Math.toIntExact(elements * t.slotsPerElement());
        Object out = hostArray(t, slots);
        toHost(allocation, 0, out, 0, slots);
        return out;
    }

    /** A new {@code float[]} or {@code double[]} (by {@code t}'s precision) of {@code slots} slots. */
    static Object hostArray(DType t, int slots) {
        return t.isSinglePrecision() ? new float[slots] : new double[slots];
    }

    /** Releases what is left (allocations not freed, a stream this object created). */
    @Override
    void close();
}
