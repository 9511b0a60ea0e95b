package org.fusemath.cuda.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.fusemath.api.UnavailableReason;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.cuda.CudaStatus;
import org.fusemath.cuda.DeviceProbe;
import org.fusemath.cuda.FakeProbeSteps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

class GpuAvailableConditionTest {
    @GpuTest(libraries = CudaLibrary.CUBLAS)
    static final class BlasTests {
        void plain() {
        }

        @GpuTest(libraries = CudaLibrary.CUFFT, device = 1)
        void withFft() {
        }
    }

    static final class NotGpu {
        void plain() {
        }
    }

    @Test
    void gpuTestIsTaggedGpu() {
        assertEquals("gpu", GpuTest.class.getAnnotation(Tag.class).value());
    }

    @Test
    void noDeviceDisablesWithTheProbeReason() throws Exception {
        DeviceProbe probe = CudaProbe.run(new FakeProbeSteps().initialize(() -> {
            throw CudaStatus.failure(CudaLibrary.DRIVER, "cuInit", 100, "");
        }));
        ConditionEvaluationResult result = evaluate(probe, BlasTests.class, "plain");
        assertTrue(result.isDisabled());
        assertEquals(Optional.of("gpu test skipped: no usable CUDA device: NO_DEVICE (CUDA driver cuInit failed with CUDA_ERROR_NO_DEVICE (100)); "
                + UnavailableReason.NO_DEVICE.remedy()), result.getReason());
    }

    @Test
    void librariesAndDeviceOfClassAndMethodCombine() throws Exception {
        DeviceProbe noFft = CudaProbe.run(new FakeProbeSteps().library(CudaLibrary.CUFFT, () -> {
            throw new UnsatisfiedLinkError("libjnicufft.so: libcufft.so.12: cannot open shared object file: No such file or directory");
        }));
        assertFalse(evaluate(noFft, BlasTests.class, "plain").isDisabled());
        ConditionEvaluationResult fft = evaluate(noFft, BlasTests.class, "withFft");
        assertTrue(fft.isDisabled());
        assertTrue(fft.getReason().orElseThrow().contains("libcufft.so.12"), fft.getReason().toString());

        DeviceProbe oneDevice = CudaProbe.run(new FakeProbeSteps().deviceCount(() -> 1));
        ConditionEvaluationResult onDevice1 = evaluate(oneDevice, BlasTests.class, "withFft");
        assertTrue(onDevice1.getReason().orElseThrow().contains("NO_SUCH_DEVICE"), onDevice1.getReason().toString());
        ConditionEvaluationResult enabled = evaluate(CudaProbe.run(new FakeProbeSteps()), BlasTests.class, "withFft");
        assertFalse(enabled.isDisabled());
        assertEquals(Optional.of("CUDA device " + FakeProbeSteps.h100(1).describe()), enabled.getReason());
    }

    @Test
    void testsWithoutTheAnnotationAreLeftAlone() throws Exception {
        DeviceProbe none = CudaProbe.run(new FakeProbeSteps().deviceCount(() -> 0));
        assertFalse(evaluate(none, NotGpu.class, "plain").isDisabled());
    }

    @Test
    void theRequireSwitchRunsTestsSoTheyFailLoudly() throws Exception {
        DeviceProbe none = CudaProbe.run(new FakeProbeSteps().deviceCount(() -> 0));
        String before = System.getProperty(GpuAvailableCondition.REQUIRE_PROPERTY);
        System.setProperty(GpuAvailableCondition.REQUIRE_PROPERTY, "true");
        try {
            ConditionEvaluationResult result = evaluate(none, BlasTests.class, "plain");
            assertFalse(result.isDisabled());
            assertTrue(result.getReason().orElseThrow().contains("NO_DEVICE"));
        } finally {
            if (before == null) {
                System.clearProperty(GpuAvailableCondition.REQUIRE_PROPERTY);
            } else {
                System.setProperty(GpuAvailableCondition.REQUIRE_PROPERTY, before);
            }
        }
    }

    private static ConditionEvaluationResult evaluate(DeviceProbe probe, Class<?> testClass, String method) throws Exception {
        Method m = testClass.getDeclaredMethod(method);
        ExtensionContext context = (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getTestClass" -> Optional.of(testClass);
                    case "getTestMethod" -> Optional.of(m);
                    case "getElement" -> Optional.of(m);
                    default -> throw new UnsupportedOperationException(called.getName());
                });
        return new GpuAvailableCondition(() -> probe).evaluateExecutionCondition(context);
    }
}
