package org.fusemath.blas;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * A zero-copy view of a strided vector in a caller's heap array ({@code float[]} for F32/C64,
 * {@code double[]} for F64/C128, complex interleaved): element i lives at element {@code offset + i·stride}.
 * Immutable; safe to share for reading.
 */
public final class HostVector {
    private final DType dtype;
    private final Object data;
    private final int length;
    private final int offset;
    private final int stride;

    private HostVector(DType dtype, Object data, int length, int offset, int stride) {
        this.dtype = dtype;
        this.data = data;
        this.length = length;
        this.offset = offset;
        this.stride = stride;
    }

    /**
     * A view of {@code length} elements of {@code dtype} from element {@code offset}, {@code stride} apart
     * (1 ≤ stride ≤ 2³¹−1, the range of a BLAS increment).
     */
    public static HostVector of(DType dtype, Object data, long length, long offset, long stride) {
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNull(data, "data");
        Arguments.requireNonNegative("length", length);
        Arguments.requireNonNegative("offset", offset);
        if (stride < 1 || stride > Integer.MAX_VALUE) {
            // BLAS increments are 32-bit; only a vector of at most one element could have a longer one.
            throw new InvalidArgumentException("stride", stride, "a stride in [1, " + Integer.MAX_VALUE + "]");
        }
        long slots;
        if (dtype.isSinglePrecision()) {
            if (!(data instanceof float[] f)) {
                throw new InvalidArgumentException("data", data.getClass().getSimpleName(), "a float[] for " + dtype);
            }
            slots = f.length;
        } else {
            if (!(data instanceof double[] d)) {
                throw new InvalidArgumentException("data", data.getClass().getSimpleName(), "a double[] for " + dtype);
            }
            slots = d.length;
        }
        long end = length == 0 ? offset : Arguments.add("vector extent", offset,
                Arguments.add("vector extent", Arguments.multiply("vector extent", length - 1, stride), 1));
        Arguments.requireLength("data", slots, Arguments.multiply("vector extent", end, dtype.slotsPerElement()));
        // The array holds every addressed slot, so length and offset fit an int.
        return new HostVector(dtype, data, (int) length, (int) offset, (int) stride);
    }

    /** The whole F64 array. */
    public static HostVector of(double[] data) {
        return of(DType.F64, data, Arguments.requireNonNull(data, "data").length, 0, 1);
    }

    /** The whole F32 array. */
    public static HostVector of(float[] data) {
        return of(DType.F32, data, Arguments.requireNonNull(data, "data").length, 0, 1);
    }

    /** The whole array as C128 (interleaved pairs). */
    public static HostVector complex(double[] interleaved) {
        return of(DType.C128, interleaved, Arguments.requireNonNull(interleaved, "data").length / 2, 0, 1);
    }

    /** The whole array as C64 (interleaved pairs). */
    public static HostVector complex(float[] interleaved) {
        return of(DType.C64, interleaved, Arguments.requireNonNull(interleaved, "data").length / 2, 0, 1);
    }

    /** Row {@code i} of a (single) matrix. */
    public static HostVector row(HostMatrix m, long i) {
        MatrixShape s = single(m);
        checkIndex("i", i, s.rows());
        return of(m.dtype(), m.array(), s.cols(), start(s.cols(), s, i, 0), step(s.cols(), s.layout() == Layout.ROW_MAJOR, s));
    }

    /** Column {@code j} of a (single) matrix. */
    public static HostVector column(HostMatrix m, long j) {
        MatrixShape s = single(m);
        checkIndex("j", j, s.cols());
        return of(m.dtype(), m.array(), s.rows(), start(s.rows(), s, 0, j), step(s.rows(), s.layout() != Layout.ROW_MAJOR, s));
    }

    /** Where a row or column of {@code length} elements starts; an empty one at the view's offset, inside its array. */
    private static long start(long length, MatrixShape s, long i, long j) {
        return length == 0 ? s.offset() : s.indexOf(0, i, j);
    }

    /**
     * The stride of a row or column of {@code length} elements: 1 along the storage order, else ld, which one
     * element never steps over (the ld of a view with one row or column may be past a stride's range).
     */
    private static long step(long length, boolean alongStorage, MatrixShape s) {
        return alongStorage || length <= 1 ? 1 : s.ld();
    }

    private static MatrixShape single(HostMatrix m) {
        Arguments.requireNonNull(m, "matrix");
        if (m.shape().batch() != 1) {
            throw new InvalidArgumentException("matrix.batch", m.shape().batch(), "1");
        }
        return m.shape();
    }

    private static void checkIndex(String name, long index, long size) {
        if (index < 0 || index >= size) {
            throw new InvalidArgumentException(name, index, "an index in [0, " + size + ")");
        }
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The backing array, not a copy. */
    public Object array() {
        return data;
    }

    /** Number of elements. */
    public int length() {
        return length;
    }

    /** Element offset of the first element. */
    public int offset() {
        return offset;
    }

    /** Elements between consecutive vector elements. */
    public int stride() {
        return stride;
    }

    /** Array slots [first, end) the view spans. */
    long firstSlot() {
        return (long) offset * dtype.slotsPerElement();
    }

    long endSlot() {
        return length == 0 ? firstSlot() : ((long) offset + (long) (length - 1) * stride + 1) * dtype.slotsPerElement();
    }

    @Override
    public String toString() {
        return "HostVector[" + dtype + " " + length + (offset == 0 ? "" : " offset=" + offset)
                + (stride == 1 ? "" : " stride=" + stride) + "]";
    }
}
