package org.fusemath.api;

import org.ejml.data.CMatrixRMaj;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * A zero-copy view of a (batched) matrix in a caller's heap array ({@code float[]} for F32/C64,
 * {@code double[]} for F64/C128), or in an EJML matrix's backing array.
 *
 * <p>The view is immutable; the array it points at is the caller's, and writes through it are visible
 * to the caller. Sharing a view across threads is safe for reading; concurrent writers must coordinate.
 */
public final class HostMatrix {
    private final DType dtype;
    private final Object data;
    private final MatrixShape shape;

    private HostMatrix(DType dtype, Object data, MatrixShape shape) {
        this.dtype = dtype;
        this.data = data;
        this.shape = shape;
    }

    /** A view of {@code data} as {@code dtype} with {@code shape}; checks the array type and length. */
    public static HostMatrix of(DType dtype, Object data, MatrixShape shape) {
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNull(data, "data");
        Arguments.requireNonNull(shape, "shape");
        long length = dtype.arrayLength("data", data);
        shape.requireFits("data", length, dtype);
        return new HostMatrix(dtype, data, shape);
    }

    /** A dense row-major F64 matrix. */
    public static HostMatrix of(double[] data, int rows, int cols) {
        return of(DType.F64, data, MatrixShape.rowMajor(rows, cols));
    }

    /** A dense row-major F32 matrix. */
    public static HostMatrix of(float[] data, int rows, int cols) {
        return of(DType.F32, data, MatrixShape.rowMajor(rows, cols));
    }

    /** A dense row-major C128 matrix over interleaved (re, im) pairs. */
    public static HostMatrix complex(double[] interleaved, int rows, int cols) {
        return of(DType.C128, interleaved, MatrixShape.rowMajor(rows, cols));
    }

    /** A dense row-major C64 matrix over interleaved (re, im) pairs. */
    public static HostMatrix complex(float[] interleaved, int rows, int cols) {
        return of(DType.C64, interleaved, MatrixShape.rowMajor(rows, cols));
    }

    /** A view of an EJML F64 matrix's backing array. */
    public static HostMatrix of(DMatrixRMaj m) {
        Arguments.requireNonNull(m, "matrix");
        return of(DType.F64, m.data, MatrixShape.rowMajor(m.numRows, m.numCols));
    }

    /** A view of an EJML F32 matrix's backing array. */
    public static HostMatrix of(FMatrixRMaj m) {
        Arguments.requireNonNull(m, "matrix");
        return of(DType.F32, m.data, MatrixShape.rowMajor(m.numRows, m.numCols));
    }

    /** A view of an EJML C128 matrix's backing array. */
    public static HostMatrix of(ZMatrixRMaj m) {
        Arguments.requireNonNull(m, "matrix");
        return of(DType.C128, m.data, MatrixShape.rowMajor(m.numRows, m.numCols));
    }

    /** A view of an EJML C64 matrix's backing array. */
    public static HostMatrix of(CMatrixRMaj m) {
        Arguments.requireNonNull(m, "matrix");
        return of(DType.C64, m.data, MatrixShape.rowMajor(m.numRows, m.numCols));
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The geometry of the view. */
    public MatrixShape shape() {
        return shape;
    }

    /** The backing array ({@code float[]} or {@code double[]}), not a copy. */
    public Object array() {
        return data;
    }

    /** The backing {@code double[]}; throws for F32/C64 views. */
    public double[] doubles() {
        if (dtype.isSinglePrecision()) {
            throw new InvalidArgumentException("dtype", dtype, "F64 or C128 for a double[] view");
        }
        return (double[]) data;
    }

    /** The backing {@code float[]}; throws for F64/C128 views. */
    public float[] floats() {
        if (!dtype.isSinglePrecision()) {
            throw new InvalidArgumentException("dtype", dtype, "F32 or C64 for a float[] view");
        }
        return (float[]) data;
    }

    /** The same array seen with another geometry (checked). */
    public HostMatrix withShape(MatrixShape newShape) {
        return of(dtype, data, newShape);
    }

    /**
     * The header ({@code HostMatrix[F64 2x3 ROW_MAJOR ld=3]}) and, on the next lines, the elements as NumPy
     * prints them (a batch as a 3-D array), honouring layout, leading dimension, batch stride and offset;
     * more than 1000 elements are summarized to the first and last 3 per axis.
     */
    @Override
    public String toString() {
        long[] dims = shape.batch() == 1 ? new long[] {shape.rows(), shape.cols()}
                : new long[] {shape.batch(), shape.rows(), shape.cols()};
        ArrayText.Layout at = dims.length == 2 ? i -> shape.indexOf(0, i[0], i[1]) : i -> shape.indexOf(i[0], i[1], i[2]);
        return "HostMatrix[" + dtype + " " + shape + "]\n" + ArrayText.format(dims, dtype, data, at);
    }
}
