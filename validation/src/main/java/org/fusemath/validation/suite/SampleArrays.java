package org.fusemath.validation.suite;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;

/**
 * Deterministic test arrays whose values include the awkward ones a byte-level format must carry
 * unchanged (NaN with a payload, ±0, ±∞, subnormals, extremes), and the bitwise comparison the cases use.
 */
final class SampleArrays {
    private static final double[] SPECIAL_D = {Double.longBitsToDouble(0x7ff8_0000_dead_beefL), -0.0, 0.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL};
    private static final float[] SPECIAL_F = {Float.intBitsToFloat(0x7fc0_beef), -0.0f, 0.0f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MIN_NORMAL};

    private SampleArrays() {
    }

    /** A tensor of {@code shape} in the given order, filled from {@code seed}, special values first. */
    static HostTensor tensor(DType dtype, long[] shape, boolean fortran, long seed) {
        int slots = Math.toIntExact(Strides.count(shape) * dtype.slotsPerElement());
        SplittableRandom random = new SplittableRandom(seed);
        if (dtype.isSinglePrecision()) {
            float[] f = new float[slots];
            for (int i = 0; i < slots; i++) {
                f[i] = i < SPECIAL_F.length ? SPECIAL_F[i] : (float) (random.nextDouble(-1, 1) * Math.scalb(1.0, random.nextInt(-20, 20)));
            }
            return HostTensor.of(dtype, shape, fortran, f);
        }
        double[] d = new double[slots];
        for (int i = 0; i < slots; i++) {
            d[i] = i < SPECIAL_D.length ? SPECIAL_D[i] : random.nextDouble(-1, 1) * Math.scalb(1.0, random.nextInt(-200, 200));
        }
        return HostTensor.of(dtype, shape, fortran, d);
    }

    /** Whether slot {@code i} of {@code a} and slot {@code j} of {@code b} hold the same bits. */
    static boolean sameBits(Object a, long i, Object b, long j) {
        if (a instanceof float[] fa) {
            return Float.floatToRawIntBits(fa[(int) i]) == Float.floatToRawIntBits(((float[]) b)[(int) j]);
        }
        return Double.doubleToRawLongBits(((double[]) a)[(int) i]) == Double.doubleToRawLongBits(((double[]) b)[(int) j]);
    }

    /** How many elements differ bitwise between the element at {@code i} of {@code a} and at {@code j} of {@code b}. */
    static int elementMismatch(DType dtype, Object a, long i, Object b, long j) {
        int slots = dtype.slotsPerElement();
        for (int s = 0; s < slots; s++) {
            if (!sameBits(a, i * slots + s, b, j * slots + s)) {
                return 1;
            }
        }
        return 0;
    }
}
