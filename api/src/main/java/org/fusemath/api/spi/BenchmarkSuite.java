package org.fusemath.api.spi;

import java.util.List;

/** A domain's {@code fusemath bench} cases, registered through {@code META-INF/services}. */
public interface BenchmarkSuite {
    /** The domain, e.g. {@code blas}. */
    String domain();

    /** The cases, quick and full. */
    List<BenchmarkCase> cases();
}
