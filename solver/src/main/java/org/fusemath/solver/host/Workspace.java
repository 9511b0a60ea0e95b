package org.fusemath.solver.host;

import org.fusemath.api.DType;

/** Workspace arrays for LAPACK's drivers: allocation by element type and reading a workspace query's answer. */
final class Workspace {
    private Workspace() {
    }

    /** A zeroed array of {@code elements} elements of t (two slots each for complex types), at least one element. */
    static Object allocate(DType t, long elements) {
        long slots = Math.max(1, elements) * t.slotsPerElement();
        if (slots > Integer.MAX_VALUE - 8) {
            throw new org.fusemath.api.ResourceLimitException(
                    "a LAPACK workspace of " + elements + " " + t + " elements exceeds a Java array");
        }
        return t.isSinglePrecision() ? new float[(int) slots] : new double[(int) slots];
    }

    /**
     * The size a query wrote to work[0] (its real part). Single-precision LAPACK returns it as a float, which rounds
     * sizes above 2²⁴ to the nearest float, possibly down: the answer is rounded up past that rounding.
     */
    static int optimal(Object work, int minimum) {
        double value = work instanceof double[] d ? d[0] : ((float[]) work)[0];
        if (work instanceof float[]) {
            value = Math.ceil(value * (1 + 0x1p-22));
        }
        if (value > Integer.MAX_VALUE - 8) {
            throw new org.fusemath.api.ResourceLimitException("LAPACK asked for a workspace of " + value
                    + " elements, more than a Java array holds");
        }
        return Math.max(minimum, (int) value);
    }
}
