package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.UnavailableReason;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The real probe on the machine running the tests: it never throws, and what it says matches the machine. */
class ThisMachineProbeTest {
    @Test
    void probeDoesNotThrowAndDescribesItself() {
        DeviceProbe probe = CudaProbe.get();
        System.out.println("[fusemath] CUDA probe on this machine: " + probe.summary());
        assertEquals(probe.usable(), probe.reason().isEmpty());
        if (!probe.usable()) {
            assertFalse(probe.detail().isEmpty());
            assertEquals(probe.reason().orElseThrow().remedy(), probe.remedy());
        }
    }

    @Test
    void withoutLibcudaTheReasonIsNoDriverLibrary() throws Exception {
        assumeFalse(driverLibraryPresent(), "libcuda.so.1 is installed here");
        DeviceProbe probe = CudaProbe.get();
        assertEquals(Optional.of(UnavailableReason.NO_DRIVER_LIBRARY), probe.reason(), probe::summary);
        assertTrue(probe.detail().contains("libcuda.so.1"), probe.detail());
    }

    @Test
    void javacppsRealLinkErrorIsClassifiedFromItsOwnMessage() throws Exception {
        assumeFalse(driverLibraryPresent(), "libcuda.so.1 is installed here");
        CudaProbe.get();
        JavacppProbeSteps steps = new JavacppProbeSteps();
        // Skip the driver step to see what JavaCPP itself throws: its JNI library lists libcuda.so.1 first.
        Throwable first = assertThrows(Throwable.class, steps::loadRuntimeBindings);
        ProbeFailure failure = LinkFailures.classify(first, UnavailableReason.INITIALIZATION_FAILED);
        assertEquals(UnavailableReason.NO_DRIVER_LIBRARY, failure.reason(), failure::detail);
        assertTrue(failure.detail().startsWith("libcuda.so.1 could not be loaded"), failure.detail());
        Throwable second = assertThrows(Throwable.class, steps::loadRuntimeBindings);
        assertTrue(second instanceof LinkageError, second.toString());
        assertFalse(LinkFailures.classify(second, UnavailableReason.INITIALIZATION_FAILED).detail().isEmpty());
    }

    @Test
    void everyDeviceEntryPointThrowsTheProbesExceptionNotALinkError() {
        DeviceProbe probe = CudaProbe.get();
        assumeFalse(probe.usableFor(0, CudaLibrary.NVRTC), "a device is usable here");
        UnavailableReason reason = probe.failure(0, CudaLibrary.NVRTC).orElseThrow().reason();
        KernelSource source = new KernelSource("k.cu", "extern \"C\" __global__ void k() {}");
        List<Executable> entryPoints = List.of(
                () -> CudaStream.create(0),
                () -> CudaEvent.create(0),
                () -> CudaMemoryPool.forDevice(0),
                () -> CudaModule.load(0, new CompiledKernel(KernelKey.of(source, "sm_90", List.of()), new byte[] {1}, "")),
                () -> NvrtcCompiler.compile(source, "sm_90", List.of()),
                () -> KernelCache.shared().function(0, source, "k", List.of()),
                () -> CudaDevices.require(0));
        for (Executable entryPoint : entryPoints) {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, entryPoint);
            assertEquals(reason, e.reason());
        }
        assertFalse(CudaDevices.isUsable());
        assertEquals(probe.devices(), CudaDevices.list());
    }

    @Test
    void argumentsAreCheckedBeforeTheProbe() {
        KernelSource source = new KernelSource("k.cu", "extern \"C\" __global__ void k() {}");
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> NvrtcCompiler.compile(source, "sm90", List.of()));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> CudaStream.create(-1));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> CudaBuffer.allocate(null, DType.F32, 4));
    }

    @Test
    void theBackendIsRegisteredAndReportsTheProbe() {
        List<Backend> cuda = new ArrayList<>();
        for (Backend backend : ServiceLoader.load(Backend.class)) {
            if (backend.name().equals("cuda")) {
                cuda.add(backend);
            }
        }
        assertEquals(1, cuda.size());
        Backend backend = cuda.get(0);
        assertEquals("runtime", backend.domain());
        Availability availability = backend.availability();
        DeviceProbe probe = CudaProbe.get();
        assertEquals(probe.usable(), availability.usable());
        if (!probe.usable()) {
            assertEquals(probe.reason().orElseThrow() + ": " + probe.detail(), availability.reason());
        }
        assertNotNull(backend.details().get("bindings"));
        assertTrue(backend.details().get("bindings").startsWith("org.bytedeco:cuda 13.1-"), backend.details().toString());
    }

    /** Whether the dynamic loader could find libcuda.so.1: in its cache or a directory of LD_LIBRARY_PATH. */
    static boolean driverLibraryPresent() throws IOException, InterruptedException {
        List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu",
                "/usr/local/cuda/compat", "/usr/lib/wsl/lib"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(":")));
        }
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.exists(Path.of(dir, "libcuda.so.1"))) {
                return true;
            }
        }
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            if (Files.isExecutable(Path.of(ldconfig))) {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(10, TimeUnit.SECONDS);
                return out.contains("libcuda.so.1 ");
            }
        }
        return false;
    }
}
