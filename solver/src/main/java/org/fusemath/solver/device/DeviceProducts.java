package org.fusemath.solver.device;

import org.fusemath.api.DeviceBuffer;
import org.fusemath.blas.MatmulSpec;

/**
 * Matrix products on device memory the solver owns or was given, queued on the session's stream: D = alpha·op(A)·op(B)
 * + beta·C written over C, each buffer the dense image of the spec's geometry from its address. {@link CublasProducts}
 * runs them through blas's device-resident matmul; tests run them through the host BLAS on their fake device memory.
 */
interface DeviceProducts {
    /** The product {@code spec} on {@code a}, {@code b} and {@code c} (which receives the result). */
    void matmul(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c);
}
