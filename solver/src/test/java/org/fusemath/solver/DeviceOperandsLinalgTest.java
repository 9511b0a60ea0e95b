package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.CpuDeviceOperands;
import org.junit.jupiter.api.Test;

/**
 * solve, inv, det and the device LU factorisation on device tensors, on the CPU fakes ({@link CpuDeviceOperands}:
 * every cuSOLVER call executed by LAPACK on fake device memory, the strided copies byte by byte): cuSOLVER works on
 * the callers' device addresses (a device copy of A, B copied or transposed into X), nothing but devInfo, pivots,
 * constants and U's diagonal crosses to the host, A and B are unchanged, every allocation and handle is released,
 * and the results satisfy the LU backward-error bound and agree with the host path.
 */
class DeviceOperandsLinalgTest {
    private final CpuDeviceOperands fake = new CpuDeviceOperands();

    private DeviceTensor upload(HostMatrix m) {
        boolean fortran = m.shape().layout() == Layout.COLUMN_MAJOR;
        return fake.upload(0, m.dtype(), new long[] {m.shape().rows(), m.shape().cols()}, fortran, m.array());
    }

    private HostMatrix download(DeviceTensor t) {
        long rows = t.dim(0);
        long cols = t.rank() == 1 ? 1 : t.dim(1);
        return HostMatrix.of(t.dtype(), fake.download(t), MatrixShape.dense(rows, cols, t.isFortranOrder()
                ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR));
    }

    /** max |a - b| over the elements (complex parts separately). */
    private static double distance(HostMatrix a, HostMatrix b) {
        double d = 0;
        for (long i = 0; i < a.shape().rows(); i++) {
            for (long j = 0; j < a.shape().cols(); j++) {
                d = Math.max(d, Math.abs(LinalgTest.re(a, i, j) - LinalgTest.re(b, i, j)));
                d = Math.max(d, Math.abs(LinalgTest.im(a, i, j) - LinalgTest.im(b, i, j)));
            }
        }
        return d;
    }

    private static double maxAbs(HostMatrix a) {
        double m = 0;
        for (long i = 0; i < a.shape().rows(); i++) {
            for (long j = 0; j < a.shape().cols(); j++) {
                m = Math.max(m, Math.hypot(LinalgTest.re(a, i, j), LinalgTest.im(a, i, j)));
            }
        }
        return m;
    }

    /** ‖A·X − B‖max / (n·‖A‖max·‖X‖max·u): the normwise backward error in units of the type's roundoff. */
    private static double backwardError(HostMatrix a, HostMatrix x, HostMatrix b) {
        long n = a.shape().rows();
        double worst = 0;
        for (long i = 0; i < n; i++) {
            for (long j = 0; j < b.shape().cols(); j++) {
                double re = -LinalgTest.re(b, i, j);
                double im = -LinalgTest.im(b, i, j);
                for (long p = 0; p < n; p++) {
                    double ar = LinalgTest.re(a, i, p);
                    double ai = LinalgTest.im(a, i, p);
                    double xr = LinalgTest.re(x, p, j);
                    double xi = LinalgTest.im(x, p, j);
                    re += ar * xr - ai * xi;
                    im += ar * xi + ai * xr;
                }
                worst = Math.max(worst, Math.hypot(re, im));
            }
        }
        return worst / (n * n * maxAbs(a) * maxAbs(x) * a.dtype().unitRoundoff());
    }

    private static final double BOUND = 16; // LU with partial pivoting on random A: a small multiple of n·u·‖A‖·‖X‖

