package org.fusemath.random.device;

import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.UnavailableReason;
import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;

/** Placeholder: cuRAND on the device (replaced below). */
public final class CurandDeviceGenerator implements AutoCloseable {
    private CurandDeviceGenerator() {
    }

    public static CurandDeviceGenerator open(RngType type, FuseContext context) {
        throw new DeviceUnavailableException(UnavailableReason.NO_DRIVER_LIBRARY, "not yet");
    }

    public static void checkBuffer(Distribution d, DeviceBuffer buffer) {
    }

    public void position(long seed, long offset) {
    }

    public void fillHost(Distribution d, int[] out, int from, int length, long offset) {
    }

    public void fillHost(Distribution d, float[] out, int from, int length, long offset) {
    }

    public void fillHost(Distribution d, double[] out, int from, int length, long offset) {
    }

    public void fillDevice(Distribution d, DeviceBuffer buffer, long offset) {
    }

    @Override
    public void close() {
    }
}
