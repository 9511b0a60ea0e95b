package org.fusemath.random.host.libm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared-reduction, branch-free {@link GlibcFloat#sinCos} equals separate sinf and cosf bit for bit. */
class SinCosTest {

    @Test
    void equalsSeparateSinfAndCosf() {
        SplittableRandom r = new SplittableRandom(5);
        float[] sc = new float[2];
        for (int i = 0; i < 400_000; i++) {
            float y;
            switch (i % 4) {
                case 0:
                    y = (r.nextInt() >>> 8) * 0x1p-24f * 6.2831855f; // a Box-Muller angle
                    break;
                case 1:
                    y = (float) ((r.nextDouble() - 0.5) * 300); // both signs, past the fast-reduction range
                    break;
                case 2:
                    y = Float.intBitsToFloat(r.nextInt()); // any pattern
                    break;
                default:
                    y = (float) (Math.PI / 4 * (r.nextInt(17) - 8)) + (float) (r.nextGaussian() * 1e-6); // quadrant edges
                    break;
            }
            GlibcFloat.sinCos(y, sc, 0);
            assertEquals(Float.floatToRawIntBits(GlibcFloat.sinf(y)), Float.floatToRawIntBits(sc[0]), "sin " + y);
            assertEquals(Float.floatToRawIntBits(GlibcFloat.cosf(y)), Float.floatToRawIntBits(sc[1]), "cos " + y);
        }
    }

    @Test
    void widenEqualsTheJavaConversion() {
        SplittableRandom r = new SplittableRandom(6);
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_NORMAL, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1.5f};
        for (float f : special) {
            assertEquals(Double.doubleToRawLongBits(f), Double.doubleToRawLongBits(GlibcFloat.widen(f)), "widen " + f);
        }
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f)) {
                assertEquals(Double.doubleToRawLongBits(f), Double.doubleToRawLongBits(GlibcFloat.widen(f)), "widen " + f);
            }
        }
        for (int n = -1000; n <= 1000; n++) {
            assertEquals((double) n, GlibcFloat.small(n));
        }
    }
}
