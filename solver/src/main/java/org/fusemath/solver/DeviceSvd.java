package org.fusemath.solver;

import org.fusemath.api.DeviceTensor;

/**
 * A = U·Σ·Vᴴ of a device matrix, every part a device tensor on A's device (U and Vᴴ null when only the values were
 * asked for): {@code s} the min(m, n) singular values, descending, of the real component type, 1-D. U and Vᴴ are in
 * the storage order that needed no copy (Fortran for m ≥ n, C for m &lt; n: {@link DeviceTensor#isFortranOrder()}
 * says which). {@link #close()} frees all three buffers.
 */
public record DeviceSvd(DeviceTensor u, DeviceTensor s, DeviceTensor vh) implements AutoCloseable {
    @Override
    public void close() {
        DeviceSpectral.closeAll(u, s, vh);
    }
}
