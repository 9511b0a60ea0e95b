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
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @ParameterizedTest
    @EnumSource(DType.class)
    void theSvdRouteMatchesGelsd(DType t) {
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{12, 5, 5}, {5, 12, 5}, {10, 6, 3}, {7, 7, 7}, {1, 3, 1}}) {
                String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " rank " + shape[2];
                int m = shape[0];
                int n = shape[1];
                HostMatrix a = GelsdReference.deficient(t, m, n, shape[2], layout, 3L * m + n);
                HostMatrix b = LinalgTest.random(t, m, 2, layout, 7L + m);
                double rcond = 100 * Math.max(m, n) * t.unitRoundoff();
                CpuDevices cpu = new CpuDevices();
                LeastSquares device = LeastSquares.compute(DEVICE, cpu.device(), a, b, rcond);
                GelsdReference host = GelsdReference.of(a, b, rcond);
                host.assertRankAndSingularValues(device.rank(), Math.min(shape[2], Math.min(m, n)),
                        device.singularValues(), where);
                assertEquals(host.host().x().shape(), device.x().shape(), where + " X's shape");
                host.assertSolution(device.x(), 2, where);
                host.assertResiduals(device.residuals(), where);
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
        assertEquals(LeastSquares.compute(GelsdReference.HOST, HostMatrix.of(new double[0], 3, 0),
                HostMatrix.of(new double[] {1, 2, 2}, 3, 1), -1).residuals()[0], empty.residuals()[0], 0);
        if (!CudaProbe.get().usable()) {
            assertEquals(CudaProbe.get().reason().orElseThrow(), assertThrows(DeviceUnavailableException.class,
                    () -> Linalg.lstsq(DEVICE, a, HostMatrix.of(new double[] {1, 2, 3}, 3, 1), -1)).reason());
        }
    }
}
