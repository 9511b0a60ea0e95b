package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;

/**
 * The checks every call-table entry makes before a native call: array type, leading dimensions, increments
 * and the extent each operand addresses. Extents are returned in array slots (a complex element is two).
 */
final class CallChecks {
    private CallChecks() {
    }

    static void nonNull(Object value, String name) {
        if (value == null) {
            throw new InvalidArgumentException(name, "null", "a non-null value");
        }
    }

    static void dims(String name, int value) {
        if (value < 0) {
            throw new InvalidArgumentException(name, value, "a value >= 0");
        }
    }

    /** Checks a matrix operand; returns the slots it spans from its first slot (0 when it has no element). */
    static int matrix(String name, DType t, Layout order, int rows, int cols, Object array, int offset, int ld) {
        int inner = order == Layout.ROW_MAJOR ? cols : rows;
        int outer = order == Layout.ROW_MAJOR ? rows : cols;
        if (ld < Math.max(1, inner)) {
            throw new InvalidArgumentException("ld" + name, ld, "a leading dimension >= max(1, " + inner + ") for the "
                    + rows + "x" + cols + " " + order + " operand " + name);
        }
        long elements = rows == 0 || cols == 0 ? 0 : (long) (outer - 1) * ld + inner;
        return span(name, t, array, offset, elements);
    }

    /** Checks a vector operand of n elements at increment inc (either sign, not 0); returns its span in slots. */
    static int vector(String name, DType t, int n, Object array, int offset, int inc) {
        if (inc == 0) {
            throw new InvalidArgumentException("inc" + name, inc, "a non-zero increment");
        }
        long elements = n == 0 ? 0 : (long) (n - 1) * Math.abs((long) inc) + 1;
        return span(name, t, array, offset, elements);
    }

    /** Checks a plain array of {@code elements} elements of t starting at element {@code offset}; returns its span. */
    static int span(String name, DType t, Object array, int offset, long elements) {
        nonNull(array, name);
        int length;
        if (t.isSinglePrecision()) {
            if (!(array instanceof float[] f)) {
                throw new InvalidArgumentException(name, array.getClass().getSimpleName(), "a float[] for " + t);
            }
            length = f.length;
        } else {
            if (!(array instanceof double[] d)) {
                throw new InvalidArgumentException(name, array.getClass().getSimpleName(), "a double[] for " + t);
            }
            length = d.length;
        }
        if (offset < 0) {
            throw new InvalidArgumentException("offset" + name, offset, "a value >= 0");
        }
        long slots = elements * t.slotsPerElement();
        long first = (long) offset * t.slotsPerElement();
        if (first + slots > length) {
            throw new InvalidArgumentException(name, "an array of length " + length, "at least " + (first + slots)
                    + " slots (" + elements + " elements from element " + offset + ")");
        }
        return (int) slots;
    }

    static void intArray(String name, int[] array, int offset, int count) {
        nonNull(array, name);
        if (offset < 0 || (long) offset + count > array.length) {
            throw new InvalidArgumentException(name, "an int[" + array.length + "] from " + offset,
                    "room for " + count + " entries");
        }
    }

    /**
     * A private copy of the {@code count} pivot rows of {@code ipiv} from {@code offset}, each checked to be a 1-based
     * row number in 1..{@code rows} (what getrf writes): getrs's row interchanges (laswp) swap row i with row ipiv[i]
     * without a check, so a value outside that range reads and writes memory outside the matrix. The native call is
     * given the copy, so another thread changing {@code ipiv} after the check cannot undo it.
     */
    static int[] pivotRows(String name, int[] ipiv, int offset, int count, int rows) {
        intArray(name, ipiv, offset, count);
        int[] copy = java.util.Arrays.copyOfRange(ipiv, offset, offset + count);
        for (int i = 0; i < count; i++) {
            if (copy[i] < 1 || copy[i] > rows) {
                throw new InvalidArgumentException(name, copy[i] + " at index " + (offset + i),
                        "a 1-based row number in 1.." + rows + " (as getrf writes it)");
            }
        }
        return copy;
    }

    static void realScalar(String name, DType t, double im) {
        if (!t.isComplex() && im != 0) {
            throw new InvalidArgumentException(name, "an imaginary part " + im, "0 for " + t);
        }
    }

    static void complexOnly(String op, DType t) {
        if (!t.isComplex()) {
            throw new InvalidArgumentException("dtype", t, "C64 or C128 for " + op);
        }
    }

    static Trans noConjNoTrans(String name, Trans trans) {
        if (trans == Trans.R) {
            throw new InvalidArgumentException(name, trans, "N, T or C");
        }
        return trans;
    }
}
