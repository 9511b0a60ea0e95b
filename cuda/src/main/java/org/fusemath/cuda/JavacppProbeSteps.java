package org.fusemath.cuda;

import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;

/**
 * The probe steps asked of the real machine through JavaCPP. Each step lets JavaCPP's own errors
 * propagate; {@link CudaProbe} classifies them. Driver and runtime calls are {@link NativeCall}s made by a
 * {@link NativeInvoker} (tests: a recorder checked against the headers).
 */
final class JavacppProbeSteps implements ProbeSteps {
    private static final int NAME_BYTES = 256;

    private final Map<Class<?>, Throwable> failedBindings = new HashMap<>();
    private final NativeInvoker invoker;

    JavacppProbeSteps() {
        this(PresetInvoker.INSTANCE);
    }

    /** The steps making their calls through {@code invoker}. */
    JavacppProbeSteps(NativeInvoker invoker) {
        this.invoker = invoker;
    }

    private void driver(NativeCall call) {
        invoker.check(CudaLibrary.DRIVER, call);
    }

    private static NativeCall call(String function) {
        return NativeCall.of(cudart.class, function);
    }

    @Override
    public void loadDriverLibrary() {
        // dlopen by soname, as the dynamic loader would when JavaCPP loads jnicudart; a missing driver is
        // then reported as such even when libcudart.so.13 is missing too.
        Loader.loadGlobal(CudaLibrary.DRIVER.sonames().get(0));
    }

    @Override
    public void loadRuntimeBindings() {
        Loader.load(cudart.class);
    }

    @Override
    public int driverVersion() {
        int[] version = new int[1];
        driver(call("cuDriverGetVersion").arg("driverVersion", int[].class, version));
        return version[0];
    }

    @Override
    public void initializeDriver() {
        driver(call("cuInit").value("Flags", 0));
    }

    @Override
    public int deviceCount() {
        int[] count = new int[1];
        driver(call("cuDeviceGetCount").arg("count", int[].class, count));
        return count[0];
    }

    @Override
    public CudaDeviceInfo device(int ordinal) {
        int[] device = new int[1];
        driver(call("cuDeviceGet").arg("device", int[].class, device).value("ordinal", ordinal));
        byte[] name = new byte[NAME_BYTES];
        driver(call("cuDeviceGetName").arg("name", byte[].class, name).value("len", NAME_BYTES).value("dev", device[0]));
        int length = 0;
        while (length < NAME_BYTES && name[length] != 0) {
            length++;
        }
        long totalMemory;
        try (SizeTPointer bytes = new SizeTPointer(1)) {
            bytes.put(0L);
            driver(call("cuDeviceTotalMem").arg("bytes", SizeTPointer.class, bytes).value("dev", device[0]));
            totalMemory = bytes.get();
        }
        return new CudaDeviceInfo(ordinal, new String(name, 0, length, StandardCharsets.UTF_8),
                attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device[0]),
                attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device[0]),
                totalMemory, attribute(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device[0]));
    }

    @Override
    public int runtimeVersion() {
        int[] version = new int[1];
        invoker.check(CudaLibrary.RUNTIME, call("cudaRuntimeGetVersion").arg("runtimeVersion", int[].class, version));
        return version[0];
    }

    @Override
    public void loadLibrary(CudaLibrary library) {
        Class<?> binding = bindingClass(library);
        Throwable earlier = failedBindings.get(binding);
        if (earlier != null) {
            // A second load of a class whose initialisation failed only says "Could not initialize class";
            // cuBLASLt shares cuBLAS's binding, so report the informative first failure again.
            if (earlier instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(earlier);
        }
        try {
            Loader.load(binding);
        } catch (Throwable t) {
            failedBindings.put(binding, t);
            throw t;
        }
    }

    /** The JavaCPP class whose loading loads {@code library}'s JNI library and its CUDA dependencies. */
    static Class<?> bindingClass(CudaLibrary library) {
        return switch (library) {
            case DRIVER, RUNTIME -> cudart.class;
            case CUBLAS, CUBLAS_LT -> org.bytedeco.cuda.global.cublas.class;
            case CUFFT -> org.bytedeco.cuda.global.cufft.class;
            case CUSOLVER -> org.bytedeco.cuda.global.cusolver.class;
            case CURAND -> org.bytedeco.cuda.global.curand.class;
            case NVRTC -> org.bytedeco.cuda.global.nvrtc.class;
        };
    }

    private int attribute(int attribute, int device) {
        int[] value = new int[1];
        driver(call("cuDeviceGetAttribute").arg("pi", int[].class, value).value("attrib", attribute).value("dev", device));
        return value[0];
    }
}
