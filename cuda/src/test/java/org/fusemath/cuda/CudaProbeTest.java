package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.UnavailableReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Simulates every way the probe can fail with fake steps and checks the reason, detail and remedy it reports. */
class CudaProbeTest {
    private static final String CACHE = "/root/.javacpp/cache/cuda-13.1-9.19-1.5.13-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/";

    /** What JavaCPP's Loader.load throws when the JNI library's dependency {@code soname} is missing (as observed). */
    static UnsatisfiedLinkError javacppMissing(String jni, String soname) {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("no " + jni + " in java.library.path: /usr/java/packages/lib:/usr/lib");
        e.initCause(new UnsatisfiedLinkError(CACHE + "lib" + jni + ".so: " + soname + ": cannot open shared object file: No such file or directory"));
        return e;
    }

    @Test
    void healthyMachineIsUsableWithVersionsDevicesAndLibraries() {
        FakeProbeSteps steps = new FakeProbeSteps();
        DeviceProbe probe = CudaProbe.run(steps);
        assertTrue(probe.usable());
        assertEquals(Optional.empty(), probe.reason());
        assertEquals("", probe.detail());
        assertEquals("", probe.remedy());
        assertEquals(13010, probe.driverVersion());
        assertEquals(13010, probe.runtimeVersion());
        assertEquals(List.of(FakeProbeSteps.h100(0), FakeProbeSteps.h100(1)), probe.devices());
        assertEquals(Map.of(), probe.missingLibraries());
        assertEquals("usable: 2 device(s), driver 13.1, runtime 13.1", probe.summary());
        assertEquals(FakeProbeSteps.h100(1), probe.require(1, CudaLibrary.CUBLAS, CudaLibrary.NVRTC));
        assertEquals(List.of("loadDriverLibrary", "loadRuntimeBindings", "driverVersion", "initializeDriver", "deviceCount",
                "device(0)", "device(1)", "runtimeVersion", "loadLibrary(CUBLAS)", "loadLibrary(CUBLAS_LT)", "loadLibrary(CUFFT)",
                "loadLibrary(CUSOLVER)", "loadLibrary(CURAND)", "loadLibrary(NVRTC)"), steps.calls());
    }

    @Test
    void missingDriverLibraryStopsTheProbeThere() {
        FakeProbeSteps steps = new FakeProbeSteps().loadDriver(() -> {
            throw new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file: No such file or directory");
        });
        DeviceProbe probe = CudaProbe.run(steps);
        assertUnusable(probe, UnavailableReason.NO_DRIVER_LIBRARY, "libcuda.so.1 could not be loaded");
        assertEquals(List.of("loadDriverLibrary"), steps.calls());
        assertEquals(0, probe.driverVersion());
        assertEquals(List.of(), probe.devices());
        assertEquals("unusable: NO_DRIVER_LIBRARY (libcuda.so.1 could not be loaded (libcuda.so.1: cannot open shared object file: "
                + "No such file or directory)); install the NVIDIA driver (it provides libcuda.so.1)", probe.summary());
    }

