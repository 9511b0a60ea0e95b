package org.fusemath.api.spi;

import java.util.List;

/** A domain's validation cases, registered through {@code META-INF/services}. */
public interface ValidationSuite {
    /** The domain, e.g. {@code blas}. */
    String domain();

    /** The cases, quick and full. */
    List<ValidationCase> cases();
}
