package org.fusemath.validation.ops;

import org.fusemath.api.Execution;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecRequest;

/** The check shared by operations that have no device implementation. */
final class HostOnly {
    private HostOnly() {
    }

    /** Throws when {@code request} insists on a device; AUTO is served on the host. */
    static void require(String op, ExecRequest request) {
        if (request.execution().kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("--space", request.execution(),
                    "host or auto: '" + op + "' runs on the host only");
        }
    }
}
