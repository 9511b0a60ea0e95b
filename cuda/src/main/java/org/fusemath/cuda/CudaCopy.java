package org.fusemath.cuda;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * Copies between Java arrays and device memory through reused pinned staging buffers, and between device
 * allocations. Offsets and lengths count elements of the array's type; every range is checked before any
 * native call. Host-to-device copies return once the array may be modified again; device-to-host copies
 * return once the data is in the array (they wait for the work queued before them on the stream).
 * Thread-safe.
 */
public final class CudaCopy {
    private CudaCopy() {
    }

    /** Copies {@code length} floats of {@code source} from {@code sourceOffset} to {@code destination} from element {@code destinationIndex}. */
    public static void toDevice(CudaStream stream, float[] source, int sourceOffset, CudaMemory destination, long destinationIndex, int length) {
        hostToDevice(stream, HostArrayKind.FLOAT, source, sourceOffset, destination, destinationIndex, length);
    }

    /** Copies {@code length} doubles of {@code source} from {@code sourceOffset} to {@code destination} from element {@code destinationIndex}. */
    public static void toDevice(CudaStream stream, double[] source, int sourceOffset, CudaMemory destination, long destinationIndex, int length) {
        hostToDevice(stream, HostArrayKind.DOUBLE, source, sourceOffset, destination, destinationIndex, length);
    }

    /** Copies {@code length} ints of {@code source} from {@code sourceOffset} to {@code destination} from element {@code destinationIndex}. */
    public static void toDevice(CudaStream stream, int[] source, int sourceOffset, CudaMemory destination, long destinationIndex, int length) {
        hostToDevice(stream, HostArrayKind.INT, source, sourceOffset, destination, destinationIndex, length);
    }

    /** Copies all of {@code source} to the start of {@code destination}. */
    public static void toDevice(CudaStream stream, float[] source, CudaMemory destination) {
        toDevice(stream, Arguments.requireNonNull(source, "source"), 0, destination, 0, source.length);
    }

    /** Copies all of {@code source} to the start of {@code destination}. */
    public static void toDevice(CudaStream stream, double[] source, CudaMemory destination) {
        toDevice(stream, Arguments.requireNonNull(source, "source"), 0, destination, 0, source.length);
    }

    /** Copies all of {@code source} to the start of {@code destination}. */
    public static void toDevice(CudaStream stream, int[] source, CudaMemory destination) {
        toDevice(stream, Arguments.requireNonNull(source, "source"), 0, destination, 0, source.length);
    }

    /** Copies {@code length} floats of {@code source} from element {@code sourceIndex} into {@code destination} from {@code destinationOffset}. */
    public static void toHost(CudaStream stream, CudaMemory source, long sourceIndex, float[] destination, int destinationOffset, int length) {
        deviceToHost(stream, HostArrayKind.FLOAT, source, sourceIndex, destination, destinationOffset, length);
    }

    /** Copies {@code length} doubles of {@code source} from element {@code sourceIndex} into {@code destination} from {@code destinationOffset}. */
    public static void toHost(CudaStream stream, CudaMemory source, long sourceIndex, double[] destination, int destinationOffset, int length) {
        deviceToHost(stream, HostArrayKind.DOUBLE, source, sourceIndex, destination, destinationOffset, length);
    }

    /** Copies {@code length} ints of {@code source} from element {@code sourceIndex} into {@code destination} from {@code destinationOffset}. */
    public static void toHost(CudaStream stream, CudaMemory source, long sourceIndex, int[] destination, int destinationOffset, int length) {
        deviceToHost(stream, HostArrayKind.INT, source, sourceIndex, destination, destinationOffset, length);
    }

    /** Fills all of {@code destination} from the start of {@code source}. */
    public static void toHost(CudaStream stream, CudaMemory source, float[] destination) {
        toHost(stream, source, 0, Arguments.requireNonNull(destination, "destination"), 0, destination.length);
    }

    /** Fills all of {@code destination} from the start of {@code source}. */
    public static void toHost(CudaStream stream, CudaMemory source, double[] destination) {
        toHost(stream, source, 0, Arguments.requireNonNull(destination, "destination"), 0, destination.length);
    }

    /** Fills all of {@code destination} from the start of {@code source}. */
    public static void toHost(CudaStream stream, CudaMemory source, int[] destination) {
        toHost(stream, source, 0, Arguments.requireNonNull(destination, "destination"), 0, destination.length);
    }

    /** Queues a copy of {@code bytes} bytes between two allocations on the stream's device; byte offsets. */
    public static void deviceToDevice(CudaStream stream, CudaMemory source, long sourceByteOffset,
            CudaMemory destination, long destinationByteOffset, long bytes) {
        Arguments.requireNonNull(stream, "stream");
        Arguments.requireNonNegative("bytes", bytes);
        requireDeviceRange(stream, source, "source", "sourceByteOffset", sourceByteOffset, bytes, 1);
        requireDeviceRange(stream, destination, "destination", "destinationByteOffset", destinationByteOffset, bytes, 1);
        if (source == destination && sourceByteOffset < destinationByteOffset + bytes
                && destinationByteOffset < sourceByteOffset + bytes && bytes > 0) {
            throw new InvalidArgumentException("destinationByteOffset", destinationByteOffset, "a range that does not overlap the "
                    + bytes + " source bytes from offset " + sourceByteOffset + " of the same allocation");
        }
        if (bytes == 0) {
            return;
        }
        RuntimeCalls calls = stream.runtime().calls();
        source.use(src -> destination.use(dst -> stream.use(s -> {
            calls.memcpyAsync(dst + destinationByteOffset, src + sourceByteOffset, bytes, CopyDirection.DEVICE_TO_DEVICE, s);
            return null;
        })));
    }

