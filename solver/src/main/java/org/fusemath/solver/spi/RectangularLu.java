package org.fusemath.solver.spi;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.solver.host.LapackLu;

/**
 * getrf of one m×n matrix (P·A = L·U with partial pivoting, any shape) for scipy.linalg.lu: a column-major copy of
 * A (a row-major A is copied transposed: the LU of its column-major reading Aᵀ would pivot columns, not rows), the
 * unit lower L (m×k), the upper U (k×n) and the row order the interchanges give.
 */
final class RectangularLu {
    private final DType t;
    private final int m;
    private final int n;
    private final Object f;
    private final int[] ipiv;

    private RectangularLu(DType t, int m, int n, Object f, int[] ipiv) {
        this.t = t;
        this.m = m;
        this.n = n;
        this.f = f;
        this.ipiv = ipiv;
    }

    static RectangularLu factor(FuseContext context, HostMatrix a) {
        DType t = a.dtype();
        int m = (int) a.shape().rows();
        int n = (int) a.shape().cols();
        int slots = t.slotsPerElement();
        Object f = t.isSinglePrecision() ? new float[m * n * slots] : new double[m * n * slots];
        MatrixShape col = MatrixShape.columnMajor(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                System.arraycopy(a.array(), (int) a.shape().indexOf(0, i, j) * slots, f, (int) col.indexOf(0, i, j) * slots,
                        slots);
            }
        }
        int[] ipiv = new int[Math.min(m, n)];
        if (m > 0 && n > 0) {
            // A singular A is factored all the same (info > 0 only says U has a zero pivot), as SciPy does.
            LapackLu.factor(context.threads(), t, m, n, f, ipiv);
        }
        return new RectangularLu(t, m, n, f, ipiv);
    }

    /** order[i] = the row of A that row i of P·A is (the interchanges applied to 0..m−1). */
    int[] rowOrder() {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        for (int i = 0; i < ipiv.length; i++) {
            int other = ipiv[i] - 1;
            int swap = order[i];
            order[i] = order[other];
            order[other] = swap;
        }
        return order;
    }

    /** L: m×k, ones on the diagonal, the multipliers below it. */
    HostMatrix lower() {
        int k = Math.min(m, n);
        int slots = t.slotsPerElement();
        Object l = t.isSinglePrecision() ? new float[m * k * slots] : new double[m * k * slots];
        for (int j = 0; j < k; j++) {
            set(l, (j * m + j) * slots, 1);
            System.arraycopy(f, (j * m + j + 1) * slots, l, (j * m + j + 1) * slots, (m - j - 1) * slots);
        }
        return HostMatrix.of(t, l, MatrixShape.columnMajor(m, k));
    }

    /** U: k×n, the upper triangle of the factors. */
    HostMatrix upper() {
        int k = Math.min(m, n);
        int slots = t.slotsPerElement();
        Object u = t.isSinglePrecision() ? new float[k * n * slots] : new double[k * n * slots];
        for (int j = 0; j < n; j++) {
            int rows = Math.min(j + 1, k);
            System.arraycopy(f, j * m * slots, u, j * k * slots, rows * slots);
        }
        return HostMatrix.of(t, u, MatrixShape.dense(k, n, Layout.COLUMN_MAJOR));
    }

    private static void set(Object array, int slot, double v) {
        if (array instanceof double[] d) {
            d[slot] = v;
        } else {
            ((float[]) array)[slot] = (float) v;
        }
    }
}
