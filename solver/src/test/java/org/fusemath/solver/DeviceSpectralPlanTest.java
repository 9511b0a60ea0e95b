package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.CpuDevices;
import org.fusemath.solver.spi.SpectralMetrics;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SvdPlan, EigenPlan and HermitianEigenPlan on a DEVICE context, on the CPU fakes (each cuSOLVER description executed
 * through LAPACK's identical contract): one workspace query when the plan is made, none per execute, the same
 * handle and buffers reused by every execute, results judged as the host's (SpectralMetrics' reconstruction,
 * orthogonality and residual ≤ 16, Σ within 16·max(m, n)·u·σ₁ of the host's), everything released by close or,
 * for a plan left unclosed, by its Cleaner; without a device the plans throw the probe's exception.
 */
class DeviceSpectralPlanTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @ParameterizedTest
    @EnumSource(DType.class)
    void anSvdPlanQueriesOnceAndReusesItsDeviceStateAcrossExecutes(DType t) {
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{9, 5}, {5, 9}, {260, 3}, {3, 260}, {0, 4}}) {
                for (SvdMode mode : SvdMode.values()) {
                    String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " " + mode;
                    CpuDevices cpu = new CpuDevices();
                    try (SvdPlan plan = SvdPlan.create(DEVICE, cpu.device(), t, shape[0], shape[1], layout, mode)) {
                        int queries = cpu.queries();
                        assertEquals(Math.min(shape[0], shape[1]) == 0 ? 0 : 1, queries, where + ": one query, at plan time");
                        int held = cpu.outstanding();
                        for (long seed = 1; seed <= 3; seed++) {
                            HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], layout, seed);
                            Svd svd = plan.execute(a);
                            if (shape[0] * shape[1] > 0) {
                                JacobiSvdRouteTest.judge(a, mode, svd, where + " seed " + seed);
                            } else {
                                assertEquals(Linalg.svd(HOST, a, mode).s().shape(), svd.s().shape(), where);
                            }
                        }
                        assertEquals(queries, cpu.queries(), where + ": no query per execute");
                        assertEquals(held, cpu.outstanding(), where + ": nothing allocated or left per execute");
                        List<String> functions = cpu.functions();
                        boolean small = Math.max(shape[0], shape[1]) <= JacobiSvds.JACOBI_MAX_ORDER;
                        assertEquals(queries == 0 ? 0 : 3, functions.size(), where + " " + functions);
                        assertTrue(functions.stream().allMatch(f -> f.endsWith(small ? "gesvdj" : "Xgesvd")), where + functions);
                    }
                    assertEquals(0, cpu.outstanding(), where + ": released by close");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void eigenPlansQueryOnceAndMeetTheResidualBounds(DType t) {
        for (Layout layout : Layout.values()) {
            CpuDevices cpu = new CpuDevices();
            int n = 8;
            try (EigenPlan eig = EigenPlan.create(DEVICE, cpu.device(), t, n, true);
                 HermitianEigenPlan eigh = HermitianEigenPlan.create(DEVICE, cpu.device(), t, n, layout, Uplo.UPPER, true)) {
                assertEquals(2, cpu.queries());
                for (long seed = 1; seed <= 2; seed++) {
                    HostMatrix a = SpectralSamples.random(t, n, n, layout, seed);
                    assertTrue(SpectralMetrics.residual(a, eig.execute(a)) <= 16, t + " " + layout + " geev");
                    HostMatrix h = SpectralSamples.hermitian(t, n, layout, 10 + seed);
                    HermitianEigen he = eigh.execute(h);
                    assertTrue(SpectralMetrics.residual(h, Uplo.UPPER, he) <= 16, t + " " + layout + " syevd");
                    double[] w = SpectralSamplesAccess.reals(he.values());
                    double[] hw = SpectralSamplesAccess.reals(Linalg.eigh(HOST, h, Uplo.UPPER, false).values());
                    for (int i = 0; i < n; i++) {
                        assertEquals(hw[i], w[i], 16 * n * t.unitRoundoff() * LinalgTest.normInf(h), t + " λ" + i);
                    }
                }
                assertEquals(2, cpu.queries(), "no query per execute");
                assertEquals(List.of(), cpu.functions().stream().filter(f -> !f.equals("cusolverDnXgeev")
                        && !f.equals("cusolverDnXsyevd")).toList());
            }
            assertEquals(0, cpu.outstanding());
        }
    }

    @Test
    void argumentsAreCheckedBeforeAnyCallAndAClosedPlanRefusesToRun() {
        CpuDevices cpu = new CpuDevices();
        SvdPlan plan = SvdPlan.create(DEVICE, cpu.device(), DType.F64, 4, 3, Layout.ROW_MAJOR, SvdMode.THIN);
        assertThrows(ShapeMismatchException.class,
                () -> plan.execute(SpectralSamples.random(DType.F64, 3, 4, Layout.ROW_MAJOR, 1)));
        HostMatrix nan = HostMatrix.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, Double.NaN}, 4, 3);
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> plan.execute(nan));
        assertEquals(List.of(), cpu.functions());
        plan.close();
        plan.close();
        assertEquals(0, cpu.outstanding());
        assertThrows(IllegalStateException.class,
                () -> plan.execute(SpectralSamples.random(DType.F64, 4, 3, Layout.ROW_MAJOR, 1)));
    }

    @Test
    void aPlanLeftUnclosedIsReleasedByItsCleaner() throws InterruptedException {
        CpuDevices cpu = new CpuDevices();
        makeAndDrop(cpu);
        assertTrue(cpu.outstanding() > 0, "the plan held its device state");
        for (int i = 0; i < 100 && cpu.outstanding() > 0; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, cpu.outstanding(), "released once the plan was unreachable");
    }

    private static void makeAndDrop(CpuDevices cpu) {
        HermitianEigenPlan plan = HermitianEigenPlan.create(DEVICE, cpu.device(), DType.C64, 6, Layout.COLUMN_MAJOR,
                Uplo.LOWER, false);
        plan.execute(SpectralSamples.hermitian(DType.C64, 6, Layout.COLUMN_MAJOR, 3));
    }

    @Test
    void withoutADeviceThePlansSayWhyAfterAskingTheProbe() {
        if (CudaProbe.get().usable()) {
            return;
        }
        org.fusemath.api.UnavailableReason reason = CudaProbe.get().reason().orElseThrow();
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> SvdPlan.create(DEVICE, DType.F32, 3, 3, Layout.ROW_MAJOR, SvdMode.THIN),
                () -> EigenPlan.create(DEVICE, DType.C64, 3, true),
                () -> HermitianEigenPlan.create(DEVICE, DType.F64, 3, Layout.COLUMN_MAJOR, Uplo.LOWER, true));
        for (org.junit.jupiter.api.function.Executable call : calls) {
            assertEquals(reason, assertThrows(DeviceUnavailableException.class, call).reason());
        }
        try (SvdPlan host = SvdPlan.create(HOST, DType.F32, 3, 3, Layout.ROW_MAJOR, SvdMode.THIN)) {
            assertEquals(3, host.execute(SpectralSamples.random(DType.F32, 3, 3, Layout.ROW_MAJOR, 1)).s().shape().rows());
        }
    }
}
