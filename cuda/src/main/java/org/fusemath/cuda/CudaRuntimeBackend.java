package org.fusemath.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/** The CUDA device runtime as a {@link Backend} for {@code fusemath info}: the probe's verdict, versions and devices. */
public final class CudaRuntimeBackend implements Backend {
    private static final String BINDINGS_PROPERTIES = "META-INF/maven/org.bytedeco/cuda/pom.properties";

    /** The backend over the cached probe; for ServiceLoader. */
    public CudaRuntimeBackend() {
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String domain() {
        return "runtime";
    }

    @Override
    public Space space() {
        return Space.DEVICE;
    }

    @Override
    public Availability availability() {
        return availability(CudaProbe.get());
    }

    @Override
    public Map<String, String> details() {
        return details(CudaProbe.get());
    }

    static Availability availability(DeviceProbe probe) {
        if (probe.usable()) {
            return Availability.ok();
        }
        return Availability.unusable(probe.reason().orElseThrow() + ": " + probe.detail(), probe.remedy());
    }

    static Map<String, String> details(DeviceProbe probe) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("bindings", "org.bytedeco:cuda " + bindingsVersion());
        details.put("driver", versionDetail(probe.driverVersion()));
        details.put("runtime", versionDetail(probe.runtimeVersion()));
        details.put("devices", Integer.toString(probe.devices().size()));
        for (CudaDeviceInfo device : probe.devices()) {
            details.put("device." + device.ordinal(), device.describe());
        }
        for (CudaLibrary library : CudaLibrary.values()) {
            if (library.isOptional() && !probe.devices().isEmpty()) {
                String missing = probe.missingLibraries().get(library);
                details.put("library." + library.displayName(),
                        missing == null ? "loaded (" + String.join(", ", library.sonames()) + ")" : "missing: " + missing);
            }
        }
        return details;
    }

    private static String versionDetail(int version) {
        return version <= 0 ? "unknown" : DeviceProbe.versionText(version) + " (" + version + ")";
    }

    private static String bindingsVersion() {
        try (InputStream in = CudaRuntimeBackend.class.getClassLoader().getResourceAsStream(BINDINGS_PROPERTIES)) {
            if (in == null) {
                return "not on the class path";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
