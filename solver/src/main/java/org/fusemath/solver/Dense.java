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
        MatrixShape s = m.shape();
        DType t = m.dtype();
        int slots = t.slotsPerElement();
        Object out = allocate(t, s.size());
        if (s.layout() == layout && s.isContiguous()) {
            System.arraycopy(m.array(), (int) (s.offset() * slots), out, 0, (int) (s.size() * slots));
            return out;
        }
        MatrixShape d = MatrixShape.dense(s.rows(), s.cols(), layout);
        for (long i = 0; i < s.rows(); i++) {
            for (long j = 0; j < s.cols(); j++) {
                System.arraycopy(m.array(), (int) (s.indexOf(0, i, j) * slots), out, (int) (d.indexOf(0, i, j) * slots),
                        slots);
            }
        }
        return out;
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
}
