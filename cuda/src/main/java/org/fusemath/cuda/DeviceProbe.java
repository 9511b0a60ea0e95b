package org.fusemath.cuda;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.UnavailableReason;

/**
 * The outcome of the device probe: whether CUDA is usable here and, if not, exactly why, plus the driver
 * and runtime versions, every visible device and which CUDA libraries could not be loaded. Immutable and
 * safe to share across threads.
 *
 * <p>The driver, the runtime and at least one device form the core every device operation needs; the
 * libraries (cuBLAS, cuFFT, ...) are checked one by one so that, say, a missing cuFFT does not stop cuBLAS
 * work: {@link #usable()} wants everything, {@link #require(int, CudaLibrary...)} only what it names.
 */
public final class DeviceProbe {
    /** The lowest {@code cuDriverGetVersion} the CUDA 13 bindings accept. */
    public static final int MIN_DRIVER_VERSION = 13000;

    private final ProbeFailure coreFailure;
    private final int driverVersion;
    private final int runtimeVersion;
    private final List<CudaDeviceInfo> devices;
    private final Map<CudaLibrary, ProbeFailure> missingLibraries;

    DeviceProbe(ProbeFailure coreFailure, int driverVersion, int runtimeVersion, List<CudaDeviceInfo> devices,
            Map<CudaLibrary, ProbeFailure> missingLibraries) {
        this.coreFailure = coreFailure;
        this.driverVersion = driverVersion;
        this.runtimeVersion = runtimeVersion;
        this.devices = List.copyOf(devices);
        EnumMap<CudaLibrary, ProbeFailure> missing = new EnumMap<>(CudaLibrary.class);
        missing.putAll(missingLibraries);
        this.missingLibraries = Collections.unmodifiableMap(missing);
    }

    /** Whether the driver, the runtime, a device and every CUDA library are usable. */
    public boolean usable() {
        return coreFailure == null && missingLibraries.isEmpty();
    }

    /** Whether device {@code deviceId} can run work needing {@code libraries}; never throws. */
    public boolean usableFor(int deviceId, CudaLibrary... libraries) {
        return failure(deviceId, libraries).isEmpty();
    }

    /** Why not everything is usable; empty when {@link #usable()}. */
    public Optional<UnavailableReason> reason() {
        return firstFailure().map(ProbeFailure::reason);
    }

    /** The library, version or message behind {@link #reason()}; empty when usable. */
    public String detail() {
        if (coreFailure != null) {
            return coreFailure.detail();
        }
        return missingLibraries.entrySet().stream()
                .map(e -> e.getKey().displayName() + ": " + e.getValue().detail())
                .collect(Collectors.joining("; "));
    }

    /** What to install or change; empty when usable. */
    public String remedy() {
        return reason().map(UnavailableReason::remedy).orElse("");
    }

    /** The CUDA version the driver supports (e.g. 13000 for 13.0), or 0 when the driver could not be asked. */
    public int driverVersion() {
        return driverVersion;
    }

    /** The version of the loaded CUDA runtime (e.g. 13010 for 13.1), or 0 when it could not be asked. */
    public int runtimeVersion() {
        return runtimeVersion;
    }

    /** Every visible device; empty when the probe stopped before listing them. */
    public List<CudaDeviceInfo> devices() {
        return devices;
    }

    /** The CUDA libraries that could not be loaded, each with why. */
    public Map<CudaLibrary, String> missingLibraries() {
        EnumMap<CudaLibrary, String> out = new EnumMap<>(CudaLibrary.class);
        missingLibraries.forEach((library, failure) -> out.put(library, failure.detail()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The device {@code deviceId}, when it and {@code libraries} are usable; otherwise a
     * {@link DeviceUnavailableException} saying why and what to install.
     */
    public CudaDeviceInfo require(int deviceId, CudaLibrary... libraries) {
        Optional<DeviceUnavailableException> failure = failure(deviceId, libraries);
        if (failure.isPresent()) {
            throw failure.get();
        }
        return devices.get(deviceId);
    }

    /** The exception {@link #require} would throw for these arguments, if any; never throws. */
    public Optional<DeviceUnavailableException> failure(int deviceId, CudaLibrary... libraries) {
        if (coreFailure != null) {
            return Optional.of(coreFailure.toException());
        }
        if (deviceId < 0 || deviceId >= devices.size()) {
            return Optional.of(new DeviceUnavailableException(UnavailableReason.NO_SUCH_DEVICE, "device " + deviceId
                    + " was requested; " + devices.size() + " device(s) are visible, ordinals 0 to " + (devices.size() - 1)));
        }
        List<CudaLibrary> missing = Arrays.stream(libraries == null ? new CudaLibrary[0] : libraries)
                .distinct()
                .filter(missingLibraries::containsKey)
                .collect(Collectors.toList());
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String detail = missing.stream()
                .map(l -> l.displayName() + ": " + missingLibraries.get(l).detail())
                .collect(Collectors.joining("; "));
        return Optional.of(new DeviceUnavailableException(missingLibraries.get(missing.get(0)).reason(), detail));
    }

    /** One line: usable with versions and device count, or the reason, detail and remedy. */
    public String summary() {
        String versions = "driver " + versionText(driverVersion) + ", runtime " + versionText(runtimeVersion);
        if (usable()) {
            return "usable: " + devices.size() + " device(s), " + versions;
        }
        return "unusable: " + reason().orElseThrow() + " (" + detail() + "); " + remedy()
                + (coreFailure == null ? " [" + devices.size() + " device(s), " + versions + "]" : "");
    }

    /** A CUDA version number as {@code major.minor} (13010 is 13.1), or {@code unknown} for 0. */
    public static String versionText(int version) {
        return version <= 0 ? "unknown" : (version / 1000) + "." + (version % 1000) / 10;
    }

    @Override
    public String toString() {
        return summary();
    }

    private Optional<ProbeFailure> firstFailure() {
        if (coreFailure != null) {
            return Optional.of(coreFailure);
        }
        return missingLibraries.values().stream().findFirst();
    }
}
