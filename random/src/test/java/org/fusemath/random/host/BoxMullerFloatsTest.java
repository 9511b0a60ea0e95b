package org.fusemath.random.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fusemath.random.Distribution;
import org.fusemath.random.SampleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The block fast path of normal floats ({@link BoxMullerFloats}, {@link PhiloxNormalFloats})
 * equals the element-wise reference ({@link Philox4x32#block} and {@link Transforms#toFloats}) bit for bit,
 * over millions of random raw words and the words at the edges of the conversions.
 */
class BoxMullerFloatsTest {
    private static final Distribution STANDARD = Distribution.standard(SampleKind.NORMAL_FLOAT);
    private static final Distribution SCALED = Distribution.normalFloat(-1.25f, 3.5f);

    @ParameterizedTest
    @EnumSource(Transforms.Family.class)
    void blocksEqualTheElementwiseConversion(Transforms.Family family) {
        SplittableRandom r = new SplittableRandom(family.ordinal() + 31);
        BoxMullerFloats boxMuller = new BoxMullerFloats();
        int pairs = BoxMullerFloats.CAPACITY;
        int[] raw = new int[2 * pairs];
        float[] fast = new float[2 * pairs];
        float[] reference = new float[2 * pairs];
        for (int block = 0; block < 4096; block++) { // 2^21 pairs per distribution
            for (int i = 0; i < raw.length; i++) {
                raw[i] = family == Transforms.Family.BITS ? r.nextInt() : (int) (1 + r.nextLong(Mrg32k3aEngine.M1));
            }
            if (block == 0) {
                edges(family, raw);
            }
            for (Distribution d : new Distribution[] {STANDARD, SCALED}) {
                load(boxMuller, family, raw, pairs);
                boxMuller.transform(pairs, (float) d.mean(), (float) d.stddev());
                boxMuller.writePairs(fast, 0, pairs);
                Transforms.toFloats(family, d, raw, 0, reference, 0, 2 * pairs);
                assertSameBits(reference, fast, family + " block " + block + " " + d);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transforms.Family.class)
    void shortBlocksLeaveTheRestAlone(Transforms.Family family) {
        BoxMullerFloats boxMuller = new BoxMullerFloats();
        int[] raw = new int[6];
        edges(family, raw);
        float[] fast = {9f, 9f, 9f, 9f, 9f, 9f, 9f};
        float[] reference = new float[7];
        load(boxMuller, family, raw, 3);
        boxMuller.transform(3, 0f, 1f);
        boxMuller.writePairs(fast, 1, 3);
        Transforms.toFloats(family, STANDARD, raw, 0, reference, 1, 6);
        reference[0] = 9f;
        assertSameBits(reference, fast, family + " 3 pairs");
    }

    @Test
    void philoxNormalsEqualTheElementwiseConversion() {
        PhiloxNormalFloats normals = new PhiloxNormalFloats(new PhiloxBatch(), new BoxMullerFloats());
        long seed = 1234;
        int groups = 3 * PhiloxBatch.CAPACITY + 5;
        long g0 = 65_536 - 400; // a batch crosses into iteration 1
        float[] fast = new float[4 * groups];
        normals.fill(seed, g0, groups, fast, 0, (float) SCALED.mean(), (float) SCALED.stddev());
        int[] raw = new int[4];
        float[] reference = new float[4 * groups];
        for (int i = 0; i < groups; i++) {
            long g = g0 + i;
            Philox4x32.block(g >>> 16, g & 0xffff, seed, raw, 0);
            Transforms.toFloats(Transforms.Family.BITS, SCALED, raw, 0, reference, 4 * i, 4);
        }
        assertSameBits(reference, fast, "philox normals");
    }

    /** Loads pairs [0, n) from words laid out u0, v0, u1, v1, ... as Transforms reads them. */
    private static void load(BoxMullerFloats boxMuller, Transforms.Family family, int[] raw, int n) {
        int[] u = new int[n + 5];
        int[] v = new int[n + 7];
        for (int i = 0; i < n; i++) {
            u[5 + i] = raw[2 * i];
            v[7 + i] = raw[2 * i + 1];
        }
        if (family == Transforms.Family.BITS) {
            boxMuller.loadBits(u, 5, v, 7, 0, n);
        } else {
            boxMuller.loadMrg(u, 5, v, 7, 0, n);
        }
    }

    /** Words giving u = 1 (logf exactly 0), the smallest u and angle, and the largest angle. */
    private static void edges(Transforms.Family family, int[] raw) {
        if (family == Transforms.Family.BITS) {
            int[] e = {-1, 0, 0, -1, -128, 1, -129, 0x7fffffff};
            System.arraycopy(e, 0, raw, 0, Math.min(e.length, raw.length));
        } else {
            int m1 = (int) Mrg32k3aEngine.M1;
            int[] e = {m1, 1, 1, m1, m1 - 1, 2, 0x7fffffff, 0x80000000};
            System.arraycopy(e, 0, raw, 0, Math.min(e.length, raw.length));
        }
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                assertEquals(Float.toHexString(expected[i]), Float.toHexString(actual[i]), what + " index " + i);
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), what + " index " + i);
            }
        }
    }
}
