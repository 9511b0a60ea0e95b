package org.fusemath.api;

import java.util.Arrays;

/**
 * A dense N-dimensional array on the heap with NumPy's meaning of shape and order: what
 * {@code fusemath exec} reads from and writes to .npy files.
 *
 * <p>Immutable reference to a caller-owned array; the elements are not copied.
 */
public final class HostTensor {
    private final DType dtype;
    private final long[] shape;
    private final boolean fortranOrder;
    private final Object data;

    private HostTensor(DType dtype, long[] shape, boolean fortranOrder, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.data = data;
    }

    /**
     * A tensor of {@code dtype} with {@code shape} over {@code data} ({@code float[]} for F32/C64,
     * {@code double[]} for F64/C128, complex interleaved), in C order or, when {@code fortranOrder},
     * column-major (first index fastest). The array length must equal the element count times the slots.
     */
    public static HostTensor of(DType dtype, long[] shape, boolean fortranOrder, Object data) {
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNull(shape, "shape");
        Arguments.requireNonNull(data, "data");
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Arguments.requireNonNegative("shape[" + i + "]", shape[i]);
            count = Arguments.multiply("element count", count, shape[i]);
        }
        long slots = Arguments.multiply("slot count", count, dtype.slotsPerElement());
        int length = dtype.arrayLength("data", data);
        if (length != slots) {
            throw new InvalidArgumentException("data", "an array of length " + length,
                    "exactly " + slots + " slots for shape " + Arrays.toString(shape) + " of " + dtype);
        }
        return new HostTensor(dtype, shape.clone(), fortranOrder, data);
    }

    /** A C-order tensor. */
    public static HostTensor of(DType dtype, long[] shape, Object data) {
        return of(dtype, shape, false, data);
    }

    /** A zero-filled C-order tensor. */
    public static HostTensor zeros(DType dtype, long... shape) {
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Arguments.requireNonNegative("shape[" + i + "]", shape[i]);
            count = Arguments.multiply("element count", count, shape[i]);
        }
        int slots = Arguments.toInt("slot count", Arguments.multiply("slot count", count, dtype.slotsPerElement()));
        Object data = dtype.isSinglePrecision() ? new float[slots] : new double[slots];
        return of(dtype, shape, false, data);
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Extent of dimension {@code axis}, 0 ≤ axis &lt; {@link #rank()}. */
    public long dim(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new InvalidArgumentException("axis", axis, "an axis in [0, " + shape.length + ") for a tensor of rank "
                    + shape.length);
        }
        return shape[axis];
    }

    /** Whether elements are stored first-index-fastest (NumPy's {@code fortran_order}). */
    public boolean isFortranOrder() {
        return fortranOrder;
    }

    /** The backing array, not a copy. */
    public Object array() {
        return data;
    }

    /** Number of elements (product of the shape; 1 for a scalar). */
    public long elementCount() {
        long c = 1;
        for (long d : shape) {
            c *= d;
        }
        return c;
    }

    /** This tensor in C order: itself when already C order (or rank ≤ 1), else a reordered copy. */
    public HostTensor toCOrder() {
        if (!fortranOrder || shape.length <= 1) {
            return fortranOrder ? new HostTensor(dtype, shape, false, data) : this;
        }
        int slots = dtype.slotsPerElement();
        int n = (int) elementCount();
        Object out = dtype.isSinglePrecision() ? new float[n * slots] : new double[n * slots];
        int rank = shape.length;
        long[] idx = new long[rank];
        for (int c = 0; c < n; c++) {
            // idx is the C-order multi-index of linear position c; its Fortran position is f.
            long f = 0;
            for (int ax = rank - 1; ax >= 0; ax--) {
                f = f * shape[ax] + idx[ax];
            }
            System.arraycopy(data, (int) f * slots, out, c * slots, slots);
            for (int ax = rank - 1; ax >= 0; ax--) {
                if (++idx[ax] < shape[ax]) {
                    break;
                }
                idx[ax] = 0;
            }
        }
        return new HostTensor(dtype, shape, false, out);
    }

    /**
     * This tensor as a row-major matrix: a 2-D tensor as one matrix, a 3-D tensor as a batch of
     * matrices (NumPy's stacking convention); C order is required (see {@link #toCOrder()}).
     */
    public HostMatrix asMatrix() {
        if (fortranOrder && shape.length > 1) {
            throw new InvalidArgumentException("order", "fortran", "a C-order tensor (call toCOrder() first)");
        }
        if (shape.length == 2) {
            return HostMatrix.of(dtype, data, MatrixShape.rowMajor(shape[0], shape[1]));
        }
        if (shape.length == 3) {
            return HostMatrix.of(dtype, data, MatrixShape.rowMajor(shape[1], shape[2]).batched(shape[0]));
        }
        throw new InvalidArgumentException("rank", shape.length, "a 2-D matrix or a 3-D stack of matrices");
    }

    /**
     * The header ({@code HostTensor[F64 [2, 3] C]}) and, on the next lines, the elements as NumPy prints them
     * (in index order whatever the storage order); more than 1000 elements are summarized to the first and
     * last 3 per axis.
     */
    @Override
    public String toString() {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int k = 0; k < shape.length; k++) {
            int axis = fortranOrder ? k : shape.length - 1 - k;
            strides[axis] = stride;
            stride *= shape[axis];
        }
        String values = ArrayText.format(shape, dtype, data, index -> {
            long e = 0;
            for (int k = 0; k < index.length; k++) {
                e += index[k] * strides[k];
            }
            return e;
        });
        return "HostTensor[" + dtype + " " + Arrays.toString(shape) + (fortranOrder ? " F" : " C") + "]\n" + values;
    }
}