    @Test
    void solveRunsOnTheCallersDeviceMemoryAndMatchesTheHost() {
        int n = 9;
        for (DType t : List.of(DType.F64, DType.F32, DType.C128, DType.C64)) {
            for (Layout la : Layout.values()) {
                for (Layout lb : Layout.values()) {
                    for (int k : new int[] {1, 3}) {
                        String what = t + " A " + la + " B " + lb + " k=" + k;
                        HostMatrix a = LinalgTest.random(t, n, n, la, 17 + k);
                        HostMatrix b = LinalgTest.random(t, n, k, lb, 29 + k);
                        DeviceTensor da = upload(a);
                        DeviceTensor db = upload(b);
                        Object aBefore = fake.download(da);
                        Object bBefore = fake.download(db);
                        fake.hostTransfers().clear();
                        DeviceTensor dx = DeviceLinalg.solve(fake.device(), da, db);
                        HostMatrix x = download(dx);
                        assertEquals(lb == Layout.COLUMN_MAJOR, dx.isFortranOrder(), what + ": X in B's order");
                        double be = backwardError(a, x, b);
                        assertTrue(be <= BOUND, what + ": backward error " + be + " u");
                        HostMatrix host = Linalg.solve(a, b);
                        double cond = 1e3; // random 9×9 A: κ far below this; forward difference ≤ κ·(both backward errors)
                        assertTrue(distance(host, x) <= cond * n * t.unitRoundoff() * maxAbs(host), what + " vs host "
                                + distance(host, x));
                        assertTrue(java.util.Objects.deepEquals(aBefore, fake.download(da)), what + ": A unchanged");
                        assertTrue(java.util.Objects.deepEquals(bBefore, fake.download(db)), what + ": B unchanged");
                        assertTrue(fake.hostTransfers().stream().allMatch(s -> s.startsWith("toHost int[")
                                || s.startsWith("toDevice int[")), what + ": only pivots and devInfo cross " + fake.hostTransfers());
                        long[] getrs = fake.lastOperands();
                        assertNotEquals(da.address(), getrs[0], what + ": getrs reads the factors, a copy of A");
                        assertEquals(lb == Layout.ROW_MAJOR && k > 1, getrs[1] != dx.address(),
                                what + ": solved in X, or in a transposed scratch for a C-order B of several columns");
                        dx.buffer().close();
                        da.buffer().close();
                        db.buffer().close();
                        assertEquals(0, fake.outstanding(), what + ": every allocation and handle released");
                    }
                }
            }
        }
        assertTrue(fake.functions().containsAll(List.of("cusolverDnXgetrf", "cusolverDnXgetrs")), fake.functions().toString());
    }

    @Test
    void aVectorRightHandSideAndTheFactorObjectsSolvesInverseAndDeterminant() {
        int n = 6;
        HostMatrix a = LinalgTest.random(DType.F64, n, n, Layout.ROW_MAJOR, 3);
        HostMatrix b = LinalgTest.random(DType.F64, n, 1, Layout.ROW_MAJOR, 4);
        DeviceTensor da = upload(a);
        DeviceTensor vector = fake.upload(0, DType.F64, new long[] {n}, false, b.array());
        try (DeviceLuFactorization lu = DeviceLuFactorization.factor(fake.device(), da)) {
            assertEquals(n, lu.n());
            assertEquals(0, lu.info());
            DeviceTensor x = lu.solve(vector);
            assertEquals(1, x.rank());
            assertTrue(backwardError(a, HostMatrix.of(DType.F64, fake.download(x), MatrixShape.columnMajor(n, 1)), b) <= BOUND);
            // Aᵀ·Y = B into a caller's out=.
            DeviceTensor y = fake.upload(0, DType.F64, new long[] {n}, false, new double[n]);
            lu.solve(Op.TRANSPOSE, vector, y);
            HostMatrix at = HostMatrix.of(DType.F64, a.array(), MatrixShape.columnMajor(n, n)); // row-major A read as Aᵀ
            assertTrue(backwardError(at, HostMatrix.of(DType.F64, fake.download(y), MatrixShape.columnMajor(n, 1)), b) <= BOUND);
            fake.hostTransfers().clear();
            DeviceTensor inv = lu.inverse();
            assertTrue(fake.hostTransfers().stream().allMatch(s -> s.startsWith("toHost int[") || s.startsWith("toDevice int[")
                    || s.equals("toDevice double[2]")), "only pivots, devInfo and the {0, 1} constants: " + fake.hostTransfers());
            HostMatrix hostInv = Linalg.inv(a);
            assertTrue(distance(hostInv, download(inv)) <= 1e3 * n * DType.F64.unitRoundoff() * maxAbs(hostInv));
            Scalar det = lu.determinant();
            Scalar hostDet = Linalg.det(a);
            assertEquals(hostDet.re(), det.re(), 64 * n * DType.F64.unitRoundoff() * Math.abs(hostDet.re()));
            assertEquals(Linalg.slogdet(a).logAbsDet(), lu.logDeterminant().logAbsDet(), 1e-12);
            assertEquals(Linalg.slogdet(a).sign().re(), lu.logDeterminant().sign().re());
            x.buffer().close();
            y.buffer().close();
            inv.buffer().close();
        }
        HostMatrix c = LinalgTest.random(DType.C128, 5, 5, Layout.COLUMN_MAJOR, 8);
        DeviceTensor dc = upload(c);
        Scalar dz = DeviceLinalg.det(fake.device(), dc);
        Scalar hz = Linalg.det(c);
        assertEquals(hz.re(), dz.re(), 1e-12 * Math.hypot(hz.re(), hz.im()));
        assertEquals(hz.im(), dz.im(), 1e-12 * Math.hypot(hz.re(), hz.im()));
        DeviceTensor dcInv = DeviceLinalg.inv(fake.device(), dc);
        assertTrue(dcInv.isFortranOrder(), "the inverse has A's order");
        assertTrue(distance(Linalg.inv(c), download(dcInv)) <= 1e-10);
        dcInv.buffer().close();
        dc.buffer().close();
        da.buffer().close();
        vector.buffer().close();
        assertEquals(0, fake.outstanding());
    }