    /** Queues setting every byte of {@code memory} to zero. */
    public static void zero(CudaStream stream, CudaMemory memory) {
        Arguments.requireNonNull(stream, "stream");
        requireDeviceRange(stream, memory, "memory", "offset", 0, 0, 1);
        if (memory.byteSize() == 0) {
            return;
        }
        memory.use(address -> stream.use(s -> {
            stream.runtime().calls().memsetAsync(address, 0, memory.byteSize(), s);
            return null;
        }));
    }

    private static void hostToDevice(CudaStream stream, HostArrayKind kind, Object source, int sourceOffset,
            CudaMemory destination, long destinationIndex, int length) {
        Arguments.requireNonNull(stream, "stream");
        Arguments.requireNonNull(source, "source");
        requireHostRange("source", kind.length(source), "sourceOffset", sourceOffset, length);
        requireDeviceRange(stream, destination, "destination", "destinationIndex", destinationIndex, length, kind.bytes());
        staged(stream, kind, source, sourceOffset, destination, destinationIndex, length, CopyDirection.HOST_TO_DEVICE);
    }

    private static void deviceToHost(CudaStream stream, HostArrayKind kind, CudaMemory source, long sourceIndex,
            Object destination, int destinationOffset, int length) {
        Arguments.requireNonNull(stream, "stream");
        Arguments.requireNonNull(destination, "destination");
        requireHostRange("destination", kind.length(destination), "destinationOffset", destinationOffset, length);
        requireDeviceRange(stream, source, "source", "sourceIndex", sourceIndex, length, kind.bytes());
        staged(stream, kind, destination, destinationOffset, source, sourceIndex, length, CopyDirection.DEVICE_TO_HOST);
    }

    /** Copies checked ranges chunk by chunk through pinned staging buffers, in {@code direction}. */
    private static void staged(CudaStream stream, HostArrayKind kind, Object host, int hostOffset, CudaMemory device,
            long deviceIndex, int length, CopyDirection direction) {
        if (length == 0) {
            return;
        }
        CudaRuntime runtime = stream.runtime();
        RuntimeCalls calls = runtime.calls();
        StagingPool staging = runtime.staging();
        int chunk = (int) (staging.chunkBytes() / kind.bytes());
        boolean toDevice = direction == CopyDirection.HOST_TO_DEVICE;
        device.use(base -> stream.use(s -> {
            for (long done = 0; done < length; done += chunk) {
                int n = (int) Math.min(chunk, length - done);
                long deviceAddress = base + (deviceIndex + done) * kind.bytes();
                long bytes = (long) n * kind.bytes();
                PinnedBuffer buffer = staging.acquire();
                try {
                    if (toDevice) {
                        calls.writeHost(buffer.address(), kind, host, (int) (hostOffset + done), n);
                        calls.memcpyAsync(deviceAddress, buffer.address(), bytes, direction, s);
                        // The copy reads the buffer later: it may be reused once the stream has passed this point.
                        buffer.markInUseUntilNow(s);
                    } else {
                        calls.memcpyAsync(buffer.address(), deviceAddress, bytes, direction, s);
                        calls.streamSynchronize(s);
                        calls.readHost(buffer.address(), kind, host, (int) (hostOffset + done), n);
                    }
                } catch (RuntimeException e) {
                    // The copy may still be using the buffer; wait for it before anyone reuses the buffer.
                    synchronizeQuietly(calls, s, e);
                    throw e;
                } finally {
                    staging.release(buffer);
                }
            }
            return null;
        }));
    }

    private static void requireHostRange(String array, int arrayLength, String offsetName, int offset, int length) {
        Arguments.requireNonNegative(offsetName, offset);
        Arguments.requireNonNegative("length", length);
        if ((long) offset + length > arrayLength) {
            throw new InvalidArgumentException("length", length, "at most " + Math.max(0, arrayLength - (long) offset)
                    + " elements: " + array + " has length " + arrayLength + " and " + offsetName + " is " + offset);
        }
    }

    private static void requireDeviceRange(CudaStream stream, CudaMemory memory, String name, String indexName,
            long index, long length, int elementBytes) {
        Arguments.requireNonNull(memory, name);
        stream.requireSameRuntime(memory.runtime());
        if (memory.deviceId() != stream.deviceId()) {
            throw new InvalidArgumentException(name, "memory on device " + memory.deviceId(),
                    "memory on the stream's device " + stream.deviceId());
        }
        Arguments.requireNonNegative(indexName, index);
        long end = Arguments.multiply(indexName + " + length", Arguments.add(indexName + " + length", index, length), elementBytes);
        if (end > memory.byteSize()) {
            throw new InvalidArgumentException(indexName, index, "a range of " + length + " elements of " + elementBytes
                    + " bytes that ends within the " + memory.byteSize() + " bytes of " + name + " (it would end at byte " + end + ")");
        }
    }

    private static void synchronizeQuietly(RuntimeCalls calls, long stream, RuntimeException failure) {
        try {
            calls.streamSynchronize(stream);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
