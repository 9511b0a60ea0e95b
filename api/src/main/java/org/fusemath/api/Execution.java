package org.fusemath.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The requested execution space: HOST, a specific DEVICE, or AUTO (the device only when one is
 * usable and the problem is large enough to pay for the copies).
 */
public final class Execution {
    /** The kind of request. */
    public enum Kind {
        /** Always the host. */
        HOST,
        /** Always a device; fails with {@link DeviceUnavailableException} when none is usable. */
        DEVICE,
        /** The device when usable and worthwhile, else the host, silently. */
        AUTO
    }

    /** Run on the host. */
    public static final Execution HOST = new Execution(Kind.HOST, -1);
    /** Let fusemath choose. */
    public static final Execution AUTO = new Execution(Kind.AUTO, -1);

    private final Kind kind;
    private final int deviceId;

    private Execution(Kind kind, int deviceId) {
        this.kind = kind;
        this.deviceId = deviceId;
    }

    /** Run on the CUDA device with this ordinal. */
    public static Execution device(int deviceId) {
        Arguments.requireNonNegative("deviceId", deviceId);
        return new Execution(Kind.DEVICE, deviceId);
    }

    /** Run on CUDA device 0. */
    public static Execution device() {
        return device(0);
    }

    /** Parses {@code host}, {@code device}, {@code device:N} or {@code auto}, case-insensitively. */
    public static Execution parse(String text) {
        Arguments.requireNonNull(text, "execution");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("host")) {
            return HOST;
        }
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("device")) {
            return device(0);
        }
        if (t.startsWith("device:")) {
            try {
                return device(Integer.parseInt(t.substring("device:".length())));
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new InvalidArgumentException("execution", "'" + text + "'", "host, device, device:N or auto");
    }

    /** The kind of request. */
    public Kind kind() {
        return kind;
    }

    /** The device ordinal for DEVICE requests; -1 otherwise. */
    public int deviceId() {
        return deviceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Execution e && e.kind == kind && e.deviceId == deviceId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, deviceId);
    }

    @Override
    public String toString() {
        return kind == Kind.DEVICE ? "device:" + deviceId : kind.name().toLowerCase(Locale.ROOT);
    }
}
