package org.fusemath.api;

/**
 * The checked geometry of a (batched) matrix operand inside a flat array or buffer: rows, columns,
 * storage order, leading dimension, offset and batch stride, all counted in elements (a complex
 * element is one element, two array slots).
 *
 * <p>Element (b, i, j) lives at {@code offset + b*batchStride + i*ld + j} in row-major order and at
 * {@code offset + b*batchStride + j*ld + i} in column-major order. A batch stride of 0 broadcasts one
 * matrix to every batch entry, as cuBLAS allows.
 */
public record MatrixShape(long batch, long rows, long cols, Layout layout, long ld, long batchStride, long offset) {

    /** Checks every field; see the class description for their meaning. */
    public MatrixShape {
        Arguments.requireNonNegative("batch", batch);
        Arguments.requireNonNegative("rows", rows);
        Arguments.requireNonNegative("cols", cols);
        Arguments.requireNonNull(layout, "layout");
        long minLd = Math.max(1, layout == Layout.ROW_MAJOR ? cols : rows);
        if (ld < minLd) {
            throw new InvalidArgumentException("ld", ld, "a leading dimension >= " + minLd + " for a "
                    + rows + "x" + cols + " " + layout + " matrix");
        }
        Arguments.requireNonNegative("batchStride", batchStride);
        Arguments.requireNonNegative("offset", offset);
        requiredElements(batch, rows, cols, layout, ld, batchStride, offset);
    }

    /** A dense row-major rows×cols matrix at offset 0. */
    public static MatrixShape rowMajor(long rows, long cols) {
        return new MatrixShape(1, rows, cols, Layout.ROW_MAJOR, Math.max(1, cols), 0, 0);
    }

    /** A dense column-major rows×cols matrix at offset 0. */
    public static MatrixShape columnMajor(long rows, long cols) {
        return new MatrixShape(1, rows, cols, Layout.COLUMN_MAJOR, Math.max(1, rows), 0, 0);
    }

    /** A dense rows×cols matrix in the given order at offset 0. */
    public static MatrixShape dense(long rows, long cols, Layout layout) {
        return layout == Layout.ROW_MAJOR ? rowMajor(rows, cols) : columnMajor(rows, cols);
    }

    /** The same matrix with another leading dimension. */
    public MatrixShape withLd(long newLd) {
        return new MatrixShape(batch, rows, cols, layout, newLd, batchStride, offset);
    }

    /** The same matrix starting {@code newOffset} elements into the storage. */
    public MatrixShape withOffset(long newOffset) {
        return new MatrixShape(batch, rows, cols, layout, ld, batchStride, newOffset);
    }

    /** {@code count} matrices of this shape, {@code stride} elements apart. */
    public MatrixShape batched(long count, long stride) {
        return new MatrixShape(count, rows, cols, layout, ld, stride, offset);
    }

    /** {@code count} matrices of this shape packed one after another. */
    public MatrixShape batched(long count) {
        return batched(count, Arguments.multiply("batchStride", ld, layout == Layout.ROW_MAJOR ? rows : cols));
    }

    /**
     * The batch of NumPy's {@code a @ b} for stacks of {@code batchA} and {@code batchB} matrices: their common
     * count, or the other's when one is 1 (a single matrix is broadcast, also to an empty stack of 0).
     *
     * @throws ShapeMismatchException naming {@code nameB} when the counts differ and neither is 1
     */
    public static long broadcastBatch(String nameA, long batchA, String nameB, long batchB) {
        if (batchA == batchB || batchB == 1) {
            return batchA;
        }
        if (batchA == 1) {
            return batchB;
        }
        throw new ShapeMismatchException(nameB, "a batch of " + batchB, "a batch of " + batchA + " (as " + nameA
                + ") or 1 (broadcast)");
    }

    /** Elements of one matrix (rows × cols). */
    public long size() {
        return Arguments.multiply("rows * cols", rows, cols);
    }

    /** Whether the matrix has no elements (or the batch is empty). */
    public boolean isEmpty() {
        return batch == 0 || rows == 0 || cols == 0;
    }

    /** Whether one matrix is stored without gaps (ld equals the row or column length). */
    public boolean isContiguous() {
        return ld == Math.max(1, layout == Layout.ROW_MAJOR ? cols : rows);
    }

    /** The same memory read as the transposed matrix in the other storage order (no data moves). */
    public MatrixShape transposedView() {
        return new MatrixShape(batch, cols, rows, layout.transposed(), ld, batchStride, offset);
    }

    /** Offset of element (b, i, j), unchecked. */
    public long indexOf(long b, long i, long j) {
        return offset + b * batchStride + (layout == Layout.ROW_MAJOR ? i * ld + j : j * ld + i);
    }

    /** The smallest number of elements the storage must hold: one past the last element addressed. */
    public long requiredElements() {
        return requiredElements(batch, rows, cols, layout, ld, batchStride, offset);
    }

    private static long requiredElements(long batch, long rows, long cols, Layout layout, long ld,
                                         long batchStride, long offset) {
        if (batch == 0 || rows == 0 || cols == 0) {
            return offset;
        }
        long outer = layout == Layout.ROW_MAJOR ? rows : cols;
        long inner = layout == Layout.ROW_MAJOR ? cols : rows;
        long span = Arguments.add("matrix extent", Arguments.multiply("matrix extent", outer - 1, ld), inner);
        long batches = Arguments.multiply("batch extent", batch - 1, batchStride);
        return Arguments.add("operand extent", Arguments.add("operand extent", offset, batches), span);
    }

    /** Throws unless an array of {@code slots} entries of {@code dtype} holds every element this shape addresses. */
    public void requireFits(String name, long slots, DType dtype) {
        Arguments.requireLength(name, slots,
                Arguments.multiply(name + " extent", requiredElements(), dtype.slotsPerElement()));
    }

    @Override
    public String toString() {
        String dims = rows + "x" + cols;
        return (batch == 1 ? dims : batch + "x" + dims) + " " + layout + " ld=" + ld
                + (batch == 1 ? "" : " stride=" + batchStride) + (offset == 0 ? "" : " offset=" + offset);
    }
}
