package org.fusemath.fusion.host;

/**
 * Reinterprets one fixed chunk of int bit patterns as floats, {@code dst[i] = Float.intBitsToFloat(src[i])} for
 * i in [0, {@link F32Lanes#CHUNK}): the one stage of the float lanes that C2 does not vectorise (it has no vector
 * form of the int-to-float bit move). This Java 17 version is that scalar loop; the Java 22+ version of this class
 * copies the chunk's bytes in one bulk memory-segment copy instead. Not thread-safe: an instance belongs to one
 * {@link F32Lanes}.
 */
final class IntBitsCopy {
    private final int[] src;
    private final float[] dst;

    IntBitsCopy(int[] src, float[] dst) {
        this.src = src;
        this.dst = dst;
    }

    void run() {
        for (int i = 0; i < F32Lanes.CHUNK; i++) {
            dst[i] = Float.intBitsToFloat(src[i]);
        }
    }
}
