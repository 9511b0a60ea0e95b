package org.fusemath.blas.device;

import org.fusemath.api.DeviceBuffer;

/**
 * Device memory a caller owns and a {@link CublasLtMatmul} made by {@link CublasLtMatmul#planResident} computes in,
 * without copies: A, B and C (D is written over C) as dense images of the spec's geometry (offset 0, each view's span
 * from its first to its last element, as {@code DeviceLayout} lays host views out), the bias vector and the GELU aux
 * matrix when the epilogue has them (null otherwise). The buffers must stay open as long as the plan. Immutable.
 *
 * @param a    A's image
 * @param b    B's image
 * @param c    C's image, read when beta ≠ 0, receiving D
 * @param bias the bias vector's image, or null
 * @param aux  the GELU aux matrix's image, or null
 */
public record ResidentOperands(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, DeviceBuffer bias, DeviceBuffer aux) {
}
