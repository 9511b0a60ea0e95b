package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * The fixture of the device lstsq tests: rank-deficient operands and the host's gelsd of a problem with the bounds
 * a device result is held to against it: the same rank, the singular values within 16·max(m, n)·u·σ₁ (Weyl), X
 * within the least-squares perturbation bound 16·max(m, n)·u·κ²·max(‖X‖, ‖B‖/σ_r) (Higham, Thm. 20.1, κ = σ₁/σ_r
 * over the rank r kept), the residuals within (2‖r‖ + δ)·δ, δ = 16·max(m, n)·u·(1 + 2κ)·‖B‖·√m.
 */
final class GelsdReference {
    /** A context that keeps every call on the host. */
    static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();

    private final LeastSquares host;
    private final int m;
    private final int n;
    private final double bNorm;
    private final double scale;

    private GelsdReference(LeastSquares host, HostMatrix a, HostMatrix b) {
        this.host = host;
        this.m = (int) a.shape().rows();
        this.n = (int) a.shape().cols();
        this.bNorm = LinalgTest.normInf(b);
        this.scale = 16 * Math.max(m, n) * a.dtype().unitRoundoff();
    }

    /** The host's gelsd of A·X ≈ B with {@code rcond}. */
    static GelsdReference of(HostMatrix a, HostMatrix b, double rcond) {
        return new GelsdReference(LeastSquares.compute(HOST, a, b, rcond), a, b);
    }

    /** A random m×n A whose columns from {@code rank} on repeat the first ones (rank min(rank, m, n)). */
    static HostMatrix deficient(DType t, int m, int n, int rank, Layout layout, long seed) {
        HostMatrix r = LinalgTest.random(t, m, n, Layout.COLUMN_MAJOR, seed);
        Object data = r.array();
        int slots = t.slotsPerElement();
        for (int j = rank; j < n; j++) {
            System.arraycopy(data, (j % rank) * m * slots, data, j * m * slots, m * slots);
        }
        HostMatrix columns = HostMatrix.of(t, data, MatrixShape.columnMajor(m, n));
        return HostMatrix.of(t, Dense.copy(columns, layout), MatrixShape.dense(m, n, layout));
    }

    /** The host's result. */
    LeastSquares host() {
        return host;
    }

    /** The device's rank is gelsd's and {@code expected}; its singular values are within the Weyl bound. */
    void assertRankAndSingularValues(int rank, int expected, double[] s, String where) {
        assertEquals(host.rank(), rank, where + " rank");
        assertEquals(expected, rank, where + " rank");
        double[] hs = host.singularValues();
        assertEquals(hs.length, s.length, where + " σ count");
        for (int i = 0; i < s.length; i++) {
            assertEquals(hs[i], s[i], scale * hs[0], where + " σ" + i);
        }
    }

    /** The first {@code columns} columns of the device's X are within the least-squares perturbation bound. */
    void assertSolution(HostMatrix x, int columns, String where) {
        double[] hs = host.singularValues();
        double kappa = hs[0] / hs[host.rank() - 1];
        double xNorm = LinalgTest.normInf(host.x());
        double xBound = scale * kappa * kappa * Math.max(xNorm, bNorm / hs[host.rank() - 1]);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns; j++) {
                double dr = LinalgTest.re(x, i, j) - LinalgTest.re(host.x(), i, j);
                double di = LinalgTest.im(x, i, j) - LinalgTest.im(host.x(), i, j);
                assertTrue(Math.hypot(dr, di) <= xBound, where + " X(" + i + "," + j + ")");
            }
        }
    }

    /** The device's residuals are as many as gelsd's and within (2‖r‖ + δ)·δ of them. */
    void assertResiduals(double[] r, String where) {
        double[] hs = host.singularValues();
        double kappa = hs[0] / hs[host.rank() - 1];
        double[] hr = host.residuals();
        assertEquals(hr.length, r.length, where + " residuals");
        double delta = scale * (1 + 2 * kappa) * bNorm * Math.sqrt(m);
        for (int j = 0; j < r.length; j++) {
            assertEquals(hr[j], r[j], (2 * Math.sqrt(hr[j]) + delta) * delta, where + " residual " + j);
        }
    }
}
