package org.fusemath.blas.host;

import java.util.Arrays;
import org.fusemath.api.DType;

/**
 * Moves runs of values between the caller's {@code float[]}/{@code double[]} arrays and {@code double[]}
 * work rows, so that element-wise kernels are written once, in double precision, for both real types.
 */
final class HostArrays {
    private HostArrays() {
    }

    /** dst[dstFrom, +n) = src[from, +n) widened to double. */
    static void toDoubles(Object src, int from, double[] dst, int dstFrom, int n) {
        if (src instanceof double[] d) {
            System.arraycopy(d, from, dst, dstFrom, n);
        } else {
            float[] f = (float[]) src;
            for (int j = 0; j < n; j++) {
                dst[dstFrom + j] = f[from + j];
            }
        }
    }

    /** dst[from, +n) = src[srcFrom, +n), rounded to float when dst is a float[]. */
    static void fromDoubles(double[] src, int srcFrom, Object dst, int from, int n) {
        if (dst instanceof double[] d) {
            System.arraycopy(src, srcFrom, d, from, n);
        } else {
            float[] f = (float[]) dst;
            for (int j = 0; j < n; j++) {
                f[from + j] = (float) src[srcFrom + j];
            }
        }
    }

    /** An array of {@code n} ones of t's array type. */
    static Object ones(DType t, int n) {
        if (t.isSinglePrecision()) {
            float[] f = new float[n * t.slotsPerElement()];
            for (int i = 0; i < f.length; i += t.slotsPerElement()) {
                f[i] = 1;
            }
            return f;
        }
        double[] d = new double[n * t.slotsPerElement()];
        for (int i = 0; i < d.length; i += t.slotsPerElement()) {
            d[i] = 1;
        }
        return d;
    }

    /** Sets slots [from, +count) to zero. */
    static void zero(Object array, int from, int count) {
        if (array instanceof double[] d) {
            Arrays.fill(d, from, from + count, 0.0);
        } else {
            Arrays.fill((float[]) array, from, from + count, 0f);
        }
    }

    /** y = beta·y over n elements of t at increment inc (|inc| ≥ 1) from slot {@code from}; beta = 0 writes zeros. */
    static void scale(DType t, Object y, int from, int n, int inc, double betaRe, double betaIm) {
        int s = t.slotsPerElement();
        int step = Math.abs(inc) * s;
        for (int e = 0, i = from; e < n; e++, i += step) {
            if (s == 1) {
                set(y, i, betaRe == 0 ? 0 : betaRe * get(y, i));
            } else if (betaRe == 0 && betaIm == 0) {
                set(y, i, 0);
                set(y, i + 1, 0);
            } else {
                double re = get(y, i);
                double im = get(y, i + 1);
                set(y, i, betaRe * re - betaIm * im);
                set(y, i + 1, betaRe * im + betaIm * re);
            }
        }
    }

    private static double get(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    private static void set(Object a, int i, double v) {
        if (a instanceof double[] d) {
            d[i] = v;
        } else {
            ((float[]) a)[i] = (float) v;
        }
    }
}
