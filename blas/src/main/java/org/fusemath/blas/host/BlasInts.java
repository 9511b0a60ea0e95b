package org.fusemath.blas.host;

import org.fusemath.api.Arguments;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * Turns a checked view's long geometry into the call table's 32-bit sizes. A heap array holds fewer than 2³¹
 * slots, so every extent of a non-empty view fits an int; what may not fit is geometry that addresses nothing:
 * the other extent of an empty operand, and the leading dimension of an empty view or of a view with one row
 * (row-major) or one column (column-major), which a view may set to anything at least its row or column length.
 */
final class BlasInts {
    private BlasInts() {
    }

    /** {@code value} as an int, or an InvalidArgumentException naming it and the limit. */
    static int of(String name, long value) {
        return Arguments.toInt(name, value);
    }

    /**
     * The leading dimension to pass for {@code s}: its own, or, when it never addresses an element (an empty view,
     * or at most one row in row-major order, one column in column-major), the smallest BLAS accepts.
     */
    static int ld(String name, MatrixShape s) {
        boolean rowMajor = s.layout() == Layout.ROW_MAJOR;
        long outer = rowMajor ? s.rows() : s.cols();
        long inner = rowMajor ? s.cols() : s.rows();
        return of(name, outer <= 1 || s.isEmpty() ? Math.max(1, inner) : s.ld());
    }

    /** Element offset of batch entry {@code entry} of {@code s}, 0 for an empty view (it reads and writes nothing). */
    static int entryOffset(String name, MatrixShape s, long entry) {
        return s.isEmpty() ? 0 : of(name, s.indexOf(entry, 0, 0));
    }
}
