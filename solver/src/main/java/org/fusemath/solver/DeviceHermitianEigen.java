package org.fusemath.solver;

import org.fusemath.api.DeviceTensor;

/**
 * The eigen decomposition A = V·diag(w)·Vᴴ of a Hermitian device matrix: {@code values} the n eigenvalues,
 * ascending, of the real component type (1-D), {@code vectors} the orthonormal eigenvectors as the columns of a
 * Fortran-order n×n device tensor (null when not asked for). {@link #close()} frees both buffers.
 */
public record DeviceHermitianEigen(DeviceTensor values, DeviceTensor vectors) implements AutoCloseable {
    @Override
    public void close() {
        DeviceSpectral.closeAll(values, vectors);
    }
}
