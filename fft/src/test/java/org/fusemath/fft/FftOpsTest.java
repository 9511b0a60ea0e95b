package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/** numpy.fft's semantics: values NumPy prints, crop/pad, axes defaults, dtypes, and the DFT's identities. */
class FftOpsTest {
    private static final double TOL = 1e-13;

    private static HostTensor f64(long[] shape, double... v) {
        return HostTensor.of(DType.F64, shape, v);
    }

    private static double[] d(HostTensor t) {
        return t.array() instanceof double[] a ? a : FftTesting.widen((float[]) t.array());
    }

    @Test
    void smallCasesMatchTheValuesNumpyPrints() {
        HostTensor x = f64(new long[] {4}, 1, 2, 3, 4);
        // np.fft.fft([1,2,3,4]) = [10, -2+2j, -2, -2-2j]
        assertArrayEquals(new double[] {10, 0, -2, 2, -2, 0, -2, -2}, d(FftOps.fft(x)), TOL);
        // np.fft.fft([1,2,3,4], n=2) = [3, -1]; n=6 pads with zeros
        assertArrayEquals(new double[] {3, 0, -1, 0}, d(FftOps.fft(x, 2L, -1, null)), TOL);
        assertArrayEquals(d(FftOps.fft(f64(new long[] {6}, 1, 2, 3, 4, 0, 0))), d(FftOps.fft(x, 6L, 0, null)), TOL);
        // np.fft.rfft([1,2,3,4]) = [10, -2+2j, -2]
        HostTensor r = FftOps.rfft(x);
        assertArrayEquals(new long[] {3}, r.shape());
        assertEquals(DType.C128, r.dtype());
        assertArrayEquals(new double[] {10, 0, -2, 2, -2, 0}, d(r), TOL);
        // np.fft.irfft(rfft(x)) = x (n = 2(m-1) = 4); np.fft.ifft(fft(x)) = x
        assertArrayEquals(new double[] {1, 2, 3, 4}, d(FftOps.irfft(r)), TOL);
        assertArrayEquals(new double[] {1, 0, 2, 0, 3, 0, 4, 0}, d(FftOps.ifft(FftOps.fft(x))), TOL);
        // np.fft.fft([1,2,3,4], norm="ortho") = fft / 2; norm="forward" = fft / 4
        assertArrayEquals(new double[] {5, 0, -1, 1, -1, 0, -1, -1}, d(FftOps.fft(x, null, -1, FftNorm.ORTHO)), TOL);
        assertArrayEquals(new double[] {2.5, 0, -.5, .5, -.5, 0, -.5, -.5}, d(FftOps.fft(x, null, -1, FftNorm.FORWARD)), TOL);
    }

    @Test
    void singlePrecisionStaysSingleAsInNumpy2() {
        HostTensor x = HostTensor.of(DType.F32, new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(DType.C64, FftOps.fft(x).dtype());
        assertEquals(DType.C64, FftOps.rfftn(x).dtype());
        assertEquals(DType.F32, FftOps.irfft(FftOps.rfft(x)).dtype());
        assertEquals(DType.C128, FftOps.fft(f64(new long[] {1}, 1)).dtype());
    }

    @Test
    void oddIrfftLengthsAndCroppedOrPaddedSpectraFollowNumpy() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = FftTesting.random(rng, 7);
        HostTensor spec = FftOps.rfft(f64(new long[] {7}, x));
        assertArrayEquals(new long[] {4}, spec.shape());
        assertArrayEquals(x, d(FftOps.irfft(spec, 7L, -1, null)), TOL);
        // irfft(X, n=10) zero-pads X to 6 entries; irfft(X, n=3) crops it to 2.
        double[] padded = new double[12];
        System.arraycopy(d(spec), 0, padded, 0, 8);
        assertArrayEquals(d(FftOps.irfft(HostTensor.of(DType.C128, new long[] {6}, padded))),
                d(FftOps.irfft(spec, 10L, -1, null)), TOL);
        double[] cropped = java.util.Arrays.copyOf(d(spec), 4);
        assertArrayEquals(d(FftOps.irfft(HostTensor.of(DType.C128, new long[] {2}, cropped), 3L, -1, null)),
                d(FftOps.irfft(spec, 3L, -1, null)), TOL);
    }

