package org.fusemath.random.host.libm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The staged array forms in {@link GlibcFloatLanes} equal the scalar {@link GlibcFloat} functions bit for bit:
 * over millions of Box–Muller arguments (the inputs the generators give them), over every other kind of
 * float (which the stages hand back to the scalar functions), and on the inputs recorded from glibc.
 */
class GlibcFloatLanesTest {
    private static final int BLOCK = 512;
    /** Box–Muller blocks per test: 2^24 arguments. */
    private static final int BLOCKS = (1 << 24) / BLOCK;

    private final GlibcFloatLanes lanes = new GlibcFloatLanes(BLOCK);
    private final float[] in = new float[BLOCK];
    private final float[] out = new float[BLOCK];
    private final float[] sin = new float[BLOCK];
    private final float[] cos = new float[BLOCK];

    @Test
    void logfOfBoxMullerUniforms() {
        SplittableRandom r = new SplittableRandom(11);
        // _curand_uniform of a word (Philox, XORWOW) and MRG32k3a's float uniform, alternating by block.
        checkLogf(BLOCKS, i -> i % (2 * BLOCK) < BLOCK
                ? ((r.nextInt() >>> 16) * 65536f + (r.nextInt() & 0xffff)) * 0x1p-32f + 0x1p-33f
                : (float) ((r.nextInt(2147483647) + 1L + r.nextInt(2) * 2147483647L) * 2.3283065498378288e-10));
    }

    @Test
    void logfOfEdgesAndAnyPositiveNormal() {
        float[] edges = {1f, Math.nextDown(1f), Math.nextUp(1f), 0x1p-33f, Float.MIN_NORMAL, Float.MAX_VALUE, 0x1.66p-1f,
            Math.nextDown(0x1.66p-1f), 0x1.66p0f, 2f, 0.5f};
        checkLogf(1, i -> edges[i % edges.length]);
        SplittableRandom r = new SplittableRandom(12);
        checkLogf(BLOCKS / 4, i -> Float.intBitsToFloat(0x00800000 + r.nextInt(0x7f800000 - 0x00800000)));
    }

    @Test
    void logfOfAnyBitPatternTakesTheScalarPathWhereItMust() {
        SplittableRandom r = new SplittableRandom(13);
        checkLogf(BLOCKS / 16, i -> Float.intBitsToFloat(r.nextInt()));
        float[] special = {0f, -0f, -1f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float s : special) {
            checkLogf(1, i -> i == 7 ? s : 0.25f + i); // one special value among fast-path ones
        }
    }

    @Test
    void sinCosOfBoxMullerAngles() {
        SplittableRandom r = new SplittableRandom(21);
        // _curand_box_muller's angle of a word, and MRG32k3a's float uniform times 2 pi, alternating by block.
        checkSinCos(BLOCKS, i -> i % (2 * BLOCK) < BLOCK
                ? ((r.nextInt() >>> 16) * 65536f + (r.nextInt() & 0xffff)) * (0x1p-32f * 6.2831855f) + 0x1p-32f * 6.2831855f / 2
                : (float) ((r.nextInt(2147483647) + 1L + r.nextInt(2) * 2147483647L) * 2.3283065498378288e-10) * 6.2831855f);
    }

    @Test
    void sinCosOfEveryRangeAndBitPattern() {
        SplittableRandom r = new SplittableRandom(22);
        checkSinCos(BLOCKS / 4, i -> switch (i % 5) {
            case 0 -> (float) ((r.nextDouble() - 0.5) * 240); // both signs, the whole fast-reduction range
            case 1 -> Float.intBitsToFloat(r.nextInt()); // anything: |y| >= 120, infinities, NaN
            case 2 -> (float) (Math.PI / 4 * (r.nextInt(305) - 152)) + (float) (r.nextGaussian() * 1e-5); // quadrant edges
            case 3 -> Float.intBitsToFloat(r.nextInt(0x39800000)) * (r.nextBoolean() ? 1 : -1); // |y| < 2^-12, subnormals
            default -> Float.intBitsToFloat(0x42f00000 + r.nextInt(-4, 4)) * (r.nextBoolean() ? 1 : -1); // around 120
        });
        float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 0x1p-12f, Math.nextDown(0x1p-12f), 6.2831855f,
            (float) (Math.PI / 4), Math.nextDown(120f), 120f, -120f, Float.NaN, Float.POSITIVE_INFINITY};
        checkSinCos(1, i -> edges[i % edges.length]);
        for (float s : new float[] {-0f, 120f, -200f, Float.NaN, Float.NEGATIVE_INFINITY}) {
            checkSinCos(1, i -> i == 300 ? s : 0.01f * i); // one such value among fast-path ones
        }
    }

    @Test
    void recordedGlibcAnswers() throws IOException {
        for (String name : new String[] {"logf", "sinf", "cosf"}) {
            ByteBuffer pairs = load(name);
            int n = pairs.remaining() / 8;
            for (int start = 0; start < n; start += BLOCK) {
                int m = Math.min(BLOCK, n - start);
                float[] expected = new float[m];
                for (int i = 0; i < m; i++) {
                    in[i] = pairs.getFloat();
                    expected[i] = pairs.getFloat();
                }
                float[] actual;
                if (name.equals("logf")) {
                    lanes.logf(in, out, m);
                    actual = out;
                } else {
                    lanes.sinCos(in, sin, cos, m);
                    actual = name.equals("sinf") ? sin : cos;
                }
                for (int i = 0; i < m; i++) {
                    // As in GlibcMathTest: any NaN matches glibc's NaN (whose sign Java's NaN constant lacks).
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                            name + "(" + Float.toHexString(in[i]) + ")");
                }
            }
            assertTrue(n >= 1000, name + " answers loaded: " + n);
        }
    }

    @Test
    void lengthBeyondCapacityIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lanes.logf(in, out, BLOCK + 1));
        assertTrue(e.getMessage().contains("513"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lanes.sinCos(in, sin, cos, -1));
        assertThrows(IllegalArgumentException.class, () -> new GlibcFloatLanes(0));
    }

    private void checkLogf(int blocks, IntToDoubleFunction input) {
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < BLOCK; i++) {
                in[i] = (float) input.applyAsDouble(b * BLOCK + i);
            }
            lanes.logf(in, out, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                assertBits(GlibcFloat.logf(in[i]), out[i], "logf", in[i]);
            }
        }
    }

    private void checkSinCos(int blocks, IntToDoubleFunction input) {
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < BLOCK; i++) {
                in[i] = (float) input.applyAsDouble(b * BLOCK + i);
            }
            lanes.sinCos(in, sin, cos, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                assertBits(GlibcFloat.sinf(in[i]), sin[i], "sinf", in[i]);
                assertBits(GlibcFloat.cosf(in[i]), cos[i], "cosf", in[i]);
            }
        }
    }

    private static void assertBits(float expected, float actual, String name, float x) {
        if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
            assertEquals(Float.toHexString(expected), Float.toHexString(actual), name + "(" + Float.toHexString(x) + ")");
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), name + "(" + Float.toHexString(x) + ")");
        }
    }

    private static ByteBuffer load(String name) throws IOException {
        try (InputStream in = GlibcFloatLanesTest.class.getResourceAsStream(name + ".bin")) {
            assertTrue(in != null, "missing resource " + name + ".bin");
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
