package org.fusemath.solver;

import org.fusemath.api.DeviceTensor;

/**
 * The eigenvalues and right eigenvectors A·v = λ·v of a general square device matrix, complex: {@code values} n
 * complex eigenvalues (1-D), {@code vectors} the unit-norm right eigenvectors as the columns of a Fortran-order n×n
 * complex device tensor (null when not asked for). {@link #close()} frees both buffers.
 */
public record DeviceEigen(DeviceTensor values, DeviceTensor vectors) implements AutoCloseable {
    @Override
    public void close() {
        DeviceSpectral.closeAll(values, vectors);
    }
}
