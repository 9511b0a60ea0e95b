package org.fusemath.cuda.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.cuda.DeviceProbe;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Enables {@link GpuTest} tests only where the device probe finds the device and libraries they need; otherwise says why. */
public final class GpuAvailableCondition implements ExecutionCondition {
    /** System property that runs device tests even without a usable device, so they fail rather than skip. */
    public static final String REQUIRE_PROPERTY = "fusemath.gpu.required";

    private final Supplier<DeviceProbe> probe;

    /** The condition over this machine's cached probe; JUnit's constructor. */
    public GpuAvailableCondition() {
        this(CudaProbe::get);
    }

    GpuAvailableCondition(Supplier<DeviceProbe> probe) {
        this.probe = probe;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<GpuTest> annotations = new ArrayList<>();
        context.getTestClass().flatMap(c -> find(c)).ifPresent(annotations::add);
        context.getTestMethod().flatMap(m -> find(m)).ifPresent(annotations::add);
        if (annotations.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a @GpuTest");
        }
        Set<CudaLibrary> libraries = new LinkedHashSet<>();
        annotations.forEach(a -> libraries.addAll(List.of(a.libraries())));
        int device = annotations.get(annotations.size() - 1).device();
        DeviceProbe result = probe.get();
        Optional<DeviceUnavailableException> failure = result.failure(device, libraries.toArray(new CudaLibrary[0]));
        if (failure.isEmpty()) {
            return ConditionEvaluationResult.enabled("CUDA device " + result.devices().get(device).describe());
        }
        if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set, so running without a usable device: "
                    + failure.get().getMessage());
        }
        return ConditionEvaluationResult.disabled("gpu test skipped: " + failure.get().getMessage());
    }

    private static Optional<GpuTest> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, GpuTest.class);
    }
}
