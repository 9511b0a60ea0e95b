package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.CpuDevices;
import org.fusemath.solver.spi.SpectralMetrics;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The device SVD's routes on the CPU fakes (each cuSOLVER description executed through LAPACK's identical
 * contract): one matrix of at most 256 rows and columns by gesvdj, a larger one by Xgesvd, a stack of members of at
 * most 32 rows and columns by one gesvdjBatched call, other stacks member by member. Judged as the host SVD is
 * (SpectralMetrics' reconstruction ‖A − UΣVᴴ‖_F/(‖A‖_F·max(m, n)·u) and orthogonality ≤ 16, backward-stable
 * algorithms), Σ against the host's within 16·max(m, n)·u·σ₁ (Weyl), U and Vᴴ shaped and laid out as the host's;
 * a Jacobi SVD that does not converge is run again by Xgesvd (that member alone) and only a fallback that fails too is
 * a NoConvergenceException naming both routines (and the member); NaN is refused before any call;
 * without a device the public entry point throws the probe's exception.
 */
class JacobiSvdRouteTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    /** Judges {@code svd} of {@code a} against the host's decomposition in the same mode. */
    static void judge(HostMatrix a, SvdMode mode, Svd svd, String where) {
        Svd ref = Linalg.svd(HOST, a, mode);
        double[] host = SpectralSamplesAccess.reals(ref.s());
        double[] s = SpectralSamplesAccess.reals(svd.s());
        assertEquals(host.length, s.length, where);
        long m = a.shape().rows();
        long n = a.shape().cols();
        double bound = 16 * Math.max(1, Math.max(m, n)) * a.dtype().unitRoundoff() * (host.length == 0 ? 0 : host[0]);
        for (int i = 0; i < s.length; i++) {
            assertEquals(host[i], s[i], bound, where + " σ" + i);
        }
        if (mode == SvdMode.VALUES) {
            assertNull(svd.u(), where);
            assertNull(svd.vh(), where);
            return;
        }
        assertEquals(ref.u().shape(), svd.u().shape(), where + " U's shape and layout");
        assertEquals(ref.vh().shape(), svd.vh().shape(), where + " Vᴴ's shape and layout");
        assertTrue(SpectralMetrics.reconstruction(a, svd) <= 16, where + " reconstruction");
        assertTrue(SpectralMetrics.orthogonality(svd.u(), false) <= 16, where + " U");
        assertTrue(SpectralMetrics.orthogonality(svd.vh(), true) <= 16, where + " Vᴴ");
    }

    private static String letter(DType t) {
        return switch (t) {
            case F32 -> "S";
            case F64 -> "D";
            case C64 -> "C";
            case C128 -> "Z";
        };
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void smallMatricesRunGesvdjInEveryLayoutAndMode(DType t) {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{8, 5}, {5, 8}, {6, 6}, {1, 4}, {40, 3}}) {
                HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], layout, 19L * shape[0] + shape[1]);
                for (SvdMode mode : SvdMode.values()) {
                    judge(a, mode, device.svd(a, mode), t + " " + layout + " " + shape[0] + "x" + shape[1] + " " + mode);
                }
            }
        }
        List<String> functions = cpu.functions();
        assertTrue(functions.stream().allMatch(f -> f.equals("cusolverDn" + letter(t) + "gesvdj")), functions.toString());
        assertEquals(2 * 5 * 3, functions.size());
        assertEquals(0, cpu.outstanding(), "allocations, handles and gesvdjInfo left");
    }

    @Test
    void pastTheThresholdTheSvdRunsXgesvd() {
        assertTrue(JacobiSvds.singleRoute(256, 256));
        assertTrue(!JacobiSvds.singleRoute(257, 3) && !JacobiSvds.singleRoute(3, 257));
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        for (int[] shape : new int[][] {{300, 4}, {3, 260}}) {
            HostMatrix a = SpectralSamples.random(DType.F64, shape[0], shape[1], Layout.ROW_MAJOR, 3);
            judge(a, SvdMode.THIN, device.svd(a, SvdMode.THIN), shape[0] + "x" + shape[1]);
        }
        assertEquals(List.of("cusolverDnXgesvd", "cusolverDnXgesvd"), cpu.functions());
        assertEquals(0, cpu.outstanding());
    }

    /** {@code batch} m×n members packed in {@code layout}. */
    static HostMatrix stack(DType t, int batch, int m, int n, Layout layout, long seed) {
        Object data = SpectralSamples.random(t, batch * m, n, Layout.COLUMN_MAJOR, seed).array();
        return HostMatrix.of(t, data, MatrixShape.dense(m, n, layout).batched(batch));
    }

    static HostMatrix member(HostMatrix a, int b) {
        MatrixShape s = a.shape();
        return HostMatrix.of(a.dtype(), a.array(), new MatrixShape(1, s.rows(), s.cols(), s.layout(), s.ld(),
                s.batchStride(), s.offset() + b * s.batchStride()));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aStackOfSmallMatricesRunsOneGesvdjBatchedCall(DType t) {
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{6, 4}, {4, 6}, {32, 32}}) {
                HostMatrix a = stack(t, 5, shape[0], shape[1], layout, 41L * shape[0] + shape[1]);
                for (SvdMode mode : SvdMode.values()) {
                    CpuDevices cpu = new CpuDevices();
                    List<Svd> device = BatchedSvd.compute(DEVICE, cpu.device(), a, mode);
                    List<Svd> host = BatchedSvd.compute(HOST, null, a, mode);
                    String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " " + mode;
                    assertEquals(List.of("cusolverDn" + letter(t) + "gesvdjBatched"), cpu.functions(), where);
                    assertEquals(5, cpu.jacobis().get(0).batch(), where);
                    assertEquals(5, device.size(), where);
                    assertEquals(5, host.size(), where);
                    for (int b = 0; b < 5; b++) {
                        judge(member(a, b), mode, device.get(b), where + " member " + b);
                        judge(member(a, b), mode, host.get(b), where + " host member " + b);
                    }
                    assertEquals(0, cpu.outstanding(), where);
                }
            }
        }
    }

    @Test
    void stacksOutsideGesvdjBatchedsLimitsRunMemberByMember() {
        CpuDevices cpu = new CpuDevices();
        HostMatrix big = stack(DType.C64, 3, 33, 5, Layout.ROW_MAJOR, 8);
        List<Svd> out = BatchedSvd.compute(DEVICE, cpu.device(), big, SvdMode.THIN);
        for (int b = 0; b < 3; b++) {
            judge(member(big, b), SvdMode.THIN, out.get(b), "33x5 member " + b);
        }
        assertEquals(List.of("cusolverDnCgesvdj", "cusolverDnCgesvdj", "cusolverDnCgesvdj"), cpu.functions());
        CpuDevices one = new CpuDevices();
        HostMatrix single = stack(DType.F32, 1, 4, 4, Layout.COLUMN_MAJOR, 9);
        judge(member(single, 0), SvdMode.FULL, BatchedSvd.compute(DEVICE, one.device(), single, SvdMode.FULL).get(0), "one");
        assertEquals(List.of("cusolverDnSgesvdj"), one.functions());
        CpuDevices empty = new CpuDevices();
        assertEquals(List.of(), BatchedSvd.compute(DEVICE, empty.device(), stack(DType.F64, 0, 3, 3, Layout.ROW_MAJOR, 1),
                SvdMode.THIN));
        assertEquals(List.of(), empty.functions());
        HostMatrix emptyMembers = HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(0, 3).batched(4));
        List<Svd> zero = BatchedSvd.compute(DEVICE, empty.device(), emptyMembers, SvdMode.FULL);
        assertEquals(4, zero.size());
        assertEquals(MatrixShape.rowMajor(3, 3), zero.get(3).vh().shape());
        assertEquals(0, cpu.outstanding() + one.outstanding() + empty.outstanding());
    }

    @Test
    void aJacobiSvdThatDoesNotConvergeIsRunAgainByXgesvd() {
        CpuDevices cpu = new CpuDevices();
        cpu.failJacobi(3);
        HostMatrix a = stack(DType.F64, 6, 5, 5, Layout.ROW_MAJOR, 2);
        List<Svd> stack = BatchedSvd.compute(DEVICE, cpu.device(), a, SvdMode.THIN);
        for (int b = 0; b < 6; b++) {
            judge(member(a, b), SvdMode.THIN, stack.get(b), "member " + b);
        }
        assertEquals(1, java.util.Collections.frequency(cpu.functions(), "cusolverDnDgesvdjBatched"), cpu.functions().toString());
        assertEquals(1, java.util.Collections.frequency(cpu.functions(), "cusolverDnXgesvd"), "member 3 alone by Xgesvd");
        CpuDevices single = new CpuDevices();
        single.failJacobi(0);
        for (SvdMode mode : SvdMode.values()) {
            HostMatrix c = SpectralSamples.random(DType.C128, 7, 4, Layout.ROW_MAJOR, 1);
            judge(c, mode, new DeviceKernels(single.device()).svd(c, mode), "single " + mode);
            HostMatrix wide = SpectralSamples.random(DType.F32, 3, 8, Layout.COLUMN_MAJOR, 2);
            try (SvdPlan plan = SvdPlan.create(DEVICE, single.device(), DType.F32, 3, 8, Layout.COLUMN_MAJOR, mode)) {
                judge(wide, mode, plan.execute(wide), "plan " + mode);
            }
        }
        List<String> made = single.functions();
        assertEquals(List.of(3, 3, 6), List.of(java.util.Collections.frequency(made, "cusolverDnZgesvdj"),
                java.util.Collections.frequency(made, "cusolverDnSgesvdj"), java.util.Collections.frequency(made,
                        "cusolverDnXgesvd")), "every gesvdj (one-shot and planned) rerun by Xgesvd: " + made);
        assertEquals(0, cpu.outstanding() + single.outstanding());
    }

    @Test
    void noConvergenceOfTheFallbackTooIsANoConvergenceExceptionNamingBothRoutines() {
        CpuDevices cpu = new CpuDevices();
        cpu.failJacobi(3);
        cpu.failGesvd(2);
        NoConvergenceException batched = assertThrows(NoConvergenceException.class,
                () -> BatchedSvd.compute(DEVICE, cpu.device(), stack(DType.F64, 6, 5, 5, Layout.ROW_MAJOR, 2), SvdMode.THIN));
        assertTrue(batched.getMessage().contains("cusolverDnDgesvdjBatched") && batched.getMessage().contains("member 3")
                && batched.getMessage().contains("cusolverDnXgesvd"), batched.getMessage());
        assertEquals(2, batched.info(), "the fallback's devInfo");
        CpuDevices single = new CpuDevices();
        single.failJacobi(0);
        single.failGesvd(1);
        NoConvergenceException one = assertThrows(NoConvergenceException.class,
                () -> new DeviceKernels(single.device()).svd(SpectralSamples.random(DType.C128, 7, 4, Layout.ROW_MAJOR, 1),
                        SvdMode.VALUES));
        assertTrue(one.getMessage().contains("cusolverDnZgesvdj (devInfo 5)") && one.getMessage().contains("cusolverDnXgesvd"),
                one.getMessage());
        assertEquals(1, one.info());
        CpuDevices large = new CpuDevices();
        large.failGesvd(3);
        assertThrows(NoConvergenceException.class, () -> new DeviceKernels(large.device()).svd(
                SpectralSamples.random(DType.F64, 300, 2, Layout.COLUMN_MAJOR, 3), SvdMode.VALUES), "Xgesvd's own route");
        assertEquals(0, cpu.outstanding() + single.outstanding() + large.outstanding());
    }

    @Test
    void nanInAnyMemberIsRefusedBeforeAnyDeviceCall() {
        CpuDevices cpu = new CpuDevices();
        HostMatrix a = stack(DType.F64, 4, 3, 3, Layout.COLUMN_MAJOR, 4);
        ((double[]) a.array())[3 * 9 + 4] = Double.NaN;
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> BatchedSvd.compute(DEVICE, cpu.device(), a, SvdMode.THIN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(List.of(), cpu.functions());
    }

    @Test
    void withoutADeviceTheStackedSvdSaysWhyAfterAskingTheProbe() {
        HostMatrix a = stack(DType.F64, 2, 3, 3, Layout.ROW_MAJOR, 5);
        assertThrows(InvalidArgumentException.class, () -> BatchedSvd.compute(DEVICE, a, null), "arguments first");
        if (CudaProbe.get().usable()) {
            return;
        }
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> BatchedSvd.compute(DEVICE, a, SvdMode.THIN));
        assertEquals(CudaProbe.get().reason().orElseThrow(), e.reason());
        assertEquals(2, BatchedSvd.compute(a, SvdMode.VALUES).size(), "the default context stays on the host");
    }
}