    @Test
    void aSingularMatrixReportsDevInfoAndBadOperandsAreRejectedByName() {
        double[] singular = {1, 2, 3, 2, 4, 6, 1, 0, 1}; // row 2 = 2 · row 1
        DeviceTensor s = fake.upload(0, DType.F64, new long[] {3, 3}, false, singular);
        DeviceTensor b = fake.upload(0, DType.F64, new long[] {3}, false, new double[] {1, 2, 3});
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> DeviceLinalg.solve(fake.device(), s, b));
        assertTrue(e.info() > 0);
        assertThrows(SingularMatrixException.class, () -> DeviceLinalg.inv(fake.device(), s));
        assertEquals(Scalar.ZERO, DeviceLinalg.det(fake.device(), s));
        assertEquals(0, fake.outstanding() - 2, "only the two operands remain");

        DeviceTensor wide = fake.upload(0, DType.F64, new long[] {2, 3}, false, new double[6]);
        assertEquals("a", assertThrows(ShapeMismatchException.class, () -> DeviceLinalg.solve(fake.device(), wide, b)).argument());
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {3, 3}, false, new double[] {4, 1, 0, 1, 4, 1, 0, 1, 4});
        DeviceTensor shortB = fake.upload(0, DType.F64, new long[] {2}, false, new double[2]);
        assertEquals("b", assertThrows(ShapeMismatchException.class, () -> DeviceLinalg.solve(fake.device(), a, shortB)).argument());
        DeviceTensor floats = fake.upload(0, DType.F32, new long[] {3}, false, new float[3]);
        assertEquals("b", assertThrows(InvalidArgumentException.class, () -> DeviceLinalg.solve(fake.device(), a, floats)).argument());
        DeviceTensor elsewhere = fake.upload(1, DType.F64, new long[] {3}, false, new double[3]);
        assertEquals("b", assertThrows(InvalidArgumentException.class, () -> DeviceLinalg.solve(fake.device(), a, elsewhere)).argument());
        DeviceTensor otherA = fake.upload(1, DType.F64, new long[] {3, 3}, false, new double[9]);
        assertEquals("a", assertThrows(InvalidArgumentException.class, () -> DeviceLinalg.inv(fake.device(), otherA)).argument());
        DeviceTensor za = fake.upload(0, DType.C128, new long[] {2, 2}, false, new double[] {1, 0, 0, 0, 0, 0, 1, 0});
        DeviceTensor zb = fake.upload(0, DType.C128, new long[] {2}, false, new double[4]);
        try (DeviceLuFactorization lu = DeviceLuFactorization.factor(fake.device(), za)) {
            assertEquals("op", assertThrows(InvalidArgumentException.class,
                    () -> lu.solve(Op.CONJUGATE_TRANSPOSE, zb, null)).argument());
            DeviceTensor fortranOut = fake.upload(0, DType.C128, new long[] {2, 2}, true, new double[8]);
            assertEquals("out", assertThrows(InvalidArgumentException.class, () -> lu.inverse(fortranOut)).argument());
            lu.close();
            assertThrows(IllegalStateException.class, () -> lu.solve(zb));
        }
    }

    @Test
    void thePublicFormsRaiseTheProbesReasonWithoutADevice() {
        Optional<DeviceUnavailableException> probe = CudaProbe.get().failure(0, CudaLibrary.CUSOLVER);
        assumeTrue(probe.isPresent(), "a device with cuSOLVER is usable here; the gpu test covers it");
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {2, 2}, false, new double[] {1, 0, 0, 1});
        DeviceTensor b = fake.upload(0, DType.F64, new long[] {2}, false, new double[2]);
        String reason = probe.get().getMessage();
        assertEquals(reason, assertThrows(DeviceUnavailableException.class, () -> Linalg.solve(a, b)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class, () -> Linalg.inv(a)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class, () -> Linalg.det(a)).getMessage());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> LuFactorization.factor(null, a)).getMessage());
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> Linalg.solve(org.fusemath.api.FuseContext.defaults(), a, b)).argument(), "host execution is refused");
    }
}
