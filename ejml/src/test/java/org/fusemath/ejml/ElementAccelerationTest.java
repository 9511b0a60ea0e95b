package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.MatrixDimensionException;
import org.fusemath.fusion.host.VectorMath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accelerated element functions against EJML's on special values (±0, ±∞, NaN, subnormals, the overflow and
 * underflow edges, negative bases with integer and fractional exponents) and on several chunks with a short tail,
 * in place and into a wrongly shaped output, with the ulp bounds the classes state.
 */
class ElementAccelerationTest {
    private static final double[] SPECIAL = {0, -0.0, 1, -1, 0.5, 2, 3, -2.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Float.MIN_VALUE, 1e-300, 1e300, 709.7, 710, -745, -746, 88.7,
            89, -103, -104, 1e-40, 37.5, -0.125};

    @BeforeEach
    void forceAcceleration() {
        EjmlExecution.setThreshold(EjmlExecution.Family.ELEMENTWISE, 0);
        EjmlCoverage.enable();
    }

    @AfterEach
    void reset() {
        EjmlExecution.reset();
        EjmlCoverage.disable();
    }

    /** Special values followed by random ones, 2 full chunks and a tail. */
    private static double[] inputs(long seed, double scale) {
        Random r = new Random(seed);
        double[] x = new double[2 * 512 + 77];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i] : scale * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    private static long ulps(double a, double b) {
        if (a == b || Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    private static long ulps(float a, float b) {
        if (a == b || Float.isNaN(a) && Float.isNaN(b)) {
            return 0;
        }
        if (Float.isNaN(a) || Float.isNaN(b) || Float.isInfinite(a) || Float.isInfinite(b)) {
            return Long.MAX_VALUE;
        }
        int ia = Float.floatToRawIntBits(a);
        int ib = Float.floatToRawIntBits(b);
        return Math.abs((long) (ia < 0 ? Integer.MIN_VALUE - ia : ia) - (ia == ib ? 0 : (ib < 0 ? Integer.MIN_VALUE - ib : ib)));
    }

    private static void assertWithin(double[] expected, double[] actual, double bound, String what) {
        for (int i = 0; i < expected.length; i++) {
            long u = ulps(expected[i], actual[i]);
            assertTrue(u <= bound, what + " at " + i + ": " + actual[i] + " vs EJML's " + expected[i] + " (" + u + " ulps)");
        }
    }

    private static void assertWithin(float[] expected, float[] actual, double bound, String what, float[] base) {
        for (int i = 0; i < expected.length; i++) {
            long u = ulps(expected[i], actual[i]);
            assertTrue(u <= bound, what + " at " + i + " (input " + base[i] + "): " + actual[i] + " vs EJML's "
                    + expected[i] + " (" + u + " ulps)");
        }
    }

    @Test
    void doubleExpAndLogAreWithinTheLanesBoundPlusOneUlpOfEjml() {
        for (double scale : new double[] {1, 40, 700}) {
            DMatrixRMaj a = new DMatrixRMaj(1, inputs((long) scale, scale).length, true, inputs((long) scale, scale));
            DMatrixRMaj wrong = new DMatrixRMaj(3, 2);
            DMatrixRMaj exp = org.fusemath.ejml.CommonOps_DDRM.elementExp(a, wrong);
            assertSame(wrong, exp);
            assertEquals(a.numRows, exp.numRows);
            assertEquals(a.numCols, exp.numCols);
            assertWithin(CommonOps_DDRM.elementExp(a, null).data, exp.data, VectorMath.EXP_F64_ULPS + 1, "exp");
            DMatrixRMaj log = org.fusemath.ejml.CommonOps_DDRM.elementLog(a, null);
            assertWithin(CommonOps_DDRM.elementLog(a, null).data, log.data, VectorMath.LOG_F64_ULPS + 1, "log");
            // In place: the same values.
            DMatrixRMaj copy = a.copy();
            org.fusemath.ejml.CommonOps_DDRM.elementExp(copy, copy);
            assertWithin(exp.data, copy.data, 0, "exp in place");
        }
        assertTrue(EjmlCoverage.snapshot().get("CommonOps_DDRM.elementExp(DMatrixD1,DMatrixD1)").accelerated() > 0);
    }

    @Test
    void floatFunctionsAreWithinTheirBoundsOfEjml() {
        for (double scale : new double[] {1, 30, 100}) {
            double[] x = inputs((long) scale + 7, scale);
            double[] e = inputs((long) scale + 8, 6);
            FMatrixRMaj a = new FMatrixRMaj(1, x.length);
            FMatrixRMaj b = new FMatrixRMaj(1, x.length);
            for (int i = 0; i < x.length; i++) {
                a.data[i] = (float) x[i];
                b.data[i] = (float) e[(i * 7) % e.length];
            }
            assertWithin(CommonOps_FDRM.elementExp(a, null).data, org.fusemath.ejml.CommonOps_FDRM.elementExp(a, null).data,
                    VectorMath.EXP_F32_ULPS + 1, "exp", a.data);
            assertWithin(CommonOps_FDRM.elementLog(a, null).data, org.fusemath.ejml.CommonOps_FDRM.elementLog(a, null).data,
                    VectorMath.LOG_F32_ULPS + 1, "log", a.data);
            assertWithin(CommonOps_FDRM.elementPower(a, b, null).data,
                    org.fusemath.ejml.CommonOps_FDRM.elementPower(a, b, null).data, 1, "pow(A, B)", a.data);
            for (float s : new float[] {0, -0f, 1, -1, 2, -3, 0.5f, 7.25f, Float.NaN, Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY}) {
                assertWithin(CommonOps_FDRM.elementPower(a, s, null).data,
                        org.fusemath.ejml.CommonOps_FDRM.elementPower(a, s, null).data, 1, "pow(A, " + s + ")", a.data);
                assertWithin(CommonOps_FDRM.elementPower(s, b, null).data,
                        org.fusemath.ejml.CommonOps_FDRM.elementPower(s, b, null).data, 1, "pow(" + s + ", B)", b.data);
            }
            // In place on either operand.
            FMatrixRMaj want = CommonOps_FDRM.elementPower(a, b, null);
            FMatrixRMaj aa = a.copy();
            assertSame(aa, org.fusemath.ejml.CommonOps_FDRM.elementPower(aa, b, aa));
            assertWithin(want.data, aa.data, 1, "pow in place (A)", a.data);
            FMatrixRMaj bb = b.copy();
            org.fusemath.ejml.CommonOps_FDRM.elementPower(a, bb, bb);
            assertWithin(want.data, bb.data, 1, "pow in place (B)", a.data);
        }
        assertTrue(EjmlCoverage.snapshot().get("CommonOps_FDRM.elementPower(FMatrixD1,FMatrixD1,FMatrixD1)").accelerated() > 0);
    }

    @Test
    void shapesEjmlRejectsGetEjmlsException() {
        FMatrixRMaj a = new FMatrixRMaj(4, 300);
        FMatrixRMaj b = new FMatrixRMaj(300, 4);
        assertThrows(MatrixDimensionException.class, () -> org.fusemath.ejml.CommonOps_FDRM.elementPower(a, b, null));
        assertThrows(NullPointerException.class, () -> org.fusemath.ejml.CommonOps_DDRM.elementExp(null, null));
    }

    @Test
    void belowTheThresholdTheResultIsEjmlsBitForBit() {
        EjmlExecution.setThreshold(EjmlExecution.Family.ELEMENTWISE, Long.MAX_VALUE);
        double[] x = inputs(3, 5);
        DMatrixRMaj a = new DMatrixRMaj(1, x.length, true, x);
        String key = "CommonOps_DDRM.elementExp(DMatrixD1,DMatrixD1)";
        var before = EjmlCoverage.snapshot().get(key);
        long accelerated = before == null ? 0 : before.accelerated();
        assertWithin(CommonOps_DDRM.elementExp(a, null).data, org.fusemath.ejml.CommonOps_DDRM.elementExp(a, null).data,
                0, "exp below the threshold");
        assertEquals(accelerated, EjmlCoverage.snapshot().get(key).accelerated());
    }
}
