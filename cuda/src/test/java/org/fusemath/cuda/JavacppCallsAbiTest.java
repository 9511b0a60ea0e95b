package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;
import org.junit.jupiter.api.Test;

/**
 * Drives the runtime, driver and NVRTC call tables on the CPU with a recording invoker and checks every call
 * they would make against the CUDA headers: parameter names in the header's order, Java types an overload of
 * the preset, each value under the parameter it was given for (distinct numbers, so a swapped pair shows), and
 * no preset function called by hand in any of the binding classes.
 */
class JavacppCallsAbiTest {
    private static final long STREAM = 0x51000, EVENT = 0x52000, EVENT2 = 0x53000, POOL = 0x54000, DST = 0x61000, SRC = 0x62000;

    private final RecordingInvoker recorder = new RecordingInvoker()
            .onCall("cuDeviceGetAttribute", c -> ((int[]) c.value("pi"))[0] = 9)
            .onCall("nvrtcGetPTXSize", c -> ((SizeTPointer) c.value("ptxSizeRet")).put(4L))
            .onCall("nvrtcGetCUBINSize", c -> ((SizeTPointer) c.value("cubinSizeRet")).put(4L));

    private void runtime() {
        JavacppRuntimeCalls r = new JavacppRuntimeCalls(recorder);
        r.setDevice(2);
        r.streamDestroy(r.streamCreate());
        r.streamSynchronize(STREAM);
        r.streamWaitEvent(STREAM, EVENT);
        r.eventDestroy(r.eventCreate(true));
        r.eventRecord(EVENT, STREAM);
        r.eventSynchronize(EVENT);
        r.eventElapsedMillis(EVENT, EVENT2);
        r.memPoolSetReleaseThreshold(r.defaultMemPool(2), 1 << 20);
        r.memPoolTrimTo(POOL, 4096);
        r.freeAsync(r.mallocFromPoolAsync(640, POOL, STREAM), STREAM);
        r.free(DST);
        r.freeHost(r.mallocHost(320));
        r.memcpyAsync(DST, SRC, 96, CopyDirection.HOST_TO_DEVICE, STREAM);
        r.memsetAsync(DST, 7, 48, STREAM);
    }

    private void driver() {
        JavacppModuleCalls m = new JavacppModuleCalls(recorder);
        long module = m.moduleLoadData(new byte[] {1, 2, 3});
        long function = m.moduleGetFunction(module, "axpy");
        m.launchKernel(function, new LaunchConfig(3, 5, 7, 11, 13, 2, 19),
                List.of(new KernelArguments.Value(KernelArguments.Kind.INT, 23)), STREAM);
        m.launchKernel(function, new LaunchConfig(1, 1, 1, 1, 1, 1, 0), List.of(), STREAM);
        m.moduleUnload(module);
        JavacppProbeSteps p = new JavacppProbeSteps(recorder);
        p.driverVersion();
        p.initializeDriver();
        p.deviceCount();
        p.device(1);
        p.runtimeVersion();
    }

    private void nvrtc() {
        KernelSource source = new KernelSource("k.cu", "extern \"C\" __global__ void k() {}");
        new JavacppNvrtc(recorder).compile(source, KernelKey.of(source, "sm_90", List.of()));
        new JavacppNvrtc(recorder).compile(source, KernelKey.of(source, "compute_90", List.of("--use_fast_math")));
    }

    @Test
    void everyCallMatchesTheHeadersAndThePresetsOverloads() {
        runtime();
        driver();
        nvrtc();
        List<NativeCall> made = recorder.calls();
        assertEquals(List.of("nvrtcCreateProgram", "nvrtcCompileProgram", "nvrtcGetProgramLogSize", "nvrtcGetProgramLog",
                        "nvrtcGetPTXSize", "nvrtcGetPTX", "nvrtcDestroyProgram"),
                made.subList(made.size() - 7, made.size()).stream().map(NativeCall::function).toList());
        // 20 runtime, 4 module and launch, 8 probe, 9 NVRTC functions.
        assertEquals(20 + 4 + 8 + 9, made.stream().map(NativeCall::function).distinct().count(), "every function of the tables");
        AbiCheck check = new AbiCheck().calls(made);
        assertTrue(check.noDirectPresetCallsInPackageOf(JavacppRuntimeCalls.class) > 40, "the whole package was read");
        check.noDirectPresetCallsInPackageOf(NativeCall.class);
        check.assertClean(2 * made.size() + 2);
    }

    @Test
    void eachValueGoesToTheParameterItWasGivenFor() {
        runtime();
        driver();
        assertEquals(List.of(DST, SRC, 96L, org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice, STREAM),
                recorder.last("cudaMemcpyAsync").values());
        assertEquals(List.of(DST, 7, 48L, STREAM), recorder.last("cudaMemsetAsync").values());
        NativeCall malloc = recorder.last("cudaMallocFromPoolAsync");
        assertEquals(Map.of("size", 640L, "memPool", POOL, "stream", STREAM),
                Map.of("size", malloc.value("size"), "memPool", malloc.value("memPool"), "stream", malloc.value("stream")));
        assertEquals(List.of(EVENT, STREAM), recorder.last("cudaEventRecord").values());
        assertEquals(List.of(EVENT, EVENT2), recorder.last("cudaEventElapsedTime").values().subList(1, 3));
        assertEquals(4096L, recorder.last("cudaMemPoolTrimTo").value("minBytesToKeep"));
        NativeCall launch = recorder.calls().stream().filter(c -> c.function().equals("cuLaunchKernel")).findFirst().orElseThrow();
        assertEquals(List.of(3, 5, 7, 11, 13, 2, 19, STREAM), launch.values().subList(1, 9));
        assertEquals(null, recorder.last("cuLaunchKernel").value("kernelParams"), "no arguments: no parameter array");
        assertEquals("axpy", recorder.last("cuModuleGetFunction").value("name"));
        NativeCall name = recorder.last("cuDeviceGetName");
        assertEquals(List.of(256, 0), List.of(name.value("len"), name.value("dev")));
        assertEquals(1, recorder.last("cuDeviceGet").value("ordinal"));
        assertEquals(org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT,
                recorder.last("cuDeviceGetAttribute").value("attrib"));
    }

    @Test
    void aSwappedPairInADescriptionIsReported() {
        runtime();
        NativeCall made = recorder.last("cudaMemcpyAsync");
        NativeCall swapped = NativeCall.of(made.library(), made.function());
        for (int i : new int[] {1, 0, 2, 3, 4}) {
            swapped.arg(made.parameters().get(i), made.types().get(i), made.values().get(i));
        }
        List<String> m = new AbiCheck().call(swapped).mismatches();
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).contains("position 0: src where the header has dst"), m.get(0));
    }

    @Test
    void aFailedStatusNamesTheFunctionAndACompileErrorKeepsDestroyingTheProgram() {
        recorder.answer("cudaMemcpyAsync", 1);
        assertThrows(org.fusemath.api.CudaLibraryException.class, () -> runtime());
        recorder.answer("nvrtcCompileProgram", 6);
        assertThrows(NvrtcCompileException.class, () -> nvrtc());
        assertEquals("nvrtcDestroyProgram", recorder.calls().get(recorder.calls().size() - 1).function());
    }
}
