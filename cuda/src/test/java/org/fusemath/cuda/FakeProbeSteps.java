package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Probe steps that describe a healthy machine with two devices unless told to fail a step; records which
 * steps ran. Published in the test jar so other modules can build a {@link DeviceProbe} for any situation
 * with {@link CudaProbe#run(ProbeSteps)}.
 */
public final class FakeProbeSteps implements ProbeSteps {
    /** A step's behaviour: return normally or throw. */
    @FunctionalInterface
    public interface Action {
        /** Runs the step. */
        void run();
    }

    private Action loadDriver = () -> { };
    private Action loadBindings = () -> { };
    private IntSupplier driverVersion = () -> 13010;
    private Action initialize = () -> { };
    private IntSupplier deviceCount = () -> 2;
    private IntFunction<CudaDeviceInfo> device = FakeProbeSteps::h100;
    private IntSupplier runtimeVersion = () -> 13010;
    private final Map<CudaLibrary, Action> libraries = new EnumMap<>(CudaLibrary.class);
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /** An H100-like device description for {@code ordinal}. */
    public static CudaDeviceInfo h100(int ordinal) {
        return new CudaDeviceInfo(ordinal, "NVIDIA H100 80GB HBM3", 9, 0, 85_045_870_592L, 132);
    }

    /** Makes {@link #loadDriverLibrary()} do {@code action}. */
    public FakeProbeSteps loadDriver(Action action) {
        this.loadDriver = action;
        return this;
    }

    /** Makes {@link #loadRuntimeBindings()} do {@code action}. */
    public FakeProbeSteps loadBindings(Action action) {
        this.loadBindings = action;
        return this;
    }

    /** Makes {@link #driverVersion()} answer {@code supplier}. */
    public FakeProbeSteps driverVersion(IntSupplier supplier) {
        this.driverVersion = supplier;
        return this;
    }

    /** Makes {@link #initializeDriver()} do {@code action}. */
    public FakeProbeSteps initialize(Action action) {
        this.initialize = action;
        return this;
    }

    /** Makes {@link #deviceCount()} answer {@code supplier}. */
    public FakeProbeSteps deviceCount(IntSupplier supplier) {
        this.deviceCount = supplier;
        return this;
    }

    /** Makes {@link #device(int)} answer {@code function}. */
    public FakeProbeSteps device(IntFunction<CudaDeviceInfo> function) {
        this.device = function;
        return this;
    }

    /** Makes {@link #runtimeVersion()} answer {@code supplier}. */
    public FakeProbeSteps runtimeVersion(IntSupplier supplier) {
        this.runtimeVersion = supplier;
        return this;
    }

    /** Makes {@link #loadLibrary} of {@code library} do {@code action}. */
    public FakeProbeSteps library(CudaLibrary library, Action action) {
        libraries.put(library, action);
        return this;
    }

    /** The steps that ran, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void loadDriverLibrary() {
        calls.add("loadDriverLibrary");
        loadDriver.run();
    }

    @Override
    public void loadRuntimeBindings() {
        calls.add("loadRuntimeBindings");
        loadBindings.run();
    }

    @Override
    public int driverVersion() {
        calls.add("driverVersion");
        return driverVersion.getAsInt();
    }

    @Override
    public void initializeDriver() {
        calls.add("initializeDriver");
        initialize.run();
    }

    @Override
    public int deviceCount() {
        calls.add("deviceCount");
        return deviceCount.getAsInt();
    }

    @Override
    public CudaDeviceInfo device(int ordinal) {
        calls.add("device(" + ordinal + ")");
        return device.apply(ordinal);
    }

    @Override
    public int runtimeVersion() {
        calls.add("runtimeVersion");
        return runtimeVersion.getAsInt();
    }

    @Override
    public void loadLibrary(CudaLibrary library) {
        calls.add("loadLibrary(" + library + ")");
        libraries.getOrDefault(library, () -> { }).run();
    }
}
