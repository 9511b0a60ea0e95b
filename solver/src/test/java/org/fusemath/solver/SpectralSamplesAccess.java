package org.fusemath.solver;

import org.fusemath.api.HostMatrix;

/** Reads and writes single elements of test matrices. */
final class SpectralSamplesAccess {
    private SpectralSamplesAccess() {
    }

    /** A real k×1 result as doubles. */
    static double[] reals(HostMatrix m) {
        int k = (int) m.shape().rows();
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = LinalgTest.re(m, i, 0);
        }
        return out;
    }

    /** Σ λ and Σ λ² (real and imaginary parts of the first, magnitude-insensitive to order) of a complex k×1 result. */
    static double[] moments(HostMatrix w) {
        double sr = 0;
        double s2 = 0;
        for (int i = 0; i < w.shape().rows(); i++) {
            double re = LinalgTest.re(w, i, 0);
            double im = LinalgTest.im(w, i, 0);
            sr += re;
            s2 += re * re - im * im;
        }
        return new double[] {sr, s2};
    }

    /** Sets the real part of element (i, j) (and the imaginary part too for complex types). */
    static void put(HostMatrix m, int i, int j, double v) {
        int at = (int) (m.shape().indexOf(0, i, j) * m.dtype().slotsPerElement());
        LinalgTest.set(m.array(), at, v);
        if (m.dtype().isComplex()) {
            LinalgTest.set(m.array(), at + 1, v);
        }
    }
}
