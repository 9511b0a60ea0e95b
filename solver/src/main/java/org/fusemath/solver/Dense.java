package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/** Dense copies of one (non-batched) host matrix in a chosen storage order, for LAPACK's in-place routines. */
final class Dense {
    private Dense() {
    }

    /** A fresh array of {@code elements} elements of {@code t} (zeros). */
    static Object allocate(DType t, long elements) {
        int slots = Arguments.toInt("array slots", Arguments.multiply("array slots", elements, t.slotsPerElement()));
        return t.isSinglePrecision() ? new float[slots] : new double[slots];
    }

    /** m's elements packed without gaps in {@code layout} (one array copy when m already is dense in that order). */
    static Object copy(HostMatrix m, Layout layout) {
        Object out = allocate(m.dtype(), m.shape().size());
        copyInto(m, layout, out);
        return out;
    }

    /**
     * Writes m's elements packed without gaps in {@code layout} to the start of {@code out} (of m's array type, at
     * least rows·cols elements long): one array copy when m is already dense in that order, else an element loop.
     */
    static void copyInto(HostMatrix m, Layout layout, Object out) {
        MatrixShape s = m.shape();
        int slots = m.dtype().slotsPerElement();
        if (s.layout() == layout && s.isContiguous()) {
            System.arraycopy(m.array(), (int) (s.offset() * slots), out, 0, (int) (s.size() * slots));
            return;
        }
        int rows = (int) s.rows();
        int cols = (int) s.cols();
        // Walk the source in its own order (unit stride reads) and scatter into the destination.
        boolean srcRows = s.layout() == Layout.ROW_MAJOR;
        int outer = srcRows ? rows : cols;
        int inner = srcRows ? cols : rows;
        int ld = (int) s.ld();
        int base = (int) s.offset();
        // Destination stride per inner step and per outer step, in elements.
        boolean sameOrder = s.layout() == layout;
        int dInner = sameOrder ? 1 : outer;
        int dOuter = sameOrder ? inner : 1;
        if (m.array() instanceof double[] src) {
            double[] dst = (double[]) out;
            for (int o = 0; o < outer; o++) {
                int from = (base + o * ld) * slots;
                int to = o * dOuter * slots;
                if (slots == 1) {
                    for (int i = 0; i < inner; i++) {
                        dst[to + i * dInner] = src[from + i];
                    }
                } else {
                    for (int i = 0; i < inner; i++) {
                        dst[to + 2 * i * dInner] = src[from + 2 * i];
                        dst[to + 2 * i * dInner + 1] = src[from + 2 * i + 1];
                    }
                }
            }
        } else {
            float[] src = (float[]) m.array();
            float[] dst = (float[]) out;
            for (int o = 0; o < outer; o++) {
                int from = (base + o * ld) * slots;
                int to = o * dOuter * slots;
                if (slots == 1) {
                    for (int i = 0; i < inner; i++) {
                        dst[to + i * dInner] = src[from + i];
                    }
                } else {
                    for (int i = 0; i < inner; i++) {
                        dst[to + 2 * i * dInner] = src[from + 2 * i];
                        dst[to + 2 * i * dInner + 1] = src[from + 2 * i + 1];
                    }
                }
            }
        }
    }

    /**
     * A fresh n×n array holding only the {@code upper} (else lower) triangle, diagonal included, of the square
     * {@code m}'s dense copy in m's own storage order read column-major, zeros elsewhere: for potrf, which reads and
     * writes that triangle only. Line o of the copy (column o of a column-major m, row o of a row-major one) keeps
     * slots 0..o for upper, o..n-1 for lower. The array is zero when allocated, so the other triangle costs no pass.
     */
    static Object triangleCopy(HostMatrix m, boolean upper) {
        MatrixShape s = m.shape();
        int n = (int) s.rows();
        int slots = m.dtype().slotsPerElement();
        Object out = allocate(m.dtype(), (long) n * n);
        Object src = m.array();
        int ld = (int) s.ld();
        int base = (int) s.offset();
        for (int o = 0; o < n; o++) {
            int from = upper ? 0 : o;
            int count = upper ? o + 1 : n - o;
            System.arraycopy(src, (base + o * ld + from) * slots, out, (o * n + from) * slots, count * slots);
        }
        return out;
    }

    /**
     * {@link #copyInto} that also reports whether every copied slot is finite (no NaN or infinity), in the same pass
     * for a matrix already dense in {@code layout} (the common case), by a scan of the copy otherwise.
     */
    static boolean copyIntoFinite(HostMatrix m, Layout layout, Object out) {
        MatrixShape s = m.shape();
        int count = (int) (s.size() * m.dtype().slotsPerElement());
        if (s.layout() == layout && s.isContiguous()) {
            int from = (int) (s.offset() * m.dtype().slotsPerElement());
            return m.array() instanceof double[] d ? copyFinite(d, from, (double[]) out, count)
                    : copyFinite((float[]) m.array(), from, (float[]) out, count);
        }
        copyInto(m, layout, out);
        return out instanceof double[] d ? copyFinite(d, 0, d, count) : copyFinite((float[]) out, 0, (float[]) out, count);
    }

