package org.fusemath.api.spi;

import java.util.Map;
import org.fusemath.api.Space;

/** A provider of one domain in one space (e.g. OpenBLAS on the host, cuBLAS on the device), listed by {@code fusemath info}. */
public interface Backend {
    /** Short name, e.g. {@code openblas}. */
    String name();

    /** The domain it serves: blas, fft, solver, random, fusion, runtime. */
    String domain();

    /** Where it runs. */
    Space space();

    /** Whether it can run here; never throws. */
    Availability availability();

    /** Versions and settings worth printing (library version, threads, core type); never throws. */
    Map<String, String> details();
}
