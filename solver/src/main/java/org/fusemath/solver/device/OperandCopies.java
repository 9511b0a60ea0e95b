package org.fusemath.solver.device;

/**
 * Element moves between device addresses for device operands, by one strided 2-D copy: element (i, j) of a
 * rows×cols grid goes from {@code src + (i·srcRowStride + j·srcColStride)·bytes} to {@code dst + (i·dstRowStride +
 * j·dstColStride)·bytes}. Dense copies, transpositions between C and Fortran order, diagonal reads and identity
 * fills (a zero source stride broadcasts one element) are all this call. {@link NvrtcOperandCopies} launches it on
 * the GPU; tests run a CPU fake over their fake device memory. Queued on the session's stream.
 */
interface OperandCopies {
    /** The strided copy; {@code elementBytes} is 4, 8 or 16 and every stride counts elements. */
    void copy2d(long src, long srcRowStride, long srcColStride, long dst, long dstRowStride, long dstColStride, long rows,
                long cols, int elementBytes);
}
