package org.fusemath.fusion.host;

import java.lang.foreign.MemorySegment;

/**
 * Reinterprets one fixed chunk of int bit patterns as floats, {@code dst[i] = Float.intBitsToFloat(src[i])} for
 * i in [0, {@link F32Lanes#CHUNK}). This Java 22+ version copies the chunk's bytes from the int array's heap segment
 * into the float array's in one bulk copy (a memory copy, about 0.07 ns per element), where the scalar loop of the
 * Java 17 version costs about 0.3 ns: C2 has no vector form of the int-to-float bit move. Heap segments need no
 * native access and print no warning. Not thread-safe: an instance belongs to one {@link F32Lanes}.
 */
final class IntBitsCopy {
    private static final long BYTES = (long) Integer.BYTES * F32Lanes.CHUNK;
    private final MemorySegment src;
    private final MemorySegment dst;

    IntBitsCopy(int[] src, float[] dst) {
        this.src = MemorySegment.ofArray(src);
        this.dst = MemorySegment.ofArray(dst);
    }

    void run() {
        MemorySegment.copy(src, 0, dst, 0, BYTES);
    }
}
