package org.fusemath.solver;

import org.fusemath.api.DeviceTensor;

/**
 * numpy.linalg.lstsq of device tensors, as NumPy returns it, every part but the rank a device tensor on A's device.
 * {@link #close()} frees the three buffers.
 *
 * @param x the minimum-norm least-squares solution: [n] for a 1-D B, else [n, k] in B's storage order
 * @param residuals the squared 2-norm of each column of B − A·X when rank = n &lt; m ([k], real), else empty ([0])
 * @param rank the number of singular values above rcond·σ₁
 * @param singularValues A's min(m, n) singular values, descending (1-D, real)
 */
public record DeviceLstsq(DeviceTensor x, DeviceTensor residuals, int rank, DeviceTensor singularValues)
        implements AutoCloseable {
    @Override
    public void close() {
        DeviceSpectral.closeAll(x, residuals, singularValues);
    }
}
