package org.fusemath.blas;

import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * Brings a read-only operand of a level-3 routine into the storage order of the routine's output, which
 * BLAS needs for all its matrices: a view of the transpose where the routine can absorb the transpose in its
 * flags (no data moves), otherwise a dense copy in the output's order.
 */
final class StorageOrders {
    private StorageOrders() {
    }

    /** The same memory read in the other storage order: the transpose of {@code m}, no data moves. */
    static HostMatrix transposedView(HostMatrix m) {
        return m.withShape(m.shape().transposedView());
    }

    /** A dense copy of the single matrix {@code m} in {@code layout}; {@code m} itself when it is already stored so. */
    static HostMatrix copyIn(HostMatrix m, Layout layout) {
        MatrixShape from = m.shape();
        if (from.layout() == layout) {
            return m;
        }
        MatrixShape to = MatrixShape.dense(from.rows(), from.cols(), layout);
        int slots = m.dtype().slotsPerElement();
        Object src = m.array();
        // The copy holds what the view addresses, which its own array holds: it fits unless the view is huge and dense.
        int length = Arguments.toInt("copy of " + m, Arguments.multiply("copy size", to.size(), slots));
        Object dst = m.dtype().isSinglePrecision() ? new float[length] : new double[length];
        // Level-3 routines are O(n³) on O(n²) data: an element-wise copy is noise beside them.
        for (long i = 0; i < from.rows(); i++) {
            for (long j = 0; j < from.cols(); j++) {
                System.arraycopy(src, (int) (from.indexOf(0, i, j) * slots), dst, (int) (to.indexOf(0, i, j) * slots), slots);
            }
        }
        return HostMatrix.of(m.dtype(), dst, to);
    }
}
