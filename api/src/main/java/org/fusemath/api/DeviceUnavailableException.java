package org.fusemath.api;

/** A device was asked for but none is usable; says why and what to install. */
public class DeviceUnavailableException extends FusemathException {
    private static final long serialVersionUID = 1L;

    private final UnavailableReason reason;
    private final String detail;

    /** No device is usable for {@code reason}; {@code detail} names the library or value involved. */
    public DeviceUnavailableException(UnavailableReason reason, String detail) {
        super("no usable CUDA device: " + reason + " (" + detail + "); " + reason.remedy());
        this.reason = reason;
        this.detail = detail;
    }

    /** Why no device is usable. */
    public UnavailableReason reason() {
        return reason;
    }

    /** The library, version or value behind the reason. */
    public String detail() {
        return detail;
    }
}
