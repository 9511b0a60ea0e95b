package org.fusemath.fusion;

import java.util.Random;

/** Seeded test arrays. */
final class Data {
    private Data() {
    }

    static double[] doubles(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    static float[] floats(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** (|A|·|B|)[i, j] for row-major A (m×k) and B (k×n): the scale of a GEMM's rounding error. */
    static double[] absProduct(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += Math.abs(a[i * k + p] * b[p * n + j]);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static double get(Object array, int i) {
        return array instanceof float[] f ? f[i] : ((double[]) array)[i];
    }
}
