package org.fusemath.fft;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fusemath.fft.spi.FftReference;

/**
 * Test helpers: strided views of logical C-ordered data (slots nobody addresses hold NaN, so a kernel reading a
 * wrong slot poisons its result), norms, and the error bound ‖ŷ − y‖₂ ≤ c·ε·log2(N)·g·‖x‖₂, where g is the
 * transform's gain on the 2-norm (scale·√N; C2R's half spectrum counts twice, hence √2 more).
 */
public final class FftTesting {
    /** The bound's constant, {@link FftReference#BOUND_CONSTANT}. */
    public static final double C = FftReference.BOUND_CONSTANT;

    private FftTesting() {
    }

    /** Random values in [-1, 1). */
    public static double[] random(SplittableRandom rng, int count) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        return a;
    }

    /** Places logical C-ordered {@code data} ({@code slots} per element) into a NaN-filled array of {@code length}. */
    public static double[] scatter(double[] data, long[] shape, long[] strides, long offset, int slots, long length) {
        double[] out = new double[(int) length];
        Arrays.fill(out, Double.NaN);
        forEach(shape, strides, offset, (logical, at) -> {
            for (int s = 0; s < slots; s++) {
                out[(int) (slots * at + s)] = data[(int) (slots * logical + s)];
            }
        });
        return out;
    }

    /** The logical C-ordered elements of the strided view. */
    public static double[] gather(double[] array, long[] shape, long[] strides, long offset, int slots) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        double[] out = new double[(int) (count * slots)];
        forEach(shape, strides, offset, (logical, at) -> {
            for (int s = 0; s < slots; s++) {
                out[(int) (slots * logical + s)] = array[(int) (slots * at + s)];
            }
        });
        return out;
    }

    /** Widens a float array. */
    public static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** Rounds to float (NaN stays NaN). */
    public static float[] narrow(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** The 2-norm. */
    public static double norm2(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** ‖a − b‖₂ (NaN when either holds a NaN). */
    public static double distance(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** {@link FftReference#errorBound}. */
    public static double bound(FftSpec spec, double[] x) {
        return FftReference.errorBound(spec, x);
    }

    interface Visit {
        void at(long logical, long element);
    }

    static void forEach(long[] shape, long[] strides, long offset, Visit visit) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        long[] idx = new long[shape.length];
        for (long c = 0; c < count; c++) {
            long at = offset;
            for (int d = 0; d < shape.length; d++) {
                at += idx[d] * strides[d];
            }
            visit.at(c, at);
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}
