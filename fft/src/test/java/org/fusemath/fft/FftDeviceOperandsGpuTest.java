package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
