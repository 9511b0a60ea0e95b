package org.fusemath.api.spi;

import java.util.List;

/**
 * A family of {@link ExecOperation}s registered together through {@code META-INF/services} (e.g. the BLAS
 * level 1–3 routines, which share their parsing), because ServiceLoader makes one instance per class.
 */
public interface ExecOperationGroup {
    /** The operations of the group. */
    List<ExecOperation> operations();
}
