package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/** On a GPU: {@code Fft} and the function forms with DEVICE execution agree with the host within the FFT error bound. */
@GpuTest(libraries = CudaLibrary.CUFFT)
class FftDeviceGpuTest {
    private static final FftOptions DEVICE = FftOptions.defaults().withExecution(Execution.device());

    private static void assertClose(FftSpec spec, double[] x, HostTensor host, HostTensor device) {
        assertArrayEquals(host.shape(), device.shape());
        double error = FftTesting.distance((double[]) host.array(), (double[]) device.array());
        // Both sides are within the bound of the exact DFT, so their difference is within twice it.
        double bound = 2 * FftTesting.bound(spec, x);
        assertTrue(error <= bound, "device - host " + error + " > " + bound + " for " + spec);
    }

    @Test
    void c2cOnTheDeviceMatchesTheHost() {
        double[] v = FftTesting.random(new SplittableRandom(21), 2 * 4 * 96);
        HostTensor x = HostTensor.of(DType.C128, new long[] {4, 96}, v);
        HostTensor host = FftOps.fft(x, null, 1, null);
        try (Fft fft = Fft.create(x, new int[] {1}, DEVICE)) {
            HostTensor device = fft.execute(FftDirection.FORWARD);
            assertClose(fft.spec(FftDirection.FORWARD), v, host, device);
        }
    }

    @Test
    void r2cOnTheDeviceMatchesTheHost() {
        double[] v = FftTesting.random(new SplittableRandom(22), 3 * 100);
        HostTensor x = HostTensor.of(DType.F64, new long[] {3, 100}, v);
        HostTensor host = FftOps.rfft(x, null, -1, FftNorm.ORTHO);
        HostTensor device = NumpyCall.run(x, FftKind.R2C, FftDirection.FORWARD, null, new int[] {-1}, FftNorm.ORTHO, DEVICE);
        FftSpec spec = FftSpec.builder(FftKind.R2C, DType.F64, 3, 100).axes(1).norm(FftNorm.ORTHO).build();
        assertClose(spec, v, host, device);
    }
}
