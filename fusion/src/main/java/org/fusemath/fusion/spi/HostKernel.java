package org.fusemath.fusion.spi;

/**
 * An executable host form of one {@link org.fusemath.fusion.ir.FusedGroup}: generated code, or the
 * {@link org.fusemath.fusion.ir.GroupInterpreter}. Stateless and safe to call from several threads at once
 * on distinct outputs.
 *
 * <p>{@code inputs[k]} is the dense C-order array of the group's input k ({@code float[]} for F32,
 * {@code double[]} for F64) and {@code outputs[k]} that of output k; the planner has checked every length
 * against the group's shapes before the call, so a kernel does not check them again. An output array is none of
 * the input arrays, except that a group without reductions may write an output over an input of the output's type
 * and shape (each element is read before it is written; the GEMM panel path finishes C in place so): a group with
 * reductions may use an output's array to hold values between its loops.
 */
public interface HostKernel {
    /** Computes every output over the whole iteration space. */
    void run(Object[] inputs, Object[] outputs);

    /**
     * Computes the outputs for indices {@code from ≤ i₀ < to} of axis 0 of the iteration space only (one panel of
     * rows of a GEMM's result, while it is in cache); the planner calls it only on a group of rank ≥ 1 that does
     * not reduce axis 0.
     */
    void run(Object[] inputs, Object[] outputs, int from, int to);
}
