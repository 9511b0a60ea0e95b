package org.fusemath.solver.device;

/**
 * Row i of a dense column-major rows×cols matrix at {@code matrix} multiplied in place by the real weight i of the
 * {@code rows} at {@code weights} (both parts of a complex element), queued on the session's stream: the diagonal
 * scaling of the device least-squares solve. {@link NvrtcRowScaling} launches it on the GPU; tests run a CPU fake.
 */
interface RowScaling {
    /** The scaling; {@code single} selects float weights and elements, {@code slots} is 1 (real) or 2 (complex). */
    void scaleRows(long matrix, long weights, long rows, long cols, boolean single, int slots);
}
