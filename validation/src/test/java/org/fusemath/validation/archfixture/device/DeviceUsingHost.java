package org.fusemath.validation.archfixture.device;

import org.fusemath.validation.archfixture.host.HostThing;

/** Test fixture that breaks the device/host rule on purpose. */
public class DeviceUsingHost {
    /** Calls into a host package from a device package. */
    public int use() {
        return new HostThing().hashCode();
    }
}
