package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.FusemathException;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Op;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.CpuDevices;
import org.fusemath.solver.spi.SpectralMetrics;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The device routines behind the public factor objects and function forms ({@link DeviceKernels}: LU, QR, SVD,
 * eigen) run on the CPU fakes, every cuSOLVER description executed through LAPACK's identical contract, and judged
 * as the host results are: LU solves by the normwise backward error ‖op(A)·X − B‖∞/(n·u·‖A‖∞·‖X‖∞) ≤ 4 (Higham,
 * Thm. 9.4 with small growth for random A), QR by ‖A − Q·R‖/(‖A‖·n·u) and ‖QᴴQ − I‖/(n·u) ≤ 8, the SVD and eigen
 * solvers by SpectralMetrics' reconstruction, orthogonality and residual ≤ 16 (backward-stable algorithms), values
 * against the host's within Weyl's bound. Every allocation and handle is released; without a device every public
 * entry point on a DEVICE context throws the probe's exception.
 */
class DeviceKernelsTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @ParameterizedTest
    @EnumSource(DType.class)
    void luFactorAndSolveThroughXgetrfAndXgetrsMeetTheBackwardErrorBound(DType t) {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        for (Layout layout : Layout.values()) {
            for (int n : new int[] {1, 7, 40}) {
                HostMatrix a = LinalgTest.random(t, n, n, layout, 17 + n);
                HostMatrix b = LinalgTest.random(t, n, 3, layout, 5 + n);
                LuFactorization lu = LuFactorization.factor(DEVICE, device, a);
                LuFactorization host = LuFactorization.factor(HOST, a);
                for (Op op : Op.values()) {
                    HostMatrix x = lu.solve(op, b);
                    double e = LinalgTest.backwardError(LuSolverTest.applied(op, a), x, b);
                    assertTrue(e <= 4, t + " " + layout + " n=" + n + " " + op + ": backward error " + e);
                }
                // The same LAPACK getrf ran on the same image: the same factors, so the same determinant.
                assertEquals(host.determinant(), lu.determinant(), t + " " + layout + " n=" + n + " det");
                assertEquals(host.reciprocalCondition(), lu.reciprocalCondition(), t + " rcond");
                HostMatrix inv = lu.inverse();
                double e = LinalgTest.backwardError(a, inv, LinalgTest.identity(t, n));
                assertTrue(e <= 4, t + " " + layout + " n=" + n + ": A·inv(A) backward error " + e);
            }
        }
        assertEquals(0, cpu.outstanding(), "allocations and handles left");
        assertTrue(cpu.functions().containsAll(List.of("cusolverDnXgetrf", "cusolverDnXgetrs")), cpu.functions().toString());
    }

    @Test
    void aZeroPivotOnTheDeviceIsASingularMatrixExceptionWithItsIndex() {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 3, 2, 4, 6, 1, 0, 1}, 3, 3); // row 2 = 2·row 1
        LuFactorization lu = LuFactorization.factor(DEVICE, device, a);
        assertTrue(lu.isSingular());
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> lu.solve(HostMatrix.of(new double[] {1, 2, 3}, 3, 1)));
        assertEquals(lu.info(), e.info());
        assertEquals(LuFactorization.factor(HOST, a).info(), lu.info());
        assertEquals(0, cpu.outstanding());
    }

    @Test
    void luSolverOnTheDeviceRefactorsAndResolves() {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        DType t = DType.C128;
        HostMatrix a = LinalgTest.random(t, 12, 12, Layout.ROW_MAJOR, 3);
        HostMatrix a2 = LinalgTest.random(t, 12, 12, Layout.ROW_MAJOR, 4);
        HostMatrix b = LinalgTest.random(t, 12, 2, Layout.COLUMN_MAJOR, 5);
        try (LuSolver s = new LuSolver(DEVICE, device, a, b, Op.CONJUGATE_TRANSPOSE)) {
            s.plan().factorize();
            assertTrue(LinalgTest.backwardError(LuSolverTest.applied(Op.CONJUGATE_TRANSPOSE, a), s.solve(), b) <= 4);
            s.resetOperands(a2, null).factorize();
            assertTrue(LinalgTest.backwardError(LuSolverTest.applied(Op.CONJUGATE_TRANSPOSE, a2), s.solve(), b) <= 4);
        }
        assertEquals(0, cpu.outstanding());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void qrThroughXgeqrfAndOrgqrReconstructsAAndIsOrthonormal(DType t) {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{9, 5}, {5, 9}, {6, 6}}) {
                HostMatrix a = LinalgTest.random(t, shape[0], shape[1], layout, 7L * shape[0] + shape[1]);
                QrFactorization qr = QrFactorization.factor(device, HOST, a);
                String where = t + " " + layout + " " + shape[0] + "x" + shape[1];
                HostMatrix q = qr.q();
                HostMatrix r = qr.r();
                assertEquals(layout, q.shape().layout(), where);
                double n = Math.max(shape[0], shape[1]);
                double scale = n * t.unitRoundoff();
                double rec = QrTest.difference(QrTest.product(q, false, r), a) / (LinalgTest.normInf(a) * scale);
                assertTrue(rec <= 8, where + ": ‖A − QR‖ " + rec);
                assertTrue(QrTest.orthogonality(q) <= 8, where + ": thin Q");
                HostMatrix full = qr.q(true);
                assertEquals(shape[0], full.shape().cols(), where);
                assertTrue(QrTest.orthogonality(full) <= 8, where + ": full Q");
                if (shape[0] >= shape[1]) {
                    HostMatrix b = LinalgTest.random(t, shape[0], 2, layout, 9);
                    double ne = QrTest.normalEquations(a, qr.solve(b), b);
                    assertTrue(ne <= 8, where + ": least-squares normal equations " + ne);
                }
            }
        }
        assertEquals(0, cpu.outstanding());
        assertTrue(cpu.functions().contains("cusolverDnXgeqrf"), cpu.functions().toString());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void svdThroughXgesvdForTallAndWideInEveryLayoutAndMode(DType t) {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        for (Layout layout : Layout.values()) {
            for (int[] shape : new int[][] {{8, 5}, {5, 8}, {6, 6}, {1, 4}, {0, 3}}) {
                HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], layout, 13L * shape[0] + shape[1]);
                double[] host = SpectralSamplesAccess.reals(Linalg.svd(HOST, a, SvdMode.VALUES).s());
                for (SvdMode mode : SvdMode.values()) {
                    String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " " + mode;
                    Svd svd = device.svd(a, mode);
                    Svd ref = Linalg.svd(HOST, a, mode);
                    double[] s = SpectralSamplesAccess.reals(svd.s());
                    double bound = 16 * Math.max(1, Math.max(shape[0], shape[1])) * t.unitRoundoff()
                            * (host.length == 0 ? 0 : host[0]);
                    for (int i = 0; i < s.length; i++) {
                        assertEquals(host[i], s[i], bound, where + " σ" + i);
                    }
                    if (mode == SvdMode.VALUES) {
                        assertEquals(null, svd.u(), where);
                        continue;
                    }
                    assertEquals(ref.u().shape(), svd.u().shape(), where + " U's shape and layout");
                    assertEquals(ref.vh().shape(), svd.vh().shape(), where + " Vᴴ's shape and layout");
                    if (s.length > 0) {
                        assertTrue(SpectralMetrics.reconstruction(a, svd) <= 16, where + " reconstruction");
                        assertTrue(SpectralMetrics.orthogonality(svd.u(), false) <= 16, where + " U");
                        assertTrue(SpectralMetrics.orthogonality(svd.vh(), true) <= 16, where + " Vᴴ");
                    }
                }
            }
        }
        assertEquals(0, cpu.outstanding());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void generalAndHermitianEigenThroughXgeevAndXsyevdHaveSmallResiduals(DType t) {
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        for (Layout layout : Layout.values()) {
            int n = 9;
            HostMatrix a = SpectralSamples.random(t, n, n, layout, 21);
            Eigen e = device.eig(a, true);
            assertTrue(SpectralMetrics.residual(a, e) <= 16, t + " " + layout + " geev residual");
            Eigen values = device.eig(a, false);
            assertEquals(null, values.vectors());
            double[] sum = SpectralSamplesAccess.moments(values.values());
            double[] hostSum = SpectralSamplesAccess.moments(Linalg.eig(HOST, a, false).values());
            double bound = 16 * n * n * t.unitRoundoff() * LinalgTest.normInf(a) * LinalgTest.normInf(a);
            assertEquals(hostSum[0], sum[0], bound, t + " Σλ");
            assertEquals(hostSum[1], sum[1], bound, t + " Σλ²");
            HostMatrix h = SpectralSamples.hermitian(t, n, layout, 22);
            for (Uplo uplo : Uplo.values()) {
                HermitianEigen he = device.eigh(h, uplo, true);
                assertTrue(SpectralMetrics.residual(h, uplo, he) <= 16, t + " " + layout + " " + uplo + " syevd residual");
                double[] w = SpectralSamplesAccess.reals(he.values());
                double[] hw = SpectralSamplesAccess.reals(Linalg.eigh(HOST, h, uplo, false).values());
                for (int i = 0; i < n; i++) {
                    assertEquals(hw[i], w[i], 16 * n * t.unitRoundoff() * LinalgTest.normInf(h), t + " λ" + i);
                }
            }
        }
        assertEquals(0, cpu.outstanding());
    }

    @Test
    void devInfoIsMappedToTheExceptionsTheHostRaises() {
        DeviceKernels.requireConverged("cusolverDnXgesvd", 0);
        NoConvergenceException none = assertThrows(NoConvergenceException.class,
                () -> DeviceKernels.requireConverged("cusolverDnXgesvd", 3));
        assertEquals(3, none.info());
        assertTrue(none.getMessage().contains("cusolverDnXgesvd"), none.getMessage());
        FusemathException rejected = assertThrows(FusemathException.class,
                () -> DeviceKernels.requireConverged("cusolverDnXgeev", -7));
        assertTrue(rejected.getMessage().contains("argument 7"), rejected.getMessage());
        assertThrows(FusemathException.class, () -> DeviceKernels.requireAccepted("cusolverDnXgetrs", -1));
        // NaN is refused before any device call, as on the host.
        CpuDevices cpu = new CpuDevices();
        DeviceKernels device = new DeviceKernels(cpu.device());
        HostMatrix nan = HostMatrix.of(new double[] {1, Double.NaN, 0, 1}, 2, 2);
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> device.svd(nan, SvdMode.THIN));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> device.eig(nan, true));
        assertEquals(List.of(), cpu.functions());
    }

    @Test
    void withoutADeviceEveryEntryPointOnADeviceContextSaysWhyAfterAskingTheProbe() {
        if (CudaProbe.get().usable()) {
            return;
        }
        org.fusemath.api.UnavailableReason reason = CudaProbe.get().reason().orElseThrow();
        HostMatrix a = HostMatrix.of(new double[] {2, 1, 1, 2}, 2, 2);
        HostMatrix b = HostMatrix.of(new double[] {1, 1}, 2, 1);
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> LuFactorization.factor(DEVICE, a),
                () -> new LuSolver(DEVICE, a, b, Op.NONE),
                () -> Linalg.solve(DEVICE, a, b),
                () -> Linalg.inv(DEVICE, a),
                () -> Linalg.det(DEVICE, a),
                () -> Linalg.slogdet(DEVICE, a),
                () -> QrFactorization.factor(DEVICE, a),
                () -> Linalg.svd(DEVICE, a, SvdMode.THIN),
                () -> Linalg.eig(DEVICE, a, true),
                () -> Linalg.eigh(DEVICE, a, Uplo.LOWER, true));
        for (org.junit.jupiter.api.function.Executable call : calls) {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, call);
            assertEquals(reason, e.reason());
        }
        assertEquals(3.0, ((double[]) Linalg.eigh(HOST, a, Uplo.LOWER, false).values().array())[1], 4 * Math.ulp(3.0));
    }

    @Test
    void hostAndAutoSelectTheHostRoutines() {
        assertTrue(SolverProviders.select(HOST) instanceof HostKernels);
        assertTrue(SolverProviders.select(FuseContext.defaults()) instanceof HostKernels);
        assertEquals(MatrixShape.columnMajor(2, 1), Linalg.svd(HOST, HostMatrix.of(new double[] {3, 0, 0, 4}, 2, 2),
                SvdMode.VALUES).s().shape());
    }
}
