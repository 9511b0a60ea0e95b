package org.fusemath.solver.device;

import static org.fusemath.solver.device.DeviceDecompositionTest.complex;
import static org.fusemath.solver.device.DeviceDecompositionTest.im;
import static org.fusemath.solver.device.DeviceDecompositionTest.maxAbs;
import static org.fusemath.solver.device.DeviceDecompositionTest.random;
import static org.fusemath.solver.device.DeviceDecompositionTest.re;
import static org.fusemath.solver.device.DeviceDecompositionTest.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.device.JacobiSvdCall.Routine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Jacobi SVD descriptions ({@code gesvdj}, {@code gesvdjBatched}) checked by name before anything native, and
 * their making code run against {@link CpuCusolver}, which executes each description through LAPACK's gesvd (the
 * identical contract: column-major, Σ descending, U, and V returned as (Vᴴ)ᴴ) on the memory it addresses. Judged in
 * units of u = the type's unit roundoff (max norms): ‖UᴴU − I‖, ‖VᴴV − I‖ ≤ 10·max(m, n)·u,
 * ‖A − U·Σ·Vᴴ‖ ≤ 10·max(m, n)·u·‖A‖, and Σ against the host's within 10·max(m, n)·u·‖A‖ (Weyl); every allocation,
 * handle and gesvdjInfo released, one workspace query per call, the gesvdjInfo set to the call's parameters.
 */
