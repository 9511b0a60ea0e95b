package org.fusemath.validation.harness;

import java.util.List;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/**
 * Whether device cases can run, as the device runtime backend (domain {@code runtime}, space DEVICE)
 * reports it; without such a backend no device case can run.
 */
public record DeviceStatus(boolean usable, String reason) {
    /** What is reported when no device runtime backend is on the class path. */
    public static final String NO_BACKEND = "no device backend on the class path";

    /** The device runtime's report among {@code backends}, or unusable with {@link #NO_BACKEND}. */
    public static DeviceStatus from(List<Backend> backends) {
        for (Backend b : backends) {
            if (isDeviceRuntime(b)) {
                try {
                    Availability a = b.availability();
                    if (a.usable()) {
                        return new DeviceStatus(true, "");
                    }
                    return new DeviceStatus(false, a.reason() + (a.remedy().isEmpty() ? "" : " (" + a.remedy() + ")"));
                } catch (RuntimeException | LinkageError e) {
                    return new DeviceStatus(false, "the '" + b.name() + "' probe failed: " + e);
                }
            }
        }
        return new DeviceStatus(false, NO_BACKEND);
    }

    /** Whether {@code b} is the device runtime (the CUDA probe) rather than a domain provider. */
    public static boolean isDeviceRuntime(Backend b) {
        try {
            return "runtime".equals(b.domain()) && b.space() == Space.DEVICE;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
