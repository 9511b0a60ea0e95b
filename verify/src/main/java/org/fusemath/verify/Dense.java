package org.fusemath.verify;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;

/**
 * A dense row-major copy in double precision of a real or complex matrix, with the element type it came from
 * (whose unit roundoff the bounds use). Vectors and flat arrays are one column. Immutable once built.
 */
final class Dense {
    final DType dtype;
    final int rows;
    final int cols;
    final double[] re;
    final double[] im;

    Dense(DType dtype, int rows, int cols) {
        this.dtype = dtype;
        this.rows = rows;
        this.cols = cols;
        this.re = new double[Math.multiplyExact(rows, cols)];
        this.im = dtype.isComplex() ? new double[rows * cols] : null;
    }

    int size() {
        return re.length;
    }

    double re(int i, int j) {
        return re[i * cols + j];
    }

    double im(int i, int j) {
        return im == null ? 0 : im[i * cols + j];
    }

    double abs(int e) {
        return im == null ? Math.abs(re[e]) : Math.hypot(re[e], im[e]);
    }

    /** A row-major {@code rows x cols} matrix over {@code data} (all of it). */
    static Dense of(String name, double[] data, int rows, int cols) {
        Arguments.requireNonNull(data, name);
        requireLength(name, data.length, rows, cols);
        Dense d = new Dense(DType.F64, rows, cols);
        System.arraycopy(data, 0, d.re, 0, data.length);
        return d;
    }

    /** A row-major {@code rows x cols} matrix over {@code data} (all of it). */
    static Dense of(String name, float[] data, int rows, int cols) {
        Arguments.requireNonNull(data, name);
        requireLength(name, data.length, rows, cols);
        Dense d = new Dense(DType.F32, rows, cols);
        for (int i = 0; i < data.length; i++) {
            d.re[i] = data[i];
        }
        return d;
    }

    /** The matrix a view shows (any layout, leading dimension and offset; one batch entry). */
    static Dense of(String name, HostMatrix m) {
        Arguments.requireNonNull(m, name);
        MatrixShape s = m.shape();
        if (s.batch() != 1) {
            throw new InvalidArgumentException(name + ".shape().batch()", s.batch(), "1 (compare batch entries one by one)");
        }
        if (s.rows() > Integer.MAX_VALUE || s.cols() > Integer.MAX_VALUE || s.rows() * s.cols() > Integer.MAX_VALUE) {
            throw new InvalidArgumentException(name + ".shape()", s, "at most 2^31 - 1 elements");
        }
        Dense d = new Dense(m.dtype(), (int) s.rows(), (int) s.cols());
        int slots = m.dtype().slotsPerElement();
        Object data = m.array();
        for (int i = 0; i < d.rows; i++) {
            for (int j = 0; j < d.cols; j++) {
                int at = (int) s.indexOf(0, i, j) * slots;
                d.re[i * d.cols + j] = slot(data, at);
                if (d.im != null) {
                    d.im[i * d.cols + j] = slot(data, at + 1);
                }
            }
        }
        return d;
    }

    private static double slot(Object data, int at) {
        return data instanceof double[] v ? v[at] : ((float[]) data)[at];
    }

    private static void requireLength(String name, int length, int rows, int cols) {
        Arguments.requireNonNegative(name + " rows", rows);
        Arguments.requireNonNegative(name + " cols", cols);
        if ((long) rows * cols != length) {
            throw new InvalidArgumentException(name + ".length", length, rows + " x " + cols + " = " + (long) rows * cols
                    + " elements");
        }
    }

    /** The element at flat index {@code e} as text: {@code 1.25} or {@code 1.25-0.5j}. */
    String text(int e) {
        if (im == null) {
            return Double.toString(re[e]);
        }
        return re[e] + (im[e] < 0 || Double.isNaN(im[e]) && Double.doubleToRawLongBits(im[e]) < 0 ? "" : "+") + im[e] + "j";
    }

    /** {@code [i, j]} for a matrix, {@code [i]} for a column. */
    String position(int e) {
        return cols == 1 ? "[" + e + "]" : "[" + e / cols + ", " + e % cols + "]";
    }
}
