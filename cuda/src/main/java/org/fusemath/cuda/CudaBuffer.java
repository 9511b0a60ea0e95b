package org.fusemath.cuda;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.InvalidArgumentException;

/**
 * Typed device memory: {@code elementCount} elements of one {@link DType} (complex elements are interleaved
 * re, im pairs, as on the host). Thread-safe; a forgotten buffer is freed by a cleaner.
 */
public final class CudaBuffer implements DeviceBuffer {
    private final CudaMemory memory;
    private final DType dtype;
    private final long elementCount;

    private CudaBuffer(CudaMemory memory, DType dtype, long elementCount) {
        this.memory = memory;
        this.dtype = dtype;
        this.elementCount = elementCount;
    }

    /** {@code elementCount} elements of {@code dtype} from the pool of {@code stream}'s device, ordered on {@code stream}. */
    public static CudaBuffer allocate(CudaStream stream, DType dtype, long elementCount) {
        Arguments.requireNonNull(stream, "stream");
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNegative("elementCount", elementCount);
        long bytes = Arguments.multiply("elementCount * bytes per element", elementCount, dtype.elementBytes());
        return new CudaBuffer(CudaMemory.allocate(stream, bytes), dtype, elementCount);
    }

    /** The untyped memory, for copies and kernel arguments. */
    public CudaMemory memory() {
        return memory;
    }

    @Override
    public int deviceId() {
        return memory.deviceId();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public long elementCount() {
        return elementCount;
    }

    @Override
    public long address() {
        return memory.address();
    }

    /** Copies all of {@code source} (F32: one slot per element, C64: two) into this buffer on {@code stream}. */
    public void copyFrom(CudaStream stream, float[] source) {
        requireSlots("source", source == null ? -1 : source.length, true);
        CudaCopy.toDevice(stream, source, memory);
    }

    /** Copies all of {@code source} (F64: one slot per element, C128: two) into this buffer on {@code stream}. */
    public void copyFrom(CudaStream stream, double[] source) {
        requireSlots("source", source == null ? -1 : source.length, false);
        CudaCopy.toDevice(stream, source, memory);
    }

    /** Copies this buffer into all of {@code destination}; returns when the data is there. */
    public void copyTo(CudaStream stream, float[] destination) {
        requireSlots("destination", destination == null ? -1 : destination.length, true);
        CudaCopy.toHost(stream, memory, destination);
    }

    /** Copies this buffer into all of {@code destination}; returns when the data is there. */
    public void copyTo(CudaStream stream, double[] destination) {
        requireSlots("destination", destination == null ? -1 : destination.length, false);
        CudaCopy.toHost(stream, memory, destination);
    }

    /** Frees the memory, stream-ordered; idempotent. */
    @Override
    public void close() {
        memory.close();
    }

    @Override
    public String toString() {
        return "CudaBuffer[" + dtype + " x " + elementCount + ", device " + deviceId() + "]";
    }

    private void requireSlots(String name, long length, boolean singlePrecision) {
        if (length < 0) {
            throw new InvalidArgumentException(name, "null", "an array");
        }
        if (dtype.isSinglePrecision() != singlePrecision) {
            throw new InvalidArgumentException(name, singlePrecision ? "a float[]" : "a double[]",
                    (dtype.isSinglePrecision() ? "a float[]" : "a double[]") + " for a " + dtype + " buffer");
        }
        long slots = elementCount * dtype.slotsPerElement();
        if (length != slots) {
            throw new InvalidArgumentException(name, "an array of length " + length,
                    "length " + slots + " (" + elementCount + " " + dtype + " elements)");
        }
    }
}
