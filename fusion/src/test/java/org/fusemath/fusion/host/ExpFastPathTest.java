package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lanes' exp runs a chunk without its clamp and with one power of two when every exponent is normal, and in
 * the clamped two-power form otherwise: the two forms must give the same bits. Each chunk of in-range arguments
 * is computed alone (the fast form) and again with one out-of-range value in the last slot (which sends the whole
 * chunk through the clamped form); every other element must agree bit for bit. The accuracy of either form is
 * {@link VectorMathTest}'s.
 */
class ExpFastPathTest {
    private static final int C = F32Lanes.CHUNK;

    @Test
    void floatFormsAgreeBitForBit() {
        F32Lanes lanes = new F32Lanes();
        SplittableRandom r = new SplittableRandom(21);
        float[] outside = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88.8f, -87.5f, -103f, 1e30f};
        float[] x = new float[C];
        float[] fast = new float[C];
        float[] clamped = new float[C];
        long compared = 0;
        for (int rep = 0; rep < 2000; rep++) {
            for (int i = 0; i < C; i++) {
                // arguments whose k = round(x log2 e) is a normal exponent, edges and subnormal-result range included
                x[i] = rep % 4 == 0 ? (float) r.nextDouble(-87.3, 88.3) : (float) r.nextDouble(-20, 20);
            }
            x[rep % C] = rep % 2 == 0 ? -0.0f : 0.0f;
            lanes.exp(x, 0, fast, 0, C);
            float last = x[C - 1];
            x[C - 1] = outside[rep % outside.length];
            lanes.exp(x, 0, clamped, 0, C);
            for (int i = 0; i < C - 1; i++) {
                assertEquals(Float.floatToRawIntBits(clamped[i]), Float.floatToRawIntBits(fast[i]), "exp(" + x[i] + ")");
                compared++;
            }
            float want = (float) Math.exp(last);
            assertTrue(Math.abs(fast[C - 1] - want) <= 2 * Math.ulp(want), "exp(" + last + ") = " + fast[C - 1]);
        }
        assertEquals(2000L * (C - 1), compared);
    }

    @Test
    void doubleFormsAgreeBitForBit() {
        F64Lanes lanes = new F64Lanes();
        SplittableRandom r = new SplittableRandom(22);
        double[] outside = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 709.8, -708.5, -745, 1e300};
        double[] x = new double[C];
        double[] fast = new double[C];
        double[] clamped = new double[C];
        for (int rep = 0; rep < 2000; rep++) {
            for (int i = 0; i < C; i++) {
                x[i] = rep % 4 == 0 ? r.nextDouble(-708.0, 709.0) : r.nextDouble(-20, 20);
            }
            lanes.exp(x, 0, fast, 0, C);
            x[C - 1] = outside[rep % outside.length];
            lanes.exp(x, 0, clamped, 0, C);
            for (int i = 0; i < C - 1; i++) {
                assertEquals(Double.doubleToRawLongBits(clamped[i]), Double.doubleToRawLongBits(fast[i]), "exp(" + x[i] + ")");
            }
        }
    }

    @Test
    void outOfRangeValuesKeepTheirIeeeResultsInEitherForm() {
        F32Lanes lanes = new F32Lanes();
        float[] x = new float[C];
        float[] y = new float[C];
        java.util.Arrays.fill(x, 1f);
        x[0] = Float.NaN;
        x[1] = Float.POSITIVE_INFINITY;
        x[2] = Float.NEGATIVE_INFINITY;
        x[3] = 89f;
        x[4] = -104f;
        lanes.exp(x, 0, y, 0, C);
        assertTrue(Float.isNaN(y[0]));
        assertEquals(Float.POSITIVE_INFINITY, y[1]);
        assertEquals(0f, y[2]);
        assertEquals(Float.POSITIVE_INFINITY, y[3]);
        assertEquals(0f, y[4]);
        assertEquals((float) Math.E, y[5], Math.ulp((float) Math.E));
    }

    @Test
    void theWholeChunkFormGivesThePublicFormsBitsInPlaceOrNot() {
        F32Lanes f = new F32Lanes();
        F64Lanes d = new F64Lanes();
        SplittableRandom r = new SplittableRandom(23);
        float[] x = new float[C];
        double[] xd = new double[C];
        for (int rep = 0; rep < 200; rep++) {
            for (int i = 0; i < C; i++) {
                xd[i] = r.nextDouble(-120, 100);   // in range, underflowing and overflowing: both forms of the chunk
                x[i] = (float) xd[i];
            }
            if (rep % 3 == 0) {
                x[rep % C] = Float.NaN;
                xd[rep % C] = Double.NEGATIVE_INFINITY;
            }
            float[] want = new float[C];
            float[] got = new float[C];
            f.exp(x, 0, want, 0, C);
            f.expChunk(x, got);
            float[] inPlace = x.clone();
            f.expChunk(inPlace, inPlace);
            double[] wantD = new double[C];
            double[] gotD = xd.clone();
            d.exp(xd, 0, wantD, 0, C);
            d.expChunk(gotD, gotD);
            for (int i = 0; i < C; i++) {
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]), "exp(" + x[i] + ")");
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(inPlace[i]), "in place, exp(" + x[i] + ")");
                assertEquals(Double.doubleToRawLongBits(wantD[i]), Double.doubleToRawLongBits(gotD[i]), "exp(" + xd[i] + ")");
            }
        }
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> f.expChunk(new float[C - 1], new float[C]));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> d.expChunk(new double[C], new double[C - 1]));
    }
    @Test
    void theShiftedFormsGiveExpOfTheDifferencesBitsAndAddThemToTheLanes() {
        // expShiftedChunk and expShiftedSumChunk against expChunk of the float (double) differences and the sum loop
        // written out: the same bits, for chunks in the fast form and chunks that fall back to the clamped form
        F32Lanes f = new F32Lanes();
        F64Lanes d = new F64Lanes();
        SplittableRandom r = new SplittableRandom(25);
        float[] x = new float[C];
        double[] xd = new double[C];
        double[] sum = new double[C];
        double[] sumD = new double[C];
        double[] wantSum = new double[C];
        double[] wantSumD = new double[C];
        for (int rep = 0; rep < 300; rep++) {
            float shift = (float) r.nextDouble(-50, 50);
            double shiftD = r.nextDouble(-500, 500);
            for (int i = 0; i < C; i++) {
                double range = rep % 3 == 2 ? 800 : 20;   // every third chunk reaches the clamped form
                x[i] = (float) r.nextDouble(-range, range);
                xd[i] = r.nextDouble(-range, range);
            }
            float[] diff = new float[C];
            double[] diffD = new double[C];
            for (int i = 0; i < C; i++) {
                diff[i] = x[i] - shift;
                diffD[i] = xd[i] - shiftD;
            }
            float[] want = new float[C];
            double[] wantD = new double[C];
            f.expChunk(diff, want);
            d.expChunk(diffD, wantD);
            for (int i = 0; i < C; i++) {
                wantSum[i] = wantSum[i] + want[i];
                wantSumD[i] = wantSumD[i] + wantD[i];
            }
            float[] got = new float[C];
            float[] summed = x.clone();            // in place
            double[] gotD = new double[C];
            f.expShiftedChunk(x, shift, got);
            f.expShiftedSumChunk(summed, shift, summed, sum);
            d.expShiftedSumChunk(xd, shiftD, gotD, sumD);
            for (int i = 0; i < C; i++) {
                String at = "exp(" + diff[i] + ")";
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]), at);
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(summed[i]), "summing in place, " + at);
                assertEquals(Double.doubleToRawLongBits(wantD[i]), Double.doubleToRawLongBits(gotD[i]), "exp(" + diffD[i] + ")");
                assertEquals(Double.doubleToRawLongBits(wantSum[i]), Double.doubleToRawLongBits(sum[i]), "lane " + i);
                assertEquals(Double.doubleToRawLongBits(wantSumD[i]), Double.doubleToRawLongBits(sumD[i]), "double lane " + i);
            }
        }
        assertThrows(org.fusemath.api.InvalidArgumentException.class,
                () -> f.expShiftedSumChunk(x, 0f, x, new double[C - 1]));
    }

    @Test
    void theWholeChunkSigmoidAndTanhGiveThePublicFormsBits() {
        F32Lanes f = new F32Lanes();
        F64Lanes d = new F64Lanes();
        SplittableRandom r = new SplittableRandom(24);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 88.8f, -87.5f, -103f, 1e30f, -1e30f, 9.1f, -9.1f};
        double[] specialsD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -0.0, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 709.8, -708.5, -745, 1e300, -1e300, 19.1, -19.1};
        float[] x = new float[C];
        double[] xd = new double[C];
        for (int rep = 0; rep < 300; rep++) {
            for (int i = 0; i < C; i++) {
                // small (tanh's polynomial), moderate, and far enough out that e^-|x| underflows: both exp forms
                double range = rep % 3 == 0 ? 1 : rep % 3 == 1 ? 30 : 800;
                xd[i] = r.nextDouble(-range, range);
                x[i] = (float) xd[i];
            }
            if (rep % 2 == 0) {
                for (int k = 0; k < specials.length; k++) {
                    x[(rep + 5 * k) % C] = specials[k];
                    xd[(rep + 5 * k) % C] = specialsD[k];
                }
            }
            for (boolean sigmoid : new boolean[] {true, false}) {
                float[] want = new float[C];
                float[] got = new float[C];
                float[] inPlace = x.clone();
                double[] wantD = new double[C];
                double[] gotD = new double[C];
                double[] inPlaceD = xd.clone();
                if (sigmoid) {
                    f.sigmoid(x, 0, want, 0, C);
                    f.sigmoidChunk(x, got);
                    f.sigmoidChunk(inPlace, inPlace);
                    d.sigmoid(xd, 0, wantD, 0, C);
                    d.sigmoidChunk(xd, gotD);
                    d.sigmoidChunk(inPlaceD, inPlaceD);
                } else {
                    f.tanh(x, 0, want, 0, C);
                    f.tanhChunk(x, got);
                    f.tanhChunk(inPlace, inPlace);
                    d.tanh(xd, 0, wantD, 0, C);
                    d.tanhChunk(xd, gotD);
                    d.tanhChunk(inPlaceD, inPlaceD);
                }
                String name = sigmoid ? "sigmoid(" : "tanh(";
                // Bits with every NaN read as the canonical NaN: Java leaves a computed NaN's sign and payload open,
                // and on JDK 25 C2's scalar and vector forms of Math.signum (the lanes' step and sign there) differ in
                // it, so an in-place call, whose aliased loops C2 may run partly scalar, can return a NaN of the other sign.
                for (int i = 0; i < C; i++) {
                    assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), name + x[i] + ")");
                    assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(inPlace[i]), "in place, " + name + x[i] + ")");
                    assertEquals(Double.doubleToLongBits(wantD[i]), Double.doubleToLongBits(gotD[i]), name + xd[i] + ")");
                    assertEquals(Double.doubleToLongBits(wantD[i]), Double.doubleToLongBits(inPlaceD[i]), "in place, " + name + xd[i] + ")");
                }
            }
        }
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> f.sigmoidChunk(new float[C - 1], new float[C]));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> f.tanhChunk(new float[C], new float[C - 1]));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> d.sigmoidChunk(new double[C], new double[C - 1]));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> d.tanhChunk(new double[C - 1], new double[C]));
    }
}