class DeviceJacobiSvdTest {
    @Test
    void descriptionsRejectWhatTheRoutinesCannotTakeByName() {
        InvalidArgumentException big = assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ_BATCHED, DType.F64, 33, 8, true, false, 4));
        assertTrue(big.getMessage().contains("33x8") && big.getMessage().contains("32"), big.getMessage());
        assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ_BATCHED, DType.F64, 8, 33, true, false, 4));
        InvalidArgumentException econ = assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ_BATCHED, DType.C64, 8, 8, true, true, 4));
        assertTrue(econ.getMessage().contains("econ"), econ.getMessage());
        InvalidArgumentException batch = assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 8, 8, true, true, 2));
        assertTrue(batch.getMessage().contains("batch"), batch.getMessage());
        assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 8, 8, 7, 8, 8, true, true, 1, 0, 100, true));
        assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 8, 8, 8, 8, 7, true, true, 1, 0, 100, true));
        assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 8, 8, 8, 8, 8, true, true, 1, Double.NaN, 100, true));
        assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 8, 8, 8, 8, 8, true, true, 1, 0, 0, true));
        assertThrows(InvalidArgumentException.class, () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 0, 8, true, true, 1));
        InvalidArgumentException wide = assertThrows(InvalidArgumentException.class,
                () -> JacobiSvdCall.of(Routine.GESVDJ, DType.F64, 8, 1L << 31, true, true, 1));
        assertTrue(wide.getMessage().contains("2^31"), wide.getMessage());
        JacobiSvdCall c = JacobiSvdCall.of(Routine.GESVDJ, DType.F32, 8, 5, true, true, 1);
        assertEquals("cusolverDnSgesvdj", c.function());
        assertEquals("cusolverDnSgesvdj_bufferSize", c.bufferSizeQuery().function());
        assertEquals(2 * DType.F32.unitRoundoff(), c.tolerance(), "machine epsilon by default");
        assertEquals(JacobiSvdCall.DEFAULT_MAX_SWEEPS, c.maxSweeps());
        assertEquals(6, c.noConvergenceInfo());
        assertEquals("cusolverDnZgesvdjBatched",
                JacobiSvdCall.of(Routine.GESVDJ_BATCHED, DType.C128, 32, 32, true, false, 9).function());
        // A wrong-sized image never reaches the calls.
        CpuDeviceMemory memory = new CpuDeviceMemory();
        CpuCusolver calls = new CpuCusolver(memory);
        assertThrows(InvalidArgumentException.class, () -> DeviceJacobiSvd.run(c, new float[39], calls, memory));
        assertThrows(InvalidArgumentException.class, () -> DeviceJacobiSvd.run(c, new double[40], calls, memory));
        assertEquals(List.of(), calls.jacobis());
        assertEquals(0, memory.outstanding());
    }

    private static DeviceJacobiSvd.Result run(JacobiSvdCall c, Object a) {
        CpuDeviceMemory memory = new CpuDeviceMemory();
        CpuCusolver calls = new CpuCusolver(memory);
        DeviceJacobiSvd.Result r = DeviceJacobiSvd.run(c, a, calls, memory);
        assertEquals(0, memory.outstanding(), "allocations left");
        assertEquals(0, calls.outstanding(), "handles and gesvdjInfo left");
        assertEquals(1, calls.queries(), "one workspace query");
        assertEquals(List.of(c), calls.jacobis());
        return r;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gesvdjThinFullAndValuesOnlyMeetTheBounds(DType t) {
        for (int[] shape : new int[][] {{9, 6}, {6, 9}, {7, 7}, {1, 5}}) {
            int m = shape[0];
            int n = shape[1];
            Object a = random(t, m, n, 31L * m + n);
            for (boolean econ : new boolean[] {true, false}) {
                JacobiSvdCall c = JacobiSvdCall.of(Routine.GESVDJ, t, m, n, true, econ, 1);
                DeviceJacobiSvd.Result r = run(c, a);
                assertEquals(0, r.info()[0]);
                judge(c, a, r, 0, t + " " + m + "x" + n + (econ ? " econ" : " full"));
            }
            DeviceJacobiSvd.Result values = run(JacobiSvdCall.of(Routine.GESVDJ, t, m, n, false, true, 1), a);
            assertNull(values.u());
            assertNull(values.v());
            judgeValues(t, m, n, a, 0, values.s(), 0, t + " values");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gesvdjBatchedDecomposesEveryMemberOfTheStack(DType t) {
        int m = 6;
        int n = 4;
        int batch = 5;
        Object a = random(t, m, n * batch, 77); // batch column-major 6x4 members, one after another
        JacobiSvdCall c = JacobiSvdCall.of(Routine.GESVDJ_BATCHED, t, m, n, true, false, batch);
        DeviceJacobiSvd.Result r = run(c, a);
        assertEquals(batch, r.info().length);
        assertEquals(-1, r.firstFailure());
        for (int b = 0; b < batch; b++) {
            judge(c, a, r, b, t + " member " + b);
        }
        DeviceJacobiSvd.Result values = run(JacobiSvdCall.of(Routine.GESVDJ_BATCHED, t, 32, 32, false, false, 2),
                random(t, 32, 64, 5));
        assertEquals(64, values.s() instanceof double[] d ? d.length : ((float[]) values.s()).length);
    }

    @Test
    void aMemberThatDoesNotConvergeIsReportedByItsDevInfo() {
        CpuDeviceMemory memory = new CpuDeviceMemory();
        CpuCusolver calls = new CpuCusolver(memory);
        calls.failJacobi(2);
        JacobiSvdCall c = JacobiSvdCall.of(Routine.GESVDJ_BATCHED, DType.F64, 3, 3, true, false, 4);
        DeviceJacobiSvd.Result r = DeviceJacobiSvd.run(c, random(DType.F64, 3, 12, 1), calls, memory);
        assertEquals(2, r.firstFailure());
        assertEquals(4, r.info()[2], "min(m, n) + 1");
        assertEquals(0, memory.outstanding());
        assertEquals(0, calls.outstanding());
    }

    /** Member b of the stacked images: Σ against the host, U and V orthonormal, U·Σ·Vᴴ = A. */
    private static void judge(JacobiSvdCall c, Object a, DeviceJacobiSvd.Result r, int b, String where) {
        DType t = c.dtype();
        int m = (int) c.m();
        int n = (int) c.n();
        int k = (int) c.k();
        int uc = (int) c.uCols();
        int vc = (int) c.vCols();
        int ldu = (int) c.ldu();
        int ldv = (int) c.ldv();
        double[] ac = complex(t, a);
        double[] uc2 = complex(t, r.u());
        double[] vc2 = complex(t, r.v());
        double[] s = complex(t.componentType(), r.s());
        int aBase = b * m * n;
        double bound = 10.0 * Math.max(m, n) * u(t);
        judgeValues(t, m, n, a, aBase, r.s(), b * k, where);
        orthonormal(uc2, b * ldu * uc, ldu, m, uc, bound, where + " U");
        orthonormal(vc2, b * ldv * vc, ldv, n, vc, bound, where + " V");
        double norm = maxAbs(slice(ac, aBase, m * n));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) { // Σ_p U(i,p)·σ_p·conj(V(j,p))
                double sr = 0;
                double si = 0;
                for (int p = 0; p < k; p++) {
                    double ur = re(uc2, ldu, i, p + b * uc);
                    double ui = im(uc2, ldu, i, p + b * uc);
                    double vr = re(vc2, ldv, j, p + b * vc);
                    double vi = -im(vc2, ldv, j, p + b * vc);
                    double sigma = s[2 * (b * k + p)];
                    sr += sigma * (ur * vr - ui * vi);
                    si += sigma * (ur * vi + ui * vr);
                }
                assertTrue(Math.hypot(sr - re(ac, m, i, j + b * n), si - im(ac, m, i, j + b * n)) <= bound * norm,
                        where + " (UΣVᴴ)(" + i + "," + j + ")");
            }
        }
    }

    private static double[] slice(double[] c, int elementBase, int elements) {
        double[] out = new double[2 * elements];
        System.arraycopy(c, 2 * elementBase, out, 0, 2 * elements);
        return out;
    }

    private static void orthonormal(double[] q, int elementBase, int ld, int rows, int cols, double bound, String where) {
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < cols; j++) {
                double sr = 0;
                double si = 0;
                for (int p = 0; p < rows; p++) {
                    int x = 2 * (elementBase + p + i * ld);
                    int y = 2 * (elementBase + p + j * ld);
                    sr += q[x] * q[y] + q[x + 1] * q[y + 1];
                    si += q[x] * q[y + 1] - q[x + 1] * q[y];
                }
                assertTrue(Math.hypot(sr - (i == j ? 1 : 0), si) <= bound, where + " (QᴴQ)(" + i + "," + j + ")");
            }
        }
    }

    /** σ descending and within Weyl's bound of the host's for the member at {@code aBase}. */
    private static void judgeValues(DType t, int m, int n, Object a, int aBase, Object sv, int sBase, String where) {
        int slots = t.slotsPerElement();
        Object member = t.isSinglePrecision() ? new float[m * n * slots] : new double[m * n * slots];
        System.arraycopy(a, aBase * slots, member, 0, m * n * slots);
        double[] host = complex(t.componentType(), Linalg.svdvals(HostMatrix.of(t, member, MatrixShape.columnMajor(m, n)))
                .array());
        double[] s = complex(t.componentType(), sv);
        double bound = 10.0 * Math.max(m, n) * u(t) * maxAbs(complex(t, member)) * Math.max(m, n);
        int k = Math.min(m, n);
        for (int p = 0; p < k; p++) {
            assertEquals(host[2 * p], s[2 * (sBase + p)], bound, where + " σ" + p);
            if (p > 0) {
                assertTrue(s[2 * (sBase + p)] <= s[2 * (sBase + p - 1)], where + " descending at " + p);
            }
        }
    }
}
