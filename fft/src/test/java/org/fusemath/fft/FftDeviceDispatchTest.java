package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;

/** Without a usable device, asking for one raises the CUDA probe's own exception, from every way in. */
class FftDeviceDispatchTest {
    @Test
    void deviceWithoutOneRaisesTheProbesReason() {
        Optional<DeviceUnavailableException> probe = CudaProbe.get().failure(0, CudaLibrary.CUFFT);
        assumeTrue(probe.isPresent(), "a device with cuFFT is usable here; the GPU test covers it");
        String reason = probe.get().getMessage();
        FftOptions device = FftOptions.defaults().withExecution(Execution.device());
        HostTensor x = HostTensor.of(DType.C128, new long[] {8}, FftTesting.random(new SplittableRandom(3), 16));
        assertEquals(reason, assertThrows(DeviceUnavailableException.class, () -> Fft.create(x, device)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> Fft.plan(FftSpec.builder(FftKind.C2C, DType.F64, 8).build(), device)).getMessage());
        // The function forms' path (FftOps runs NumpyCall with the default options).
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> NumpyCall.run(x, FftKind.C2C, FftDirection.FORWARD, null, new int[] {-1}, FftNorm.BACKWARD, device))
                .getMessage());
        // The public function forms with a device context, with and without out=.
        org.fusemath.api.FuseContext onDevice = org.fusemath.api.FuseContext.builder().execution(Execution.device()).build();
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> FftOps.fft(onDevice, x, null, -1, null)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> FftOps.rfftn(onDevice, HostTensor.of(DType.F64, new long[] {8}, new double[8]), null, null, null,
                        HostTensor.zeros(DType.C128, 5))).getMessage());
        // Device operands run where they live: on device 0 here, which is not usable.
        org.fusemath.api.DeviceTensor onZero = org.fusemath.api.DeviceTensor.of(new org.fusemath.api.DeviceBuffer() {
            @Override
            public int deviceId() {
                return 0;
            }

            @Override
            public DType dtype() {
                return DType.C128;
            }

            @Override
            public long elementCount() {
                return 8;
            }

            @Override
            public long address() {
                return 0x1000;
            }

            @Override
            public void close() {
            }
        }, 8);
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> FftOps.fft(onZero, null, -1, null)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> FftOps.ifftn(null, onZero, null, null, FftNorm.ORTHO, onZero)).getMessage());
        try (Fft planned = Fft.create(null, onZero, null, FftOptions.defaults())) {
            assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                    () -> planned.execute(FftDirection.FORWARD, null)).getMessage());
        }
    }
}
