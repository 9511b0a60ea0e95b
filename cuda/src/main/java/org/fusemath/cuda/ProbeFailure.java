package org.fusemath.cuda;

import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.UnavailableReason;

/** Why one probe step failed: the reason and the library, version or message behind it. */
record ProbeFailure(UnavailableReason reason, String detail) {
    /** The exception a caller asking for the device gets. */
    DeviceUnavailableException toException() {
        return new DeviceUnavailableException(reason, detail);
    }
}
