package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.CMatrixRMaj;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/**
 * EJML matrices through the function forms: the same bits as {@link FftOps} on the same data, the direct DFT within
 * the error bound, round trips, the {@code out=} rules and the bad-argument checks.
 */
class EjmlFftTest {
    private static final SplittableRandom RNG = new SplittableRandom(20261201);

    private static ZMatrixRMaj complex(int rows, int cols) {
        return new ZMatrixRMaj(rows, cols, true, FftTesting.random(RNG, 2 * rows * cols));
    }

    private static DMatrixRMaj real(int rows, int cols) {
        return DMatrixRMaj.wrap(rows, cols, FftTesting.random(RNG, rows * cols));
    }

    /**
     * A forward-backward pair's error bound: each transform's c·ε·max(1, log2 n)·g·‖x‖ (gains √n and 1/√n), so
     * twice that on ‖x‖.
     */
    private static double roundTrip(long points, double[] x, double eps) {
        return 2 * FftTesting.C * eps * Math.max(1, Math.log(points) / Math.log(2)) * FftTesting.norm2(x) + Double.MIN_NORMAL;
    }

    private static final double EPS64 = 0x1p-52;

    private static HostTensor tensor(DType t, int rows, int cols, Object data) {
        return HostTensor.of(t, new long[] {rows, cols}, data);
    }

