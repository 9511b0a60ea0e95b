package org.fusemath.validation.suite;

/**
 * The direct index formulas the cases check reorderings against: the storage offset of a multi-index in
 * C order (last index fastest) or Fortran order (first index fastest), and stepping through multi-indices.
 */
final class Strides {
    private Strides() {
    }

    /** The element offset of {@code index} in an array of {@code shape} stored in the given order. */
    static long offset(long[] index, long[] shape, boolean fortran) {
        long offset = 0;
        long stride = 1;
        for (int k = 0; k < shape.length; k++) {
            int axis = fortran ? k : shape.length - 1 - k;
            offset += index[axis] * stride;
            stride *= shape[axis];
        }
        return offset;
    }

    /** Advances {@code index} to the next multi-index in C order; false after the last one. */
    static boolean next(long[] index, long[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return true;
            }
            index[axis] = 0;
        }
        return false;
    }

    /** The number of elements of {@code shape}. */
    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** {@code shape} as {@code 3x4x5}, or {@code scalar} for rank 0. */
    static String text(long[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return sb.toString();
    }
}
