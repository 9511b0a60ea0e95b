package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.solver.spi.SpectralMetrics;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.api.Test;

/**
 * The DEVICE plans, Cholesky and lstsq on the GPU beside the host, judged by the bounds their CPU-fake tests use:
 * SvdPlan / HermitianEigenPlan / EigenPlan reused across executes (reconstruction, orthogonality, residual ≤ 16),
 * Cholesky solves by the normwise backward error ≤ 4, lstsq's rank and singular values as gelsd's.
 */
@GpuTest(libraries = {CudaLibrary.CUSOLVER})
class DeviceSolversGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();

    @Test
    void plansReuseTheirDeviceStateAcrossExecutes() {
        for (DType t : DType.values()) {
            for (int[] shape : new int[][] {{20, 12}, {300, 40}}) {
                try (SvdPlan plan = SvdPlan.create(DEVICE, t, shape[0], shape[1], Layout.ROW_MAJOR, SvdMode.THIN)) {
                    for (long seed = 1; seed <= 2; seed++) {
                        HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], Layout.ROW_MAJOR, seed);
                        JacobiSvdRouteTest.judge(a, SvdMode.THIN, plan.execute(a), t + " " + shape[0] + "x" + shape[1]);
                    }
                }
            }
            try (HermitianEigenPlan eigh = HermitianEigenPlan.create(DEVICE, t, 24, Layout.COLUMN_MAJOR, Uplo.LOWER, true);
                 EigenPlan eig = EigenPlan.create(DEVICE, t, 24, true)) {
                for (long seed = 1; seed <= 2; seed++) {
                    HostMatrix h = SpectralSamples.hermitian(t, 24, Layout.COLUMN_MAJOR, seed);
                    assertTrue(SpectralMetrics.residual(h, Uplo.LOWER, eigh.execute(h)) <= 16, t + " syevd");
                    HostMatrix a = SpectralSamples.random(t, 24, 24, Layout.COLUMN_MAJOR, seed);
                    assertTrue(SpectralMetrics.residual(a, eig.execute(a)) <= 16, t + " geev");
                }
            }
        }
    }

    @Test
    void choleskyAndLstsqOnTheDeviceMeetTheHostsBounds() {
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                HostMatrix a = CholeskyTest.spd(t, 50, layout, 4);
                HostMatrix b = LinalgTest.random(t, 50, 3, layout, 5);
                CholeskyFactorization f = CholeskyFactorization.factor(DEVICE, a, Uplo.UPPER);
                assertTrue(LinalgTest.backwardError(a, f.solve(b), b) <= 4, t + " " + layout + " potrs");
                HostMatrix r = LinalgTest.random(t, 40, 9, layout, 6);
                HostMatrix rb = LinalgTest.random(t, 40, 2, layout, 7);
                LeastSquares device = Linalg.lstsq(DEVICE, r, rb, -1);
                LeastSquares host = Linalg.lstsq(HOST, r, rb, -1);
                assertEquals(host.rank(), device.rank(), t + " rank");
                double[] s = device.singularValues();
                double[] hs = host.singularValues();
                for (int i = 0; i < s.length; i++) {
                    assertEquals(hs[i], s[i], 16 * 40 * t.unitRoundoff() * hs[0], t + " σ" + i);
                }
            }
        }
    }
}
