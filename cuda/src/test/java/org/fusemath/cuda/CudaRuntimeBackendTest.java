package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.UnavailableReason;
import org.fusemath.api.spi.Availability;
import org.junit.jupiter.api.Test;

class CudaRuntimeBackendTest {
    @Test
    void identity() {
        CudaRuntimeBackend backend = new CudaRuntimeBackend();
        assertEquals("cuda", backend.name());
        assertEquals("runtime", backend.domain());
        assertEquals(Space.DEVICE, backend.space());
    }

    @Test
    void usableMachineListsVersionsDevicesAndLibraries() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().runtimeVersion(() -> 13000));
        assertEquals(Availability.ok(), CudaRuntimeBackend.availability(probe));
        Map<String, String> details = CudaRuntimeBackend.details(probe);
        assertEquals("13.1 (13010)", details.get("driver"));
        assertEquals("13.0 (13000)", details.get("runtime"));
        assertEquals("2", details.get("devices"));
        assertEquals("0: NVIDIA H100 80GB HBM3, compute capability 9.0, 79.2 GiB, 132 SMs", details.get("device.0"));
        assertEquals("loaded (libcublas.so.13, libcublasLt.so.13)", details.get("library.cuBLAS"));
        assertTrue(details.get("bindings").startsWith("org.bytedeco:cuda 13.1"), details.get("bindings"));
        assertEquals(List.of("bindings", "driver", "runtime", "devices", "device.0", "device.1", "library.cuBLAS", "library.cuBLASLt",
                "library.cuFFT", "library.cuSOLVER", "library.cuRAND", "library.NVRTC"), List.copyOf(details.keySet()));
    }

    @Test
    void unusableMachineGivesReasonAndRemedy() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().driverVersion(() -> 12080));
        Availability availability = CudaRuntimeBackend.availability(probe);
        assertFalse(availability.usable());
        assertTrue(availability.reason().startsWith("DRIVER_TOO_OLD: the driver supports CUDA 12.8"), availability.reason());
        assertEquals(UnavailableReason.DRIVER_TOO_OLD.remedy(), availability.remedy());
        Map<String, String> details = CudaRuntimeBackend.details(probe);
        assertEquals("12.8 (12080)", details.get("driver"));
        assertEquals("unknown", details.get("runtime"));
        assertEquals("0", details.get("devices"));
    }

    @Test
    void missingLibraryIsShownPerLibrary() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().library(CudaLibrary.CURAND, () -> {
            throw new UnsatisfiedLinkError("libjnicurand.so: libcurand.so.10: cannot open shared object file: No such file or directory");
        }));
        assertTrue(CudaRuntimeBackend.details(probe).get("library.cuRAND").startsWith("missing: libcurand.so.10 could not be loaded"));
        assertTrue(CudaRuntimeBackend.availability(probe).reason().startsWith("CUDA_LIBRARY_MISSING: cuRAND: libcurand.so.10"));
    }
}
