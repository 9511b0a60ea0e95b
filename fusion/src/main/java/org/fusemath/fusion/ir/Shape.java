package org.fusemath.fusion.ir;

import java.util.Arrays;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;

/**
 * An immutable N-dimensional extent with NumPy's broadcasting rules; rank 0 is a scalar array. Values of every
 * shape are stored dense in C order (last axis fastest) wherever the planner allocates them.
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new long[0]);
    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    /** The shape with these extents (each ≥ 0; their product must fit a Java array index). */
    public static Shape of(long... dims) {
        Arguments.requireNonNull(dims, "dims");
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            Arguments.requireNonNegative("dims[" + i + "]", dims[i]);
            count = Arguments.multiply("element count", count, dims[i]);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new InvalidArgumentException("shape", Arrays.toString(dims),
                    "at most " + (Integer.MAX_VALUE - 8) + " elements (one Java array)");
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** The rank-0 shape {@code ()}. */
    public static Shape scalar() {
        return SCALAR;
    }

    /** Number of axes. */
    public int rank() {
        return dims.length;
    }

    /** Extent of {@code axis} (0 ≤ axis &lt; rank). */
    public long dim(int axis) {
        return dims[axis];
    }

    /** A copy of the extents. */
    public long[] dims() {
        return dims.clone();
    }

    /** Number of elements (1 for rank 0). */
    public long size() {
        long c = 1;
        for (long d : dims) {
            c *= d;
        }
        return c;
    }

    /**
     * NumPy's broadcast of two shapes (axes aligned at the right; extents equal or one of them 1), or a
     * {@link ShapeMismatchException} naming {@code node}.
     */
    public static Shape broadcast(String node, Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            long db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(node, "operands of shapes " + a + " and " + b,
                        "shapes that broadcast (NumPy: each axis, aligned at the right, equal or 1)");
            }
            out[i] = da == 1 ? db : da;
        }
        return of(out);
    }

    /** Whether a value of this shape broadcasts to {@code target} without changing it. */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) {
            return false;
        }
        int shift = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + shift]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The element strides, over the axes of {@code target}, of a dense C-order array of this shape broadcast
     * to {@code target}: 0 on every axis it is broadcast along (missing on the left, or extent 1 where the target's
     * is not), the C-order stride elsewhere. The element at target index (i₀, …, iₙ₋₁) is at Σ iₖ·strideₖ.
     */
    public long[] stridesIn(Shape target) {
        if (!broadcastsTo(target)) {
            throw new ShapeMismatchException("shape", toString(), "a shape that broadcasts to " + target);
        }
        long[] strides = new long[target.rank()];
        int shift = target.rank() - rank();
        long stride = 1;
        for (int i = rank() - 1; i >= 0; i--) {
            strides[i + shift] = dims[i] == 1 && target.dims[i + shift] != 1 ? 0 : stride;
            stride *= dims[i];
        }
        for (int i = 0; i < target.rank(); i++) {
            if (target.dims[i] == 1) {
                strides[i] = 0;   // one position: any stride reads the same element; 0 keeps keys canonical
            }
        }
        return strides;
    }

    /** This shape with extent 1 on each of {@code axes} (keepdims). */
    public Shape reduced(int[] axes) {
        long[] out = dims.clone();
        for (int a : axes) {
            out[a] = 1;
        }
        return of(out);
    }

    /** NumPy's tuple notation: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    @Override
    public String toString() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