    @Test
    void axesDefaultsAreNumpysAndEveryFormMatchesTheDirectDft() {
        SplittableRandom rng = new SplittableRandom(2);
        long[] shape = {3, 4, 5};
        double[] x = FftTesting.random(rng, 60);
        HostTensor t = f64(shape, x);
        FftSpec lastTwo = FftSpec.builder(FftKind.R2C, DType.F64, shape).axes(1, 2).build();
        assertArrayEquals(FftReference.transform(lastTwo, x), d(FftOps.rfft2(t)), 1e-12);
        FftSpec all = FftSpec.builder(FftKind.R2C, DType.F64, shape).build();
        assertArrayEquals(FftReference.transform(all, x), d(FftOps.rfftn(t)), 1e-12);
        // fftn with s only transforms the last len(s) axes, cropping axis 2 to 3 points.
        HostTensor cropped = FftOps.fftn(t, new long[] {4, 3}, null, null);
        assertArrayEquals(new long[] {3, 4, 3}, cropped.shape());
        assertArrayEquals(d(FftOps.fftn(t, new long[] {4, 3}, new int[] {1, 2}, null)), d(cropped), 0.0);
        HostTensor back = FftOps.irfftn(FftOps.rfftn(t, null, new int[] {0, 2}, null), new long[] {3, 5}, new int[] {0, 2}, null);
        assertArrayEquals(x, d(back), 1e-14);
        HostTensor c = FftOps.fft2(t, null, new int[] {0, 2}, FftNorm.ORTHO);
        assertArrayEquals(x, realParts(d(FftOps.ifft2(c, null, new int[] {0, 2}, FftNorm.ORTHO))), 1e-14);
    }

    @Test
    void aFortranOrderInputGivesTheSameValuesAsItsCOrderCopy() {
        SplittableRandom rng = new SplittableRandom(3);
        HostTensor f = HostTensor.of(DType.C128, new long[] {4, 6}, true, FftTesting.random(rng, 48));
        assertArrayEquals(d(FftOps.fft2(f.toCOrder())), d(FftOps.fft2(f)), 0.0);
        assertArrayEquals(d(FftOps.ifft(f.toCOrder(), 3L, 0, null)), d(FftOps.ifft(f, 3L, 0, null)), 0.0);
    }