    /**
     * Copies {@code count} slots and tells whether all are finite. Branch-free: a slot's exponent field plus one
     * carries into the sign bit exactly when the field is all ones (NaN or infinity), and the results are or-ed.
     */
    private static boolean copyFinite(double[] src, int from, double[] dst, int count) {
        long flags = 0;
        for (int i = 0; i < count; i++) {
            double v = src[from + i];
            dst[i] = v;
            flags |= (Double.doubleToRawLongBits(v) & 0x7ff0_0000_0000_0000L) + 0x0010_0000_0000_0000L;
        }
        return flags >= 0;
    }

    private static boolean copyFinite(float[] src, int from, float[] dst, int count) {
        int flags = 0;
        for (int i = 0; i < count; i++) {
            float v = src[from + i];
            dst[i] = v;
            flags |= (Float.floatToRawIntBits(v) & 0x7f80_0000) + 0x0080_0000;
        }
        return flags >= 0;
    }

    /** The n×n identity in column-major order. */
    static Object identity(DType t, int n) {
        Object out = allocate(t, (long) n * n);
        int slots = t.slotsPerElement();
        for (int i = 0; i < n; i++) {
            if (out instanceof double[] d) {
                d[(i * n + i) * slots] = 1;
            } else {
                ((float[]) out)[(i * n + i) * slots] = 1;
            }
        }
        return out;
    }

    /** Negates the imaginary parts of the first {@code elements} elements of a complex array (no-op for real t). */
    static void conjugate(DType t, Object array, long elements) {
        if (!t.isComplex()) {
            return;
        }
        int end = (int) (2 * elements);
        if (array instanceof double[] d) {
            for (int i = 1; i < end; i += 2) {
                d[i] = -d[i];
            }
        } else {
            float[] f = (float[]) array;
            for (int i = 1; i < end; i += 2) {
                f[i] = -f[i];
            }
        }
    }

    /** |element| at slot index {@code at} (the modulus for complex types). */
    static double abs(DType t, Object array, int at) {
        double re = get(array, at);
        if (!t.isComplex()) {
            return Math.abs(re);
        }
        double im = get(array, at + 1);
        return Math.sqrt(re * re + im * im);
    }

    static double get(Object array, int slot) {
        return array instanceof double[] d ? d[slot] : ((float[]) array)[slot];
    }

    static void set(Object array, int slot, double value) {
        if (array instanceof double[] d) {
            d[slot] = value;
        } else {
            ((float[]) array)[slot] = (float) value;
        }
    }

    /**
     * The largest column sum of |element| (columns = true: the 1-norm) or row sum (the infinity norm) of the
     * column-major rows×cols matrix packed at the start of {@code a}; NaN when an element is NaN.
     */
    static double norm(DType t, Object a, int rows, int cols, boolean columns) {
        int slots = t.slotsPerElement();
        double worst = 0;
        boolean nan = false;
        double[] rowSums = columns ? null : new double[rows];
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double v = abs(t, a, (j * rows + i) * slots);
                if (columns) {
                    sum += v;
                } else {
                    rowSums[i] += v;
                }
            }
            nan |= Double.isNaN(sum);
            worst = Math.max(worst, sum);
        }
        if (!columns) {
            for (double s : rowSums) {
                nan |= Double.isNaN(s);
                worst = Math.max(worst, s);
            }
        }
        return nan ? Double.NaN : worst;
    }

    /**
     * A copy of the column-major rows×cols {@code a} with the triangle opposite {@code upper} set to zero (the
     * kept triangle includes the diagonal), packed in {@code layout}.
     */
    static HostMatrix triangle(DType t, Object a, int rows, int cols, int lda, boolean upper, Layout layout) {
        Object out = allocate(t, (long) rows * cols);
        int slots = t.slotsPerElement();
        for (int j = 0; j < cols; j++) {
            for (int i = upper ? 0 : j; i < (upper ? Math.min(j + 1, rows) : rows); i++) {
                int to = layout == Layout.COLUMN_MAJOR ? j * rows + i : i * cols + j;
                System.arraycopy(a, (j * lda + i) * slots, out, to * slots, slots);
            }
        }
        return HostMatrix.of(t, out, MatrixShape.dense(rows, cols, layout));
    }

    /** Zeros the triangle of the column-major n×n {@code a} opposite the kept one ({@code keepUpper}), diagonal kept. */
    static void zeroTriangle(DType t, Object a, int n, boolean keepUpper) {
        int slots = t.slotsPerElement();
        for (int j = 0; j < n; j++) {
            int from = keepUpper ? (j * n + j + 1) * slots : j * n * slots;
            int to = keepUpper ? (j + 1) * n * slots : (j * n + j) * slots;
            if (a instanceof double[] d) {
                java.util.Arrays.fill(d, from, to, 0);
            } else {
                java.util.Arrays.fill((float[]) a, from, to, 0);
            }
        }
    }
}