    static Stream<Arguments> linkFailures() {
        return Stream.of(
                Arguments.of("driver, JavaCPP classes missing", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadDriver(() -> {
                            throw new NoClassDefFoundError("org/bytedeco/javacpp/Loader");
                        }), UnavailableReason.BINDINGS_MISSING, "org/bytedeco/javacpp/Loader"),
                Arguments.of("driver, JavaCPP natives missing", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadDriver(() -> {
                            throw new UnsatisfiedLinkError("no jnijavacpp in java.library.path: /usr/lib");
                        }), UnavailableReason.BINDINGS_MISSING, "jnijavacpp"),
                Arguments.of("bindings, libcudart missing", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw javacppMissing("jnicudart", "libcudart.so.13");
                        }), UnavailableReason.CUDA_LIBRARY_MISSING, "libcudart.so.13"),
                Arguments.of("bindings, libcuda missing", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw javacppMissing("jnicudart", "libcuda.so.1");
                        }), UnavailableReason.NO_DRIVER_LIBRARY, "libcuda.so.1"),
                Arguments.of("bindings, inside class initialisation", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw new ExceptionInInitializerError(javacppMissing("jnicudart", "libcudart.so.13"));
                        }), UnavailableReason.CUDA_LIBRARY_MISSING, "libcudart.so.13"),
                Arguments.of("bindings, platform jar missing", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
                        }), UnavailableReason.BINDINGS_MISSING, "jnicudart"),
                Arguments.of("bindings, class missing", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw new NoClassDefFoundError("org/bytedeco/cuda/global/cudart");
                        }), UnavailableReason.BINDINGS_MISSING, "org/bytedeco/cuda/global/cudart"),
                Arguments.of("bindings, failed earlier in this JVM", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            NoClassDefFoundError e = new NoClassDefFoundError("Could not initialize class org.bytedeco.cuda.global.cudart");
                            e.initCause(new ExceptionInInitializerError(
                                    "Exception java.lang.UnsatisfiedLinkError: no jnicudart in java.library.path [in thread \"main\"]"));
                            throw e;
                        }), UnavailableReason.INITIALIZATION_FAILED, "failed to initialise earlier"),
                Arguments.of("bindings, driver lacks a symbol", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw new UnsatisfiedLinkError(CACHE + "libjnicudart.so: undefined symbol: cuStreamBeginCaptureToGraph");
                        }), UnavailableReason.DRIVER_TOO_OLD, "cuStreamBeginCaptureToGraph"),
                Arguments.of("bindings, something else", (Supplier<FakeProbeSteps>) () -> new FakeProbeSteps()
                        .loadBindings(() -> {
                            throw new IllegalStateException("boom");
                        }), UnavailableReason.INITIALIZATION_FAILED, "java.lang.IllegalStateException: boom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkFailures")
    void linkFailuresBecomeReasons(String name, Supplier<FakeProbeSteps> steps, UnavailableReason reason, String detailPart) {
        assertUnusable(CudaProbe.run(steps.get()), reason, detailPart);
    }

    @Test
    void stepsThatCannotEvenBeCreatedMeanMissingBindings() {
        DeviceProbe probe = CudaProbe.run(() -> {
            throw new NoClassDefFoundError("org/bytedeco/javacpp/Pointer");
        });
        assertUnusable(probe, UnavailableReason.BINDINGS_MISSING, "org/bytedeco/javacpp/Pointer");
    }

    @Test
    void driverBelowCuda13IsTooOld() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().driverVersion(() -> 12040));
        assertUnusable(probe, UnavailableReason.DRIVER_TOO_OLD, "the driver supports CUDA 12.4 (cuDriverGetVersion = 12040)");
        assertTrue(probe.detail().contains("13.0 (13000) or newer"), probe.detail());
        assertEquals(12040, probe.driverVersion());
        assertTrue(CudaProbe.run(new FakeProbeSteps().driverVersion(() -> 13000)).usable());
    }

    static Stream<Arguments> failedCalls() {
        return Stream.of(
                Arguments.of(CudaLibrary.DRIVER, 100, UnavailableReason.NO_DEVICE, "CUDA_ERROR_NO_DEVICE (100)"),
                Arguments.of(CudaLibrary.DRIVER, 34, UnavailableReason.NO_DRIVER_LIBRARY, "stub library"),
                Arguments.of(CudaLibrary.DRIVER, 36, UnavailableReason.DRIVER_TOO_OLD, "CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER (36)"),
                Arguments.of(CudaLibrary.DRIVER, 3, UnavailableReason.INITIALIZATION_FAILED, "CUDA_ERROR_NOT_INITIALIZED (3)"),
                Arguments.of(CudaLibrary.DRIVER, 999, UnavailableReason.INITIALIZATION_FAILED, "CUDA_ERROR_UNKNOWN (999)"),
                Arguments.of(CudaLibrary.DRIVER, 803, UnavailableReason.INITIALIZATION_FAILED, "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH (803)"),
                Arguments.of(CudaLibrary.RUNTIME, 35, UnavailableReason.DRIVER_TOO_OLD, "cudaErrorInsufficientDriver (35)"),
                Arguments.of(CudaLibrary.RUNTIME, 100, UnavailableReason.NO_DEVICE, "cudaErrorNoDevice (100)"),
                Arguments.of(CudaLibrary.RUNTIME, 34, UnavailableReason.NO_DRIVER_LIBRARY, "cudaErrorStubLibrary"));
    }

    @ParameterizedTest(name = "cuInit -> {0} {1}")
    @MethodSource("failedCalls")
    void failedInitialisationBecomesAReason(CudaLibrary library, int status, UnavailableReason reason, String detailPart) {
        FakeProbeSteps steps = new FakeProbeSteps().initialize(() -> {
            throw CudaStatus.failure(library, "cuInit", status, "");
        });
        DeviceProbe probe = CudaProbe.run(steps);
        assertUnusable(probe, reason, detailPart);
        assertEquals(13010, probe.driverVersion(), "versions read before the failure are kept");
        assertFalse(steps.calls().contains("deviceCount"));
    }

    @Test
    void failedVersionQueryIsAnInitialisationFailure() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().driverVersion(() -> {
            throw CudaStatus.failure(CudaLibrary.DRIVER, "cuDriverGetVersion", 999, "");
        }));
        assertUnusable(probe, UnavailableReason.INITIALIZATION_FAILED, "CUDA driver cuDriverGetVersion failed with CUDA_ERROR_UNKNOWN (999)");
    }

    @Test
    void runtimeNeedingANewerDriverIsTooOld() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().runtimeVersion(() -> {
            throw CudaStatus.failure(CudaLibrary.RUNTIME, "cudaRuntimeGetVersion", 35, "");
        }));
        assertUnusable(probe, UnavailableReason.DRIVER_TOO_OLD, "cudaErrorInsufficientDriver");
        assertEquals(2, probe.devices().size(), "devices listed before the failure are kept");
    }

    @Test
    void noDevicesIsNoDevice() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().deviceCount(() -> 0));
        assertUnusable(probe, UnavailableReason.NO_DEVICE, "cuDeviceGetCount reports 0 devices");
    }

    @Test
    void failedDeviceCountOrPropertiesAreInitialisationFailures() {
        assertUnusable(CudaProbe.run(new FakeProbeSteps().deviceCount(() -> {
            throw CudaStatus.failure(CudaLibrary.DRIVER, "cuDeviceGetCount", 4, "");
        })), UnavailableReason.INITIALIZATION_FAILED, "CUDA_ERROR_DEINITIALIZED (4)");
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().device(i -> {
            if (i == 1) {
                throw CudaStatus.failure(CudaLibrary.DRIVER, "cuDeviceGetName", 101, "");
            }
            return FakeProbeSteps.h100(i);
        }));
        assertUnusable(probe, UnavailableReason.INITIALIZATION_FAILED, "cuDeviceGetName failed with CUDA_ERROR_INVALID_DEVICE (101)");
        assertEquals(List.of(FakeProbeSteps.h100(0)), probe.devices());
    }

    @Test
    void aMissingLibraryBlocksOnlyWorkThatNeedsIt() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().library(CudaLibrary.CUFFT, () -> {
            throw javacppMissing("jnicufft", "libcufft.so.12");
        }));
        assertFalse(probe.usable());
        assertEquals(Optional.of(UnavailableReason.CUDA_LIBRARY_MISSING), probe.reason());
        assertTrue(probe.detail().startsWith("cuFFT: libcufft.so.12 could not be loaded"), probe.detail());
        assertEquals(UnavailableReason.CUDA_LIBRARY_MISSING.remedy(), probe.remedy());
        assertEquals(Set.of(CudaLibrary.CUFFT), probe.missingLibraries().keySet());
        assertTrue(probe.usableFor(0));
        assertTrue(probe.usableFor(1, CudaLibrary.CUBLAS, CudaLibrary.NVRTC));
        assertFalse(probe.usableFor(0, CudaLibrary.CUBLAS, CudaLibrary.CUFFT));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> probe.require(0, CudaLibrary.CUFFT));
        assertEquals(UnavailableReason.CUDA_LIBRARY_MISSING, e.reason());
        assertTrue(e.getMessage().contains("libcufft.so.12"), e.getMessage());
        assertTrue(e.getMessage().endsWith(UnavailableReason.CUDA_LIBRARY_MISSING.remedy()), e.getMessage());
        assertTrue(probe.summary().contains("[2 device(s), driver 13.1, runtime 13.1]"), probe.summary());
    }

    @Test
    void everyMissingLibraryIsNamed() {
        FakeProbeSteps steps = new FakeProbeSteps();
        for (CudaLibrary library : CudaLibrary.values()) {
            if (library.isOptional()) {
                steps.library(library, () -> {
                    throw javacppMissing("jni" + library.name().toLowerCase(), library.sonames().get(0));
                });
            }
        }
        DeviceProbe probe = CudaProbe.run(steps);
        for (CudaLibrary library : CudaLibrary.values()) {
            assertEquals(library.isOptional(), probe.missingLibraries().containsKey(library), library.toString());
            if (library.isOptional()) {
                assertTrue(probe.detail().contains(library.displayName() + ": " + library.sonames().get(0)), probe.detail());
            }
        }
        assertTrue(probe.usableFor(0), "the runtime itself still works");
    }

    @Test
    void aLibraryWhoseBindingClassIsMissingIsReportedAsSuch() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().library(CudaLibrary.CUSOLVER, () -> {
            throw new NoClassDefFoundError("org/bytedeco/cuda/global/cusolver");
        }));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> probe.require(0, CudaLibrary.CUSOLVER));
        assertEquals(UnavailableReason.BINDINGS_MISSING, e.reason());
        assertTrue(e.detail().contains("org/bytedeco/cuda/global/cusolver"), e.detail());
    }

    @Test
    void requireNamesTheMissingDeviceOrdinal() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps());
        for (int bad : new int[] {2, -1, 17}) {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> probe.require(bad));
            assertEquals(UnavailableReason.NO_SUCH_DEVICE, e.reason());
            assertEquals("device " + bad + " was requested; 2 device(s) are visible, ordinals 0 to 1", e.detail());
        }
    }

    @Test
    void requireOnAnUnusableProbeThrowsItsReason() {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().deviceCount(() -> 0));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> probe.require(0));
        assertEquals(UnavailableReason.NO_DEVICE, e.reason());
        assertEquals(probe.detail(), e.detail());
        assertEquals("no usable CUDA device: NO_DEVICE (" + probe.detail() + "); " + UnavailableReason.NO_DEVICE.remedy(), e.getMessage());
        assertEquals(Optional.of(e.getMessage()), probe.failure(0).map(Throwable::getMessage));
    }

    @Test
    void fatalVmErrorsAreNotSwallowed() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> CudaProbe.run(new FakeProbeSteps().initialize(() -> {
            throw oom;
        }))));
    }

    @Test
    void theProbeNeverThrowsWhateverAStepThrows() {
        List<Supplier<Throwable>> throwables = List.of(
                () -> new UnsatisfiedLinkError(null), () -> new NoClassDefFoundError(), () -> new ExceptionInInitializerError((String) null),
                () -> new RuntimeException(), () -> new LinkageError("x"), () -> new AssertionError("y"),
                () -> CudaStatus.failure(CudaLibrary.DRIVER, "call", -5, null));
        for (Supplier<Throwable> throwable : throwables) {
            FakeProbeSteps.Action fail = () -> sneakyThrow(throwable.get());
            List<FakeProbeSteps> variants = List.of(new FakeProbeSteps().loadDriver(fail), new FakeProbeSteps().loadBindings(fail),
                    new FakeProbeSteps().initialize(fail), new FakeProbeSteps().library(CudaLibrary.NVRTC, fail),
                    new FakeProbeSteps().driverVersion(() -> {
                        fail.run();
                        return 0;
                    }), new FakeProbeSteps().device(i -> {
                        fail.run();
                        return null;
                    }));
            for (FakeProbeSteps steps : variants) {
                DeviceProbe probe = CudaProbe.run(steps);
                assertFalse(probe.usable(), () -> "failing " + steps.calls() + " with " + throwable.get());
                assertFalse(probe.detail().isEmpty());
            }
        }
    }

    private static void assertUnusable(DeviceProbe probe, UnavailableReason reason, String detailPart) {
        assertFalse(probe.usable());
        assertEquals(Optional.of(reason), probe.reason(), probe::detail);
        assertTrue(probe.detail().contains(detailPart), () -> "detail '" + probe.detail() + "' lacks '" + detailPart + "'");
        assertEquals(reason.remedy(), probe.remedy());
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> probe.require(0));
        assertEquals(reason, e.reason());
        assertEquals(probe.detail(), e.detail());
        assertFalse(probe.usableFor(0));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
