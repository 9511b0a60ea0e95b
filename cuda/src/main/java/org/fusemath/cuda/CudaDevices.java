package org.fusemath.cuda;

import java.util.List;
import org.fusemath.api.DeviceUnavailableException;

/** The gate every device entry point passes: the probed devices, and one clear exception when unusable. Thread-safe. */
public final class CudaDevices {
    private CudaDevices() {
    }

    /** Whether device 0 and every CUDA library are usable. Never throws. */
    public static boolean isUsable() {
        return CudaProbe.get().usable();
    }

    /** The visible devices; empty when CUDA is not usable. */
    public static List<CudaDeviceInfo> list() {
        return CudaProbe.get().devices();
    }

    /**
     * Device {@code deviceId}, when it, the driver, the runtime and {@code libraries} are usable.
     *
     * @throws DeviceUnavailableException naming the reason (no driver library, no device, driver too old, a CUDA
     *         library missing, bindings missing, no such device, initialisation failed) and what to install
     */
    public static CudaDeviceInfo require(int deviceId, CudaLibrary... libraries) {
        return CudaProbe.get().require(deviceId, libraries);
    }
}
