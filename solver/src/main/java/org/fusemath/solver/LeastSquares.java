package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.host.LapackQr;

/**
 * The result of {@link Linalg#lstsq}, as numpy.linalg.lstsq returns it: the minimum-norm X minimising ‖A·X − B‖,
 * the residuals, the effective rank and A's singular values.
 *
 * @param x the n×k minimum-norm least-squares solution, dense in B's storage order
 * @param residuals the squared 2-norm of each column of B − A·X when rank = n &lt; m, else empty (as NumPy)
 * @param rank the number of singular values above rcond·σ₁
 * @param singularValues A's min(m, n) singular values, descending
 */
public record LeastSquares(HostMatrix x, double[] residuals, int rank, double[] singularValues) {
    /** Copies the arrays. */
    public LeastSquares {
        residuals = residuals.clone();
        singularValues = singularValues.clone();
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** NumPy's default rcond: the type's machine epsilon (2u) times max(m, n). */
    static double defaultRcond(DType t, long m, long n) {
        return 2 * t.unitRoundoff() * Math.max(m, n);
    }

    private static long slotsOf(DType t) {
        return t.slotsPerElement();
    }

    /** The gelsd call on column-major copies (see {@link LapackQr#leastSquares}); returns LAPACK's info. */
    interface Gelsd {
        int solve(int threads, DType t, int m, int n, int nrhs, Object a, Object b, Object s, double rcond, int[] rank);
    }

    /**
     * gelsd on copies of A (m×n) and B (m×k): LAPACK's divide-and-conquer SVD solve; for a DEVICE context the SVD
     * route of {@link DeviceLeastSquares} on its device.
     */
    static LeastSquares compute(FuseContext context, HostMatrix a, HostMatrix b, double rcond) {
        return compute(context, null, a, b, rcond);
    }

    /** {@link #compute(FuseContext, HostMatrix, HostMatrix, double)} with {@code device} (tests: the CPU fakes). */
    static LeastSquares compute(FuseContext context, CusolverDevice device, HostMatrix a, HostMatrix b, double rcond) {
        Arguments.requireNonNull(context, "context");
        Operands.requireOne("a", a);
        return compute(context, device, a, b, rcond, LapackQr::leastSquares);
    }

    /** {@link #compute(FuseContext, HostMatrix, HostMatrix, double)} through the given gelsd call (a plan's). */
    static LeastSquares compute(FuseContext context, HostMatrix a, HostMatrix b, double rcond, Gelsd gelsd) {
        return compute(context, null, a, b, rcond, gelsd);
    }

    private static LeastSquares compute(FuseContext context, CusolverDevice device, HostMatrix a, HostMatrix b,
            double rcond, Gelsd gelsd) {
        if (Double.isNaN(rcond)) {
            throw new InvalidArgumentException("rcond", rcond, "a number (negative: machine precision)");
        }
        DType t = a.dtype();
        int m = (int) a.shape().rows();
        int n = (int) a.shape().cols();
        int k = Operands.requireRhs(t, m, m + "x" + n, b);
        CusolverDevice onDevice = SpectralInputs.device(context, device);
        if (onDevice != null) {
            return DeviceLeastSquares.solve(onDevice, a, b, rcond);
        }
        int ldb = Math.max(1, Math.max(m, n));
        Arguments.toInt("b padded to max(m, n) rows", Arguments.multiply("b padded to max(m, n) rows",
                (long) ldb * k, slotsOf(t)));
        Object fa = Dense.copy(a, Layout.COLUMN_MAJOR);
        Object fb = Dense.allocate(t, (long) ldb * k);
        Object bc = Dense.copy(b, Layout.COLUMN_MAJOR);
        int slots = t.slotsPerElement();
        for (int j = 0; j < k; j++) {
            System.arraycopy(bc, j * m * slots, fb, j * ldb * slots, m * slots);
        }
        int kmin = Math.min(m, n);
        Object s = Dense.allocate(t.componentType(), kmin);
        int[] rank = new int[1];
        int info = gelsd.solve(context.threads(), t, m, n, k, fa, fb, s, rcond, rank);
        if (info > 0) {
            throw new NoConvergenceException("the SVD in gelsd (" + info + " off-diagonal elements)", info);
        }
        Object x = Dense.allocate(t, (long) n * k);
        for (int j = 0; j < k; j++) {
            System.arraycopy(fb, j * ldb * slots, x, j * n * slots, n * slots);
        }
        double[] residuals = new double[rank[0] == n && m > n ? k : 0];
        for (int j = 0; j < residuals.length; j++) {
            double sum = 0;
            for (int i = n; i < m; i++) {
                double v = Dense.abs(t, fb, (j * ldb + i) * slots);
                sum += v * v;
            }
            residuals[j] = t.isSinglePrecision() ? (float) sum : sum;
        }
        double[] sv = new double[kmin];
        for (int i = 0; i < kmin; i++) {
            sv[i] = Dense.get(s, i);
        }
        HostMatrix columns = HostMatrix.of(t, x, MatrixShape.columnMajor(n, k));
        HostMatrix result = b.shape().layout() == Layout.COLUMN_MAJOR || k == 1
                ? HostMatrix.of(t, x, MatrixShape.dense(n, k, b.shape().layout()))
                : HostMatrix.of(t, Dense.copy(columns, Layout.ROW_MAJOR), MatrixShape.rowMajor(n, k));
        return new LeastSquares(result, residuals, rank[0], sv);
    }
}
