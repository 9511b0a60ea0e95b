package org.fusemath.fusion.host;

import java.lang.foreign.MemorySegment;

/**
 * Reinterprets one fixed chunk of 32-bit patterns between an int and a float array, {@code dst[i] = src[i]} bit for
 * bit for i in [0, {@link F32Lanes#CHUNK}). This Java 22+ version copies the chunk's bytes from one array's heap
 * segment into the other's in one bulk copy (a memory copy, about 0.07 ns per element, where a scalar
 * {@code Float.intBitsToFloat} loop costs about 0.3 ns: C2 has no vector form of the int/float bit moves). Heap
 * segments need no native access and print no warning. Not thread-safe: an instance belongs to one
 * {@link F32Lanes}.
 */
final class BitsCopy {
    /** Always true here: {@link #run} is one bulk copy. */
    static final boolean BULK = true;
    private static final long BYTES = (long) Integer.BYTES * F32Lanes.CHUNK;
    private final MemorySegment src;
    private final MemorySegment dst;

    private BitsCopy(MemorySegment src, MemorySegment dst) {
        if (src.byteSize() < BYTES || dst.byteSize() < BYTES) {
            throw new IllegalArgumentException("chunk arrays of at least " + F32Lanes.CHUNK + " elements expected, got "
                    + src.byteSize() / Integer.BYTES + " and " + dst.byteSize() / Integer.BYTES);
        }
        this.src = src;
        this.dst = dst;
    }

    /** {@code dst[i] = Float.intBitsToFloat(src[i])}. */
    static BitsCopy toFloats(int[] src, float[] dst) {
        return new BitsCopy(MemorySegment.ofArray(src), MemorySegment.ofArray(dst));
    }

    /** {@code dst[i] = Float.floatToRawIntBits(src[i])}. */
    static BitsCopy toInts(float[] src, int[] dst) {
        return new BitsCopy(MemorySegment.ofArray(src), MemorySegment.ofArray(dst));
    }

    void run() {
        MemorySegment.copy(src, 0, dst, 0, BYTES);
    }
}
