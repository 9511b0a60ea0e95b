package org.fusemath.fft.host;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One thread's JTransforms objects (one per transform length) and work line. JTransforms' plan objects are not
 * safe to share across threads, so a plan lends each running chunk its own set and takes it back afterwards.
 */
final class LineKernels {
    private final Map<Integer, DoubleFFT_1D> ffts = new HashMap<>();
    private final double[] work;
    private final Map<Integer, Double> gains = new HashMap<>();

    LineKernels(int maxLength) {
        work = new double[2 * Math.max(1, maxLength)];
    }

    private int lastLength = -1;
    private DoubleFFT_1D last;

    DoubleFFT_1D fft(int n) {
        // Every line of a pass has one length: remember it rather than box and hash it per line.
        if (n != lastLength) {
            last = ffts.computeIfAbsent(n, DoubleFFT_1D::new);
            lastLength = n;
        }
        return last;
    }

    double[] work() {
        return work;
    }

    /** Runs {@code pass} on one line at element offsets {@code from} (source) and {@code to} (target). */
    void run(LinePass pass, Object source, long from, Object target, long to) {
        switch (pass.type()) {
            case C2C -> c2c(pass, source, from, target, to);
            case R2C -> r2c(pass, source, from, target, to);
            case C2R -> c2r(pass, source, from, target, to);
        }
    }

    private void c2c(LinePass p, Object source, long from, Object target, long to) {
        int n = p.n();
        if (target instanceof double[] t && p.targetStride() == 1) {
            // Zero-copy: the line is contiguous where it must end up, so JTransforms works there in place.
            int slot = (int) (2 * to);
            if (source instanceof double[] s && p.sourceStride() == 1) {
                if (s != t || from != to) {
                    System.arraycopy(s, (int) (2 * from), t, slot, 2 * n);
                }
            } else {
                Lines.gatherComplex(source, from, p.sourceStride(), n, work);
                System.arraycopy(work, 0, t, slot, 2 * n);
            }
            if (n > 1) {
                if (p.sign() < 0) {
                    fft(n).complexForward(t, slot);
                } else {
                    fft(n).complexInverse(t, slot, false);
                }
            }
            Lines.scale(t, slot, 2 * n, p.scale());
            return;
        }
        Lines.gatherComplex(source, from, p.sourceStride(), n, work);
        if (n > 1) {
            if (p.sign() < 0) {
                fft(n).complexForward(work);
            } else {
                fft(n).complexInverse(work, false);
            }
        }
        Lines.scatterComplex(work, n, p.scale(), target, to, p.targetStride());
    }

    /**
     * R2C. JTransforms' real transform where it is accurate: powers of two (split radix), lengths of factors 2, 3 and 5
     * only (its butterflies) and lengths it runs by Bluestein's algorithm (a remainder of 211 or more after those
     * factors: a complex convolution). Other lengths take a complex transform of the zero-extended line, because the
     * real path's generic radix (recurrence twiddles) for a prime factor from 7 to 199 loses about two digits (measured:
     * length 97, 1.5e-13 from the complex path's result on |X| ~ 6, against 5e-15 between the complex path and a direct
     * DFT; lengths 15, 60, 211, 1000, 9972, 9973: within 2.5e-14 of the complex path).
     */
    private void r2c(LinePass p, Object source, long from, Object target, long to) {
        int n = p.n();
        int m = p.halfLength();
        double[] w = work;
        Lines.gatherReal(source, from, p.sourceStride(), n, w);
        if (n == 1) {
            w[1] = 0;
        } else if (n % 2 == 0 && realForwardIsAccurate(n)) {
            // JTransforms' packed half spectrum, unpacked into (re, im) pairs: w[0] = Re X0, w[1] = Re X(n/2),
            // w[2k], w[2k+1] = X(k) otherwise.
            fft(n).realForward(w);
            w[2 * (m - 1)] = w[1];
            w[2 * (m - 1) + 1] = 0;
            w[1] = 0;
        } else if (realForwardIsAccurate(n)) {
            // Odd n: w[0] = Re X0, w[1] = Im X((n-1)/2), w[n-1] = Re X((n-1)/2), w[2k], w[2k+1] = X(k) otherwise.
            fft(n).realForward(w);
            w[n] = w[1];
            w[1] = 0;
        } else {
            for (int j = n - 1; j >= 0; j--) {
                w[2 * j] = w[j];
                w[2 * j + 1] = 0;
            }
            fft(n).complexForward(w);
        }
        Lines.scatterComplex(w, m, p.scale(), target, to, p.targetStride());
    }

    /**
     * C2R. The imaginary parts of X0 and, for even n, X(n/2) are dropped, as a real signal's spectrum has none (NumPy
     * and FFTW ignore them). Powers of two take JTransforms' real inverse, whose unscaled result is n/2 times the
     * inverse DFT there (n times for other lengths): the gain is measured once per length and divided out. Other
     * lengths extend the half spectrum to the full Hermitian one and take the complex inverse, for the accuracy
     * reason {@link #r2c} gives.
     */
    private void c2r(LinePass p, Object source, long from, Object target, long to) {
        int n = p.n();
        int m = p.halfLength();
        double[] w = work;
        Lines.gatherComplex(source, from, p.sourceStride(), m, w);
        if (n == 1) {
            Lines.scatterReal(w, 1, p.scale(), target, to, p.targetStride());
            return;
        }
        if (Integer.bitCount(n) == 1) {
            w[1] = w[2 * (m - 1)];
            fft(n).realInverse(w, false);
            Lines.scatterReal(w, n, p.scale() * realInverseGain(n), target, to, p.targetStride());
            return;
        }
        w[1] = 0;
        if (n % 2 == 0) {
            w[n + 1] = 0;
        }
        for (int k = m; k < n; k++) {
            w[2 * k] = w[2 * (n - k)];
            w[2 * k + 1] = -w[2 * (n - k) + 1];
        }
        fft(n).complexInverse(w, false);
        for (int j = 0; j < n; j++) {
            w[j] = w[2 * j];
        }
        Lines.scatterReal(w, n, p.scale(), target, to, p.targetStride());
    }

    private static final int[] BUTTERFLIES = {4, 2, 3, 5};

    /**
     * Whether JTransforms' real forward transform of length {@code n} is as accurate as its complex one: what is left
     * of {@code n} after its radix-4, 2, 3 and 5 butterflies is 1, or at least 211, where JTransforms switches to
     * Bluestein's algorithm (its {@code DoubleFFT_1D} constructor's rule).
     */
    static boolean realForwardIsAccurate(int n) {
        int r = n;
        for (int f : BUTTERFLIES) {
            while (r % f == 0) {
                r /= f;
            }
        }
        return r == 1 || r >= 211;
    }

    /** 1 / (JTransforms' unscaled real inverse of the unit spectrum at index 0), which should be 1. */
    double realInverseGain(int n) {
        Double g = gains.get(n);
        if (g == null) {
            g = measureRealInverseGain(fft(n), n);
            gains.put(n, g);
        }
        return g;
    }

    /** Runs JTransforms' unscaled real inverse on the spectrum X = (1, 0, ..., 0), whose exact inverse is all ones. */
    static double measureRealInverseGain(DoubleFFT_1D fft, int n) {
        double[] unit = new double[n];
        unit[0] = 1;
        fft.realInverse(unit, false);
        return 1.0 / unit[0];
    }
}