    @Test
    void complexTransformsAlongEitherAxisAreFftOpsBitForBitAndMatchTheDirectDft() {
        for (int[] rc : new int[][] {{1, 1}, {3, 5}, {8, 6}, {7, 13}}) {
            int rows = rc[0];
            int cols = rc[1];
            ZMatrixRMaj a = complex(rows, cols);
            double[] before = a.data.clone();
            for (int axis : new int[] {0, 1, -1}) {
                ZMatrixRMaj y = EjmlFft.fft(a, axis);
                HostTensor expected = FftOps.fft(tensor(DType.C128, rows, cols, a.data), null, axis, null);
                assertArrayEquals((double[]) expected.array(), y.data, "bits, axis " + axis);
                assertEquals(rows, y.numRows);
                assertEquals(cols, y.numCols);
                FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, rows, cols).axes(axis < 0 ? axis + 2 : axis).build();
                double[] ref = FftReference.transform(spec, a.data);
                assertTrue(FftTesting.distance(ref, y.data) <= FftTesting.bound(spec, a.data),
                        "direct DFT, " + rows + "x" + cols + " axis " + axis);
                ZMatrixRMaj back = EjmlFft.ifft(y, axis);
                assertTrue(FftTesting.distance(back.data, a.data) <= roundTrip(axis == 0 ? rows : cols, a.data, EPS64),
                        "round trip");
            }
            assertArrayEquals(before, a.data, "the input is untouched");
        }
    }

    @Test
    void fft2AndIfft2MatchFftOpsAndTheDirectDftWithCropAndPad() {
        ZMatrixRMaj a = complex(6, 9);
        ZMatrixRMaj y = EjmlFft.fft2(a);
        assertArrayEquals((double[]) FftOps.fft2(tensor(DType.C128, 6, 9, a.data)).array(), y.data);
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 6, 9).build();
        assertTrue(FftTesting.distance(FftReference.transform(spec, a.data), y.data) <= FftTesting.bound(spec, a.data));
        // s crops the rows and zero-pads the columns, as NumPy does; ortho norm.
        long[] s = {4, 11};
        ZMatrixRMaj z = EjmlFft.fft2(a, s, FftNorm.ORTHO, null);
        assertEquals(4, z.numRows);
        assertEquals(11, z.numCols);
        assertArrayEquals((double[]) FftOps.fft2(tensor(DType.C128, 6, 9, a.data), s, new int[] {0, 1}, FftNorm.ORTHO).array(), z.data);
        ZMatrixRMaj back = EjmlFft.ifft2(y);
        assertArrayEquals((double[]) FftOps.ifft2(tensor(DType.C128, 6, 9, y.data)).array(), back.data);
        assertTrue(FftTesting.distance(back.data, a.data) <= roundTrip(6 * 9, a.data, EPS64), "round trip");
    }

    @Test
    void realTransformsHaveNumpysShapesAndRoundTripOddAndEven() {
        for (int cols : new int[] {1, 2, 7, 10}) {
            DMatrixRMaj x = real(5, cols);
            ZMatrixRMaj h = EjmlFft.rfft2(x);
            assertEquals(5, h.numRows);
            assertEquals(cols / 2 + 1, h.numCols);
            assertArrayEquals((double[]) FftOps.rfft2(tensor(DType.F64, 5, cols, x.data)).array(), h.data);
            FftSpec spec = FftSpec.builder(FftKind.R2C, DType.F64, 5, cols).build();
            assertTrue(FftTesting.distance(FftReference.transform(spec, x.data), h.data) <= FftTesting.bound(spec, x.data));
            DMatrixRMaj back = EjmlFft.irfft2(h, cols);
            assertEquals(5, back.numRows);
            assertEquals(cols, back.numCols);
            assertTrue(FftTesting.distance(back.data, x.data) <= roundTrip(5L * cols, x.data, EPS64), "round trip, cols " + cols);
            // Along the columns (axis 0) as well: m = rows/2+1 rows.
            ZMatrixRMaj c = EjmlFft.rfft(x, 0);
            assertEquals(3, c.numRows);
            assertEquals(cols, c.numCols);
            assertArrayEquals((double[]) FftOps.rfft(tensor(DType.F64, 5, cols, x.data), null, 0, null).array(), c.data);
            DMatrixRMaj col = EjmlFft.irfft(c, 5, 0);
            assertTrue(FftTesting.distance(col.data, x.data) <= roundTrip(5, x.data, EPS64), "column round trip");
        }
    }

    @Test
    void singlePrecisionTwinsAreFftOpsBitForBit() {
        float[] zf = FftTesting.narrow(FftTesting.random(RNG, 2 * 4 * 6));
        CMatrixRMaj a = new CMatrixRMaj(4, 6, true, zf);
        assertArrayEquals((float[]) FftOps.fft(tensor(DType.C64, 4, 6, zf), null, 0, null).array(), EjmlFft.fft(a, 0).data);
        assertArrayEquals((float[]) FftOps.ifft(tensor(DType.C64, 4, 6, zf), null, 1, null).array(), EjmlFft.ifft(a, 1).data);
        assertArrayEquals((float[]) FftOps.fft2(tensor(DType.C64, 4, 6, zf)).array(), EjmlFft.fft2(a).data);
        assertArrayEquals((float[]) FftOps.ifft2(tensor(DType.C64, 4, 6, zf)).array(), EjmlFft.ifft2(a).data);
        float[] rf = FftTesting.narrow(FftTesting.random(RNG, 4 * 7));
        FMatrixRMaj x = FMatrixRMaj.wrap(4, 7, rf);
        CMatrixRMaj h = EjmlFft.rfft2(x);
        assertEquals(4, h.numCols);
        assertArrayEquals((float[]) FftOps.rfft2(tensor(DType.F32, 4, 7, rf)).array(), h.data);
        assertArrayEquals((float[]) FftOps.rfft(tensor(DType.F32, 4, 7, rf), null, 1, null).array(), EjmlFft.rfft(x, 1).data);
        FMatrixRMaj back = EjmlFft.irfft2(h, 7);
        assertArrayEquals((float[]) FftOps.irfft2(tensor(DType.C64, 4, 4, h.data), new long[] {4, 7}, new int[] {0, 1}, null).array(),
                back.data);
        assertArrayEquals((float[]) FftOps.irfft(tensor(DType.C64, 4, 4, h.data), 7L, 1, null).array(),
                EjmlFft.irfft(h, 7, 1).data);
        double err = FftTesting.distance(FftTesting.widen(back.data), FftTesting.widen(rf));
        assertTrue(err <= roundTrip(4 * 7, FftTesting.widen(rf), 0x1p-23), "F32 round trip " + err);
    }

    @Test
    void outReceivesTheResultInItsOwnArrayAndMayBeTheInput() {
        ZMatrixRMaj a = complex(4, 5);
        double[] expected = EjmlFft.fft2(a).data;
        ZMatrixRMaj out = new ZMatrixRMaj(4, 5);
        double[] storage = out.data;
        assertSame(out, EjmlFft.fft2(a, null, null, out));
        assertSame(storage, out.data, "no new array");
        assertArrayEquals(expected, out.data);
        // In place: out is a itself.
        ZMatrixRMaj b = a.copy();
        assertSame(b, EjmlFft.fft2(b, null, null, b));
        assertArrayEquals(expected, b.data);
        // Real output too.
        DMatrixRMaj x = real(3, 6);
        DMatrixRMaj r = new DMatrixRMaj(3, 6);
        ZMatrixRMaj h = EjmlFft.rfft2(x);
        assertSame(r, EjmlFft.irfft2(h, null, FftNorm.BACKWARD, r));
        assertArrayEquals(EjmlFft.irfft2(h, 6).data, r.data);
    }

    @Test
    void matricesReshapedSmallerUseTheirLeadingElements() {
        ZMatrixRMaj a = complex(6, 6);
        a.reshape(3, 4); // EJML keeps the 72-slot array for the 24 slots now in use
        assertTrue(a.data.length > 2 * 12);
        double[] used = Arrays.copyOf(a.data, 24);
        double[] expected = (double[]) FftOps.fft(tensor(DType.C128, 3, 4, used), null, 1, null).array();
        ZMatrixRMaj y = EjmlFft.fft(a, 1);
        assertArrayEquals(expected, y.data);
        ZMatrixRMaj out = new ZMatrixRMaj(5, 5);
        out.reshape(3, 4);
        double[] storage = out.data;
        Arrays.fill(storage, 24, storage.length, 7.0);
        EjmlFft.fft(a, null, 1, null, out);
        assertSame(storage, out.data);
        assertArrayEquals(expected, Arrays.copyOf(out.data, 24));
        for (int i = 24; i < storage.length; i++) {
            assertEquals(7.0, storage[i], "slots past the shape are left alone");
        }
        // In place on such a matrix.
        EjmlFft.fft(a, null, 1, null, a);
        assertArrayEquals(expected, Arrays.copyOf(a.data, 24));
    }

    @Test
    void badArgumentsAreRejectedNamingTheArgumentBeforeAnythingIsWritten() {
        ZMatrixRMaj a = complex(4, 5);
        ZMatrixRMaj wrong = new ZMatrixRMaj(4, 4);
        double[] before = wrong.data.clone();
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class, () -> EjmlFft.fft2(a, null, null, wrong));
        assertTrue(shape.getMessage().contains("out"), shape.getMessage());
        assertArrayEquals(before, wrong.data);
        assertThrows(ShapeMismatchException.class, () -> EjmlFft.rfft2(real(4, 6), null, null, new ZMatrixRMaj(4, 6)));
        InvalidArgumentException n = assertThrows(InvalidArgumentException.class, () -> EjmlFft.fft(a, 0L, 1, null, null));
        assertEquals("n", n.argument());
        assertThrows(InvalidArgumentException.class, () -> EjmlFft.fft(a, 2));
        assertThrows(InvalidArgumentException.class, () -> EjmlFft.fft(a, -3));
        InvalidArgumentException nul = assertThrows(InvalidArgumentException.class, () -> EjmlFft.fft((ZMatrixRMaj) null, 0));
        assertEquals("a", nul.argument());
        // irfft of one column gives 2(m-1) = 0 points: NumPy's error, asking for n.
        assertThrows(InvalidArgumentException.class, () -> EjmlFft.irfft2(complex(3, 1), null, null, null));
        // A matrix whose array is shorter than its shape (fields set by hand).
        ZMatrixRMaj broken = new ZMatrixRMaj(2, 2);
        broken.numCols = 3;
        InvalidArgumentException data = assertThrows(InvalidArgumentException.class, () -> EjmlFft.fft2(broken));
        assertEquals("a.data", data.argument());
        assertNotSame(a.data, EjmlFft.fft2(a).data, "a fresh result never aliases the input");
    }

    @Test
    void contextFormsHonourTheThreadCountAndGiveTheFormsWithoutAContextsBits() {
        int threads = FuseContext.defaults().threads() + 2;
        FuseContext context = FuseContext.builder().threads(threads).build();
        // A shape no other test uses, so that the shared plan cache's counts are this call's.
        ZMatrixRMaj a = complex(9, 17);
        ZMatrixRMaj plain = EjmlFft.fft(a, 1);
        long misses = FftPlanCache.shared().misses();
        ZMatrixRMaj y = EjmlFft.fft(context, a, null, 1, null, null);
        assertEquals(misses + 1, FftPlanCache.shared().misses(), "another thread count is another plan");
        long hits = FftPlanCache.shared().hits();
        ZMatrixRMaj again = EjmlFft.fft(context, a, null, 1, null, new ZMatrixRMaj(9, 17));
        assertEquals(misses + 1, FftPlanCache.shared().misses(), "the same context's plan is reused");
        assertEquals(hits + 1, FftPlanCache.shared().hits());
        assertArrayEquals(plain.data, y.data, 0.0);
        assertArrayEquals(plain.data, again.data, 0.0);

        DMatrixRMaj r = real(6, 10);
        assertArrayEquals(EjmlFft.rfft(r, 0).data, EjmlFft.rfft(context, r, null, 0, null, null).data, 0.0);
        assertArrayEquals(EjmlFft.rfft2(r).data, EjmlFft.rfft2(context, r, null, null, null).data, 0.0);
        ZMatrixRMaj half = EjmlFft.rfft2(r);
        assertArrayEquals(EjmlFft.irfft2(half, 10).data, EjmlFft.irfft2(context, half, new long[] {6, 10}, null, null).data, 0.0);
        assertArrayEquals(EjmlFft.ifft2(a).data, EjmlFft.ifft2(context, a, null, null, null).data, 0.0);
        FMatrixRMaj f = FMatrixRMaj.wrap(4, 6, FftTesting.narrow(FftTesting.random(RNG, 24)));
        CMatrixRMaj fc = EjmlFft.rfft(f, 1);
        assertArrayEquals(fc.data, EjmlFft.rfft(context, f, null, 1, null, null).data, 0.0f);
        assertArrayEquals(EjmlFft.irfft(fc, 6, 1).data, EjmlFft.irfft(context, fc, 6L, 1, null, null).data, 0.0f);
        assertArrayEquals(EjmlFft.fft2(fc).data, EjmlFft.fft2(context, fc, null, null, null).data, 0.0f);

        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> EjmlFft.fft((FuseContext) null, a, null, 1, null, null)).argument());
    }

    @Test
    void aDeviceContextWithoutAUsableDeviceRaisesTheProbesReasonBeforeAnythingRuns() {
        Optional<DeviceUnavailableException> probe = CudaProbe.get().failure(0, CudaLibrary.CUFFT);
        assumeTrue(probe.isPresent(), "a device with cuFFT is usable here; the GPU tests cover it");
        String reason = probe.get().getMessage();
        FuseContext onDevice = FuseContext.builder().execution(Execution.device()).build();
        ZMatrixRMaj a = complex(4, 6);
        double[] before = a.data.clone();
        ZMatrixRMaj out = new ZMatrixRMaj(4, 6);
        Arrays.fill(out.data, 7.0);
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> EjmlFft.fft(onDevice, a, null, 1, null, out)).getMessage());
        assertTrue(Arrays.stream(out.data).allMatch(v -> v == 7.0), "out was written");
        assertArrayEquals(before, a.data, 0.0);
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> EjmlFft.rfft2(onDevice, real(4, 6), null, null, null)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> EjmlFft.irfft(onDevice, new CMatrixRMaj(4, 4), 6L, 1, null, null)).getMessage());
    }
}
