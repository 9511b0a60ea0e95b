package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.CpuDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * lstsq on a DEVICE context (the SVD route on the CPU fakes, cuSOLVER's SVD executed through LAPACK's identical
 * contract) against the host's gelsd: the same rank, the singular values within 16·max(m, n)·u·σ₁ (Weyl), X within
 * the least-squares perturbation bound 16·max(m, n)·u·κ²·max(‖X‖, ‖B‖/σ_r) (Higham, Thm. 20.1, κ = σ₁/σ_r over the
 * rank r kept), the residuals within (2‖r‖ + δ)·δ, δ = 16·max(m, n)·u·(1 + 2κ)·‖B‖; over-determined, under-determined
 * and rank-deficient A in both layouts.
 */
class DeviceLeastSquaresTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    /** A random m×n A whose columns from {@code rank} on repeat the first ones (rank min(rank, m, n)). */
    private static HostMatrix deficient(DType t, int m, int n, int rank, Layout layout, long seed) {
        HostMatrix r = LinalgTest.random(t, m, n, Layout.COLUMN_MAJOR, seed);
        Object data = r.array();
        int slots = t.slotsPerElement();
        for (int j = rank; j < n; j++) {
            System.arraycopy(data, (j % rank) * m * slots, data, j * m * slots, m * slots);
        }
        HostMatrix columns = HostMatrix.of(t, data, MatrixShape.columnMajor(m, n));
        return HostMatrix.of(t, Dense.copy(columns, layout), MatrixShape.dense(m, n, layout));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theSvdRouteMatchesGelsd(DType t) {
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{12, 5, 5}, {5, 12, 5}, {10, 6, 3}, {7, 7, 7}, {1, 3, 1}}) {
                String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " rank " + shape[2];
                int m = shape[0];
                int n = shape[1];
                HostMatrix a = deficient(t, m, n, shape[2], layout, 3L * m + n);
                HostMatrix b = LinalgTest.random(t, m, 2, layout, 7L + m);
                double rcond = 100 * Math.max(m, n) * t.unitRoundoff();
                CpuDevices cpu = new CpuDevices();
                LeastSquares device = LeastSquares.compute(DEVICE, cpu.device(), a, b, rcond);
                LeastSquares host = LeastSquares.compute(HOST, a, b, rcond);
                assertEquals(host.rank(), device.rank(), where + " rank");
                assertEquals(Math.min(shape[2], Math.min(m, n)), device.rank(), where + " rank");
                double[] s = device.singularValues();
                double[] hs = host.singularValues();
                double u = t.unitRoundoff();
                double scale = 16 * Math.max(m, n) * u;
                for (int i = 0; i < s.length; i++) {
                    assertEquals(hs[i], s[i], scale * hs[0], where + " σ" + i);
                }
                double kappa = hs[0] / hs[device.rank() - 1];
                double bNorm = LinalgTest.normInf(b);
                double xNorm = LinalgTest.normInf(host.x());
                double xBound = scale * kappa * kappa * Math.max(xNorm, bNorm / hs[device.rank() - 1]);
                assertEquals(host.x().shape(), device.x().shape(), where + " X's shape");
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 2; j++) {
                        double dr = LinalgTest.re(device.x(), i, j) - LinalgTest.re(host.x(), i, j);
                        double di = LinalgTest.im(device.x(), i, j) - LinalgTest.im(host.x(), i, j);
                        assertTrue(Math.hypot(dr, di) <= xBound, where + " X(" + i + "," + j + ")");
                    }
                }
                double[] r = device.residuals();
                double[] hr = host.residuals();
                assertEquals(hr.length, r.length, where + " residuals");
                double delta = scale * (1 + 2 * kappa) * bNorm * Math.sqrt(m);
                for (int j = 0; j < r.length; j++) {
                    assertEquals(hr[j], r[j], (2 * Math.sqrt(hr[j]) + delta) * delta, where + " residual " + j);
                }
                assertEquals(0, cpu.outstanding(), where);
                assertTrue(cpu.functions().stream().allMatch(f -> f.endsWith("gesvdj")), cpu.functions().toString());
            }
        }
    }

    @Test
    void argumentsAreCheckedAndWithoutADeviceTheProbeSaysWhy() {
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        CpuDevices cpu = new CpuDevices();
        assertThrows(org.fusemath.api.ShapeMismatchException.class,
                () -> LeastSquares.compute(DEVICE, cpu.device(), a, HostMatrix.of(new double[] {1, 2}, 2, 1), -1));
        assertThrows(org.fusemath.api.InvalidArgumentException.class,
                () -> LeastSquares.compute(DEVICE, cpu.device(), a, HostMatrix.of(new double[] {1, 2, 3}, 3, 1), Double.NaN));
        assertEquals(0, cpu.functions().size());
        LeastSquares empty = LeastSquares.compute(DEVICE, cpu.device(), HostMatrix.of(new double[0], 3, 0),
                HostMatrix.of(new double[] {1, 2, 2}, 3, 1), -1);
        assertEquals(0, empty.rank());
        assertEquals(9.0, empty.residuals()[0], 0, "rank = n = 0 < m: ‖b‖², as the host");
        assertEquals(LeastSquares.compute(HOST, HostMatrix.of(new double[0], 3, 0),
                HostMatrix.of(new double[] {1, 2, 2}, 3, 1), -1).residuals()[0], empty.residuals()[0], 0);
        if (!CudaProbe.get().usable()) {
            assertEquals(CudaProbe.get().reason().orElseThrow(), assertThrows(DeviceUnavailableException.class,
                    () -> Linalg.lstsq(DEVICE, a, HostMatrix.of(new double[] {1, 2, 3}, 3, 1), -1)).reason());
        }
    }
}
