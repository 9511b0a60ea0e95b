package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lanes' bulk bit moves: every 32-bit pattern of a chunk (NaN payloads, signed zeros, subnormals included)
 * arrives unchanged in both directions, as {@code Float.intBitsToFloat} and {@code Float.floatToRawIntBits} move it;
 * on HotSpot the copy is a bulk one (Unsafe on Java 17-21, heap segments on 22+), and the Java 17 tree's scalar
 * fallback moves the same bits.
 */
class BitsCopyTest {
    private static final int C = F32Lanes.CHUNK;

    private static int[] patterns(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] bits = new int[C];
        for (int i = 0; i < C; i++) {
            bits[i] = r.nextInt();
        }
        int[] edges = {0, 0x80000000, 1, 0x807fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffbfffff};
        System.arraycopy(edges, 0, bits, 0, edges.length);
        return bits;
    }

    @Test
    void everyPatternMovesUnchangedBothWays() {
        assertTrue(BitsCopy.BULK, "HotSpot offers a bulk copy on every Java version this library runs on");
        int[] src = patterns(3);
        float[] floats = new float[C];
        BitsCopy.toFloats(src, floats).run();
        int[] back = new int[C];
        BitsCopy.toInts(floats, back).run();
        assertArrayEquals(src, back);
        for (int i = 0; i < C; i++) {
            // NaN payloads included: raw bits, not a canonicalising floatToIntBits
            assertEquals(src[i], Float.floatToRawIntBits(floats[i]), "element " + i);
        }
    }

    @Test
    void theScalarFallbackMovesTheSameBits() {
        assumeTrue(Runtime.version().feature() < 22, "the Java 22+ tree has no scalar fallback");
        int[] src = patterns(4);
        float[] floats = new float[C];
        BitsCopy.scalar(src, floats, true).run();
        float[] bulk = new float[C];
        BitsCopy.toFloats(src, bulk).run();
        int[] viaScalar = new int[C];
        BitsCopy.scalar(viaScalar, floats, false).run();
        assertArrayEquals(src, viaScalar);
        for (int i = 0; i < C; i++) {
            assertEquals(Float.floatToRawIntBits(bulk[i]), Float.floatToRawIntBits(floats[i]), "element " + i);
        }
    }

    @Test
    void shortArraysAreRefusedBeforeAnyCopy() {
        assertThrows(IllegalArgumentException.class, () -> BitsCopy.toFloats(new int[C - 1], new float[C]));
        assertThrows(IllegalArgumentException.class, () -> BitsCopy.toInts(new float[C], new int[C - 1]));
    }
}
