package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: numpy.fft calls and a stateful {@link Fft} on device tensors (buffers from the cuda module's
 * stream-ordered pool) agree with the host path within twice the FFT error bound, the input tensor is unchanged
 * (C2R included), and the results live on the operand's device.
 */
@GpuTest(libraries = {CudaLibrary.CUFFT, CudaLibrary.NVRTC})
class FftDeviceOperandsGpuTest {
    private static CudaBuffer upload(CudaStream stream, HostTensor t) {
        CudaBuffer b = CudaBuffer.allocate(stream, t.dtype(), t.elementCount());
        b.copyFrom(stream, (double[]) t.array());
        return b;
    }

    private static double[] download(CudaStream stream, DeviceTensor t) {
        double[] out = new double[(int) (t.buffer().elementCount() * t.dtype().slotsPerElement())];
        ((CudaBuffer) t.buffer()).copyTo(stream, out);
        return out;
    }

    private static void assertClose(FftSpec spec, double[] x, HostTensor host, double[] device) {
        double error = FftTesting.distance((double[]) host.array(), device);
        double bound = 2 * FftTesting.bound(spec, x);
        assertTrue(error <= bound, "device - host " + error + " > " + bound + " for " + spec);
    }

    @Test
    void functionFormsOnDeviceTensorsMatchTheHost() {
        SplittableRandom rng = new SplittableRandom(31);
        try (CudaStream stream = CudaStream.create(0);
             FuseContext context = FuseContext.builder().execution(Execution.device(0)).stream(stream).build()) {
            double[] v = FftTesting.random(rng, 2 * 6 * 100);
            HostTensor x = HostTensor.of(DType.C128, new long[] {6, 100}, v);
            try (CudaBuffer in = upload(stream, x)) {
                DeviceTensor a = DeviceTensor.of(in, 6, 100);
                DeviceTensor y = FftOps.ifft(context, a, null, -1, FftNorm.BACKWARD, null);
                try (CudaBuffer result = (CudaBuffer) y.buffer()) {
                    assertEquals(0, y.deviceId());
                    FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 6, 100).axes(1)
                            .direction(FftDirection.INVERSE).build();
                    assertClose(spec, v, FftOps.ifft(x, null, -1, null), download(stream, y));
                    assertArrayEquals(v, download(stream, a), "the input is unchanged");
                }
                // irfft2 (cuFFT overwrites a C2R input: fusemath's device copy is transformed) into out=.
                try (CudaBuffer outBuffer = CudaBuffer.allocate(stream, DType.F64, 6 * 198)) {
                    DeviceTensor out = DeviceTensor.of(outBuffer, 6, 198);
                    FftOps.irfft2(context, a, null, null, FftNorm.ORTHO, out);
                    HostTensor host = FftOps.irfft2(x, null, null, FftNorm.ORTHO);
                    double[] got = download(stream, out);
                    double err = FftTesting.distance((double[]) host.array(), got);
                    assertTrue(err <= 1e-12 * FftTesting.norm2(v), "irfft2 device - host " + err);
                    assertArrayEquals(v, download(stream, a), "the C2R input is unchanged");
                }
            }
        }
    }

    @Test
    void zeroPaddedAndPromotedInputsAreStagedOnTheDeviceAndMatchTheHost() {
        SplittableRandom rng = new SplittableRandom(33);
        record Case(String name, DType type, boolean fortran, long[] shape, FftKind kind, FftDirection direction, long[] s,
                int[] axes, FftNorm norm) {
        }
        List<Case> cases = List.of(
                new Case("fft of a real array, padded", DType.F64, false, new long[] {6, 100}, FftKind.C2C, FftDirection.FORWARD, new long[] {128}, new int[] {-1}, FftNorm.BACKWARD),
                new Case("fft2 C128, axis 0 cropped, axis 1 padded", DType.C128, false, new long[] {9, 31}, FftKind.C2C, FftDirection.FORWARD, new long[] {7, 64}, null, FftNorm.ORTHO),
                new Case("ifftn of a real Fortran-order F32 array", DType.F32, true, new long[] {5, 6, 7}, FftKind.C2C, FftDirection.INVERSE, new long[] {8, 6, 9}, null, FftNorm.BACKWARD),
                new Case("rfft F32, padded", DType.F32, false, new long[] {4, 250}, FftKind.R2C, FftDirection.FORWARD, new long[] {301}, new int[] {-1}, FftNorm.FORWARD),
                new Case("irfft n > 2(m-1)", DType.C128, false, new long[] {3, 40}, FftKind.C2R, FftDirection.INVERSE, new long[] {101}, new int[] {-1}, FftNorm.BACKWARD),
                new Case("irfft2 C64, axis 0 padded, half spectrum cropped", DType.C64, false, new long[] {5, 33}, FftKind.C2R, FftDirection.INVERSE, new long[] {8, 40}, null, FftNorm.ORTHO));
        try (CudaStream stream = CudaStream.create(0);
             FuseContext context = FuseContext.builder().execution(Execution.device(0)).stream(stream).build()) {
            for (Case c : cases) {
                long count = 1;
                for (long d : c.shape()) {
                    count *= d;
                }
                double[] v = FftTesting.random(rng, (int) count * c.type().slotsPerElement());
                HostTensor x = HostTensor.of(c.type(), c.shape(), c.fortran(), c.type().isSinglePrecision() ? FftTesting.narrow(v) : v);
                double[] xv = x.array() instanceof double[] d ? d : FftTesting.widen((float[]) x.array());
                HostTensor host = NumpyCall.run(x, c.kind(), c.direction(), c.s(), c.axes(), c.norm(), FftOptions.defaults());
                try (CudaBuffer in = CudaBuffer.allocate(stream, c.type(), count)) {
                    if (c.type().isSinglePrecision()) {
                        in.copyFrom(stream, (float[]) x.array());
                    } else {
                        in.copyFrom(stream, (double[]) x.array());
                    }
                    DeviceTensor a = DeviceTensor.of(in, c.shape(), c.fortran());
                    DeviceTensor y = DeviceCall.run(context, a, c.kind(), c.direction(), c.s(), c.axes(), c.norm(), null,
                            DeviceCall.CUDA);
                    try (CudaBuffer result = (CudaBuffer) y.buffer()) {
                        assertArrayEquals(host.shape(), y.shape(), c.name());
                        assertEquals(host.dtype(), y.dtype(), c.name());
                        double[] got = downloadAny(stream, y);
                        double[] expected = host.array() instanceof double[] h ? h : FftTesting.widen((float[]) host.array());
                        long points = Math.max(count, host.elementCount());
                        double bound = 2 * FftTesting.C * c.type().unitRoundoff() * Math.log(points) / Math.log(2)
                                * FftTesting.norm2(xv) * Math.sqrt(points);
                        double error = FftTesting.distance(expected, got);
                        assertTrue(error <= bound, c.name() + ": device - host " + error + " > " + bound);
                        assertArrayEquals(xv, downloadAny(stream, a), c.name() + ": the input is unchanged");
                    }
                }
            }
        }
    }

    private static double[] downloadAny(CudaStream stream, DeviceTensor t) {
        int slots = (int) (t.buffer().elementCount() * t.dtype().slotsPerElement());
        if (t.dtype().isSinglePrecision()) {
            float[] out = new float[slots];
            ((CudaBuffer) t.buffer()).copyTo(stream, out);
            return FftTesting.widen(out);
        }
        double[] out = new double[slots];
        ((CudaBuffer) t.buffer()).copyTo(stream, out);
        return out;
    }

    @Test
    void aStatefulFftOnADeviceTensorMatchesTheHost() {
        SplittableRandom rng = new SplittableRandom(32);
        double[] v = FftTesting.random(rng, 3 * 2 * 64);
        HostTensor x = HostTensor.of(DType.C128, new long[] {3, 64}, v);
        try (CudaStream stream = CudaStream.create(0); CudaBuffer in = upload(stream, x);
             Fft fft = Fft.create(null, DeviceTensor.of(in, 3, 64), new int[] {1}, FftOptions.defaults())) {
            stream.synchronize(); // no context stream: each execution runs on a stream of its own
            DeviceTensor y = fft.execute(FftDirection.FORWARD, null);
            try (CudaBuffer result = (CudaBuffer) y.buffer()) {
                assertClose(fft.spec(FftDirection.FORWARD), v, FftOps.fft(x, null, 1, null), download(stream, y));
            }
        }
    }
}
