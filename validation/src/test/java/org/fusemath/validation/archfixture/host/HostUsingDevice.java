package org.fusemath.validation.archfixture.host;

import org.fusemath.validation.archfixture.device.DeviceThing;

/** Test fixture that breaks the host/device rule on purpose. */
public class HostUsingDevice {
    /** Calls into a device package from a host package. */
    public int use() {
        return new DeviceThing().hashCode();
    }
}