    @Test
    void parsevalLinearityShiftAndHermitianSymmetryHold() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 97;
        double[] x = FftTesting.random(rng, 2 * n);
        double[] y = FftTesting.random(rng, 2 * n);
        double[] fx = d(FftOps.fft(HostTensor.of(DType.C128, new long[] {n}, x), null, -1, FftNorm.ORTHO));
        double tol = FftTesting.C * 0x1p-52 * Math.log(n) / Math.log(2) * FftTesting.norm2(x);
        assertEquals(FftTesting.norm2(x), FftTesting.norm2(fx), tol, "Parseval (ortho is unitary)");
        // linearity: fft(2x + 3y) = 2 fft(x) + 3 fft(y)
        double[] comb = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            comb[i] = 2 * x[i] + 3 * y[i];
        }
        double[] fc = d(FftOps.fft(HostTensor.of(DType.C128, new long[] {n}, comb)));
        double[] fx1 = d(FftOps.fft(HostTensor.of(DType.C128, new long[] {n}, x)));
        double[] fy1 = d(FftOps.fft(HostTensor.of(DType.C128, new long[] {n}, y)));
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(2 * fx1[i] + 3 * fy1[i], fc[i], 1e-12);
        }
        // shift theorem: fft(roll(x, s))[k] = fft(x)[k] · e^{-2πi·ks/n}
        int s = 5;
        double[] rolled = new double[2 * n];
        for (int j = 0; j < n; j++) {
            rolled[2 * ((j + s) % n)] = x[2 * j];
            rolled[2 * ((j + s) % n) + 1] = x[2 * j + 1];
        }
        double[] fr = d(FftOps.fft(HostTensor.of(DType.C128, new long[] {n}, rolled)));
        for (int k = 0; k < n; k++) {
            double a = -2 * Math.PI * ((long) k * s % n) / n;
            double re = fx1[2 * k] * Math.cos(a) - fx1[2 * k + 1] * Math.sin(a);
            double im = fx1[2 * k] * Math.sin(a) + fx1[2 * k + 1] * Math.cos(a);
            assertEquals(re, fr[2 * k], 1e-12);
            assertEquals(im, fr[2 * k + 1], 1e-12);
        }
        // Hermitian symmetry: the full transform of real data is conjugate-symmetric and rfft is its first half.
        double[] real = FftTesting.random(rng, n);
        double[] full = d(FftOps.fft(f64(new long[] {n}, real)));
        double[] half = d(FftOps.rfft(f64(new long[] {n}, real)));
        for (int k = 1; k < n; k++) {
            assertEquals(full[2 * k], full[2 * (n - k)], 1e-12);
            assertEquals(full[2 * k + 1], -full[2 * (n - k) + 1], 1e-12);
        }
        assertArrayEquals(java.util.Arrays.copyOf(full, 2 * (n / 2 + 1)), half, 1e-12);
        assertEquals(0.0, half[1], 0.0, "Im X0 of real data");
    }

    @Test
    void repeatedCallsHitThePlanCacheWhichStaysBounded() {
        FftPlanCache cache = FftPlanCache.shared();
        HostTensor x = f64(new long[] {2, 33}, FftTesting.random(new SplittableRandom(5), 66));
        long hits = cache.hits();
        long misses = cache.misses();
        FftOps.rfft(x, null, 1, FftNorm.FORWARD);
        FftOps.rfft(x, null, 1, FftNorm.FORWARD);
        FftOps.rfft(x, null, 1, FftNorm.FORWARD);
        assertTrue(cache.misses() - misses <= 1, "one plan at most");
        assertTrue(cache.hits() - hits >= 2, "later calls hit");
        FftPlanCache small = new FftPlanCache(2);
        org.fusemath.fft.spi.FftProvider p = Providers.host("jtransforms", org.fusemath.api.Execution.HOST);
        for (int n = 1; n <= 5; n++) {
            small.lease(FftSpec.builder(FftKind.C2C, DType.F64, n).build(), p, 1).close();
        }
        assertEquals(2, small.size());
        assertEquals(5, small.misses());
        small.lease(FftSpec.builder(FftKind.C2C, DType.F64, 5).build(), p, 1).close();
        assertEquals(1, small.hits());
    }

    @Test
    void aComplexCallRunsOnACopyAndLeavesItsInputAsItWas() {
        double[] v = FftTesting.random(new SplittableRandom(9), 2 * 3 * 16);
        double[] before = v.clone();
        HostTensor x = HostTensor.of(DType.C128, new long[] {3, 16}, v);
        org.fusemath.fft.spi.FftPlan plan = Fft.plan(FftSpec.builder(FftKind.C2C, DType.F64, 3, 16).axes(1)
                .direction(FftDirection.INVERSE).norm(FftNorm.ORTHO).build(), FftOptions.defaults());
        double[] expected = new double[v.length];
        plan.execute(v, expected);
        plan.close();
        HostTensor first = FftOps.ifft(x, null, -1, FftNorm.ORTHO);
        HostTensor second = FftOps.ifft(x, null, -1, FftNorm.ORTHO);
        assertArrayEquals(before, v, 0.0, "input untouched");
        assertArrayEquals(expected, d(first), 0.0, "same as the out-of-place plan, bit for bit");
        assertArrayEquals(expected, d(second), 0.0);
        assertTrue(first.array() != second.array() && first.array() != v, "a fresh result each call");
    }

    private static double[] realParts(double[] z) {
        double[] r = new double[z.length / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = z[2 * i];
        }
        return r;
    }
}
