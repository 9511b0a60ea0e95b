package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fusemath.api.Arguments;
import org.fusemath.api.UnavailableReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out, once per JVM, whether CUDA is usable here and if not exactly why. The probe never throws:
 * link errors from JavaCPP's class initialisation (a missing {@code libcuda.so.1}, a missing CUDA library,
 * missing bindings) and failed driver calls all become an {@link UnavailableReason} in the result.
 * Thread-safe; the first caller runs the probe and everyone gets the same {@link DeviceProbe}.
 */
public final class CudaProbe {
    private static final Logger LOG = LoggerFactory.getLogger(CudaProbe.class);
    private static final Lazy<DeviceProbe> SHARED = new Lazy<>(() -> {
        DeviceProbe probe = run(JavacppProbeSteps::new);
        LOG.debug("CUDA device probe: {}", probe.summary());
        return probe;
    });

    private CudaProbe() {
    }

    /** The probe of this machine, computed on first use and cached. */
    public static DeviceProbe get() {
        return SHARED.get();
    }

    /** Runs the probe over {@code steps} without caching; for tests and diagnostics. Never throws. */
    public static DeviceProbe run(ProbeSteps steps) {
        Arguments.requireNonNull(steps, "steps");
        return run(() -> steps);
    }

    /**
     * Runs the probe over the steps {@code stepsFactory} makes; creating them may itself fail to link.
     * Only a {@link VirtualMachineError} (out of memory, stack overflow) escapes.
     */
    static DeviceProbe run(Supplier<? extends ProbeSteps> stepsFactory) {
        Run run = new Run();
        try {
            ProbeSteps steps = run.attempt(stepsFactory::get, UnavailableReason.BINDINGS_MISSING);
            run.attempt(() -> {
                steps.loadDriverLibrary();
                return null;
            }, UnavailableReason.NO_DRIVER_LIBRARY);
            run.attempt(() -> {
                steps.loadRuntimeBindings();
                return null;
            }, UnavailableReason.INITIALIZATION_FAILED);
            run.driverVersion = run.attempt(steps::driverVersion, UnavailableReason.INITIALIZATION_FAILED);
            if (run.driverVersion < DeviceProbe.MIN_DRIVER_VERSION) {
                throw new Abort(new ProbeFailure(UnavailableReason.DRIVER_TOO_OLD, "the driver supports CUDA "
                        + DeviceProbe.versionText(run.driverVersion) + " (cuDriverGetVersion = " + run.driverVersion
                        + "); the CUDA 13 bindings need " + DeviceProbe.versionText(DeviceProbe.MIN_DRIVER_VERSION)
                        + " (" + DeviceProbe.MIN_DRIVER_VERSION + ") or newer"));
            }
            run.attempt(() -> {
                steps.initializeDriver();
                return null;
            }, UnavailableReason.INITIALIZATION_FAILED);
            int count = run.attempt(steps::deviceCount, UnavailableReason.INITIALIZATION_FAILED);
            if (count <= 0) {
                throw new Abort(new ProbeFailure(UnavailableReason.NO_DEVICE,
                        "cuDeviceGetCount reports " + count + " devices" + visibleDevicesNote()));
            }
            for (int i = 0; i < count; i++) {
                int ordinal = i;
                run.devices.add(run.attempt(() -> steps.device(ordinal), UnavailableReason.INITIALIZATION_FAILED));
            }
            run.runtimeVersion = run.attempt(steps::runtimeVersion, UnavailableReason.INITIALIZATION_FAILED);
            for (CudaLibrary library : CudaLibrary.values()) {
                if (library.isOptional()) {
                    try {
                        steps.loadLibrary(library);
                    } catch (Throwable t) {
                        rethrowIfFatal(t);
                        run.missing.put(library, LinkFailures.classify(t, UnavailableReason.CUDA_LIBRARY_MISSING));
                    }
                }
            }
            return new DeviceProbe(null, run.driverVersion, run.runtimeVersion, run.devices, run.missing);
        } catch (Abort abort) {
            return new DeviceProbe(abort.failure, run.driverVersion, run.runtimeVersion, run.devices, Map.of());
        }
    }

    private static String visibleDevicesNote() {
        String visible = System.getenv("CUDA_VISIBLE_DEVICES");
        return visible == null ? "" : " (CUDA_VISIBLE_DEVICES=" + visible + ")";
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError error) {
            throw error;
        }
    }

    /** What the probe learned so far, so that a failure still reports the versions already read. */
    private static final class Run {
        int driverVersion;
        int runtimeVersion;
        final List<CudaDeviceInfo> devices = new ArrayList<>();
        final Map<CudaLibrary, ProbeFailure> missing = new EnumMap<>(CudaLibrary.class);

        <T> T attempt(Step<T> step, UnavailableReason fallback) throws Abort {
            try {
                return step.run();
            } catch (Throwable t) {
                rethrowIfFatal(t);
                throw new Abort(LinkFailures.classify(t, fallback));
            }
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run();
    }

    /** Ends the probe at the first failed core step. */
    private static final class Abort extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ProbeFailure failure;

        Abort(ProbeFailure failure) {
            super(failure.detail(), null, false, false);
            this.failure = failure;
        }
    }
}
