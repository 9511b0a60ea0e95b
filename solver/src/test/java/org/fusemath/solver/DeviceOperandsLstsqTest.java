package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.solver.device.CpuDeviceOperands;
import org.junit.jupiter.api.Test;

/**
 * lstsq of device tensors on the CPU fakes ({@link CpuDeviceOperands}: cuSOLVER's SVD executed by LAPACK, the device
 * matrix products by the host BLAS and the row scaling element by element, all on fake device memory) against the host's gelsd: the same rank, singular
 * values within 16·max(m, n)·u·σ₁ (Weyl), X within the least-squares perturbation bound
 * 16·max(m, n)·u·κ²·max(‖X‖, ‖B‖/σ_r) (Higham, Thm. 20.1, κ = σ₁/σ_r over the rank r kept), residuals within
 * (2‖r‖ + δ)·δ, δ = 16·max(m, n)·u·(1 + 2κ)·‖B‖·√m; over-determined, under-determined and rank-deficient A in both
 * orders, B 1-D or 2-D in both orders. Only the singular values and the weights cross to the host, A and B are
 * unchanged, everything is released, and bad operands are refused by name before any call.
 */
class DeviceOperandsLstsqTest {
    private static final List<DType> TYPES = List.of(DType.F64, DType.F32, DType.C128, DType.C64);

    private static DeviceTensor upload(CpuDeviceOperands fake, HostMatrix h, boolean vector) {
        long[] shape = vector ? new long[] {h.shape().rows()} : new long[] {h.shape().rows(), h.shape().cols()};
        return fake.upload(0, h.dtype(), shape, h.shape().layout() == Layout.COLUMN_MAJOR,
                Dense.copy(h, h.shape().layout()));
    }

    private static double[] doubles(Object array) {
        if (array instanceof double[] d) {
            return d;
        }
        float[] f = (float[]) array;
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    @Test
    void theDeviceRouteMatchesGelsdWithinTheBounds() {
        for (DType t : TYPES) {
            for (Layout layout : Layout.values()) {
                for (int[] shape : new int[][] {{12, 5, 5}, {5, 12, 5}, {10, 6, 3}, {7, 7, 7}, {6, 9, 2}, {1, 3, 1}}) {
                    for (int nrhs : new int[] {1, 3}) {
                        boolean vector = nrhs == 1;
                        String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " rank " + shape[2]
                                + (vector ? " b 1-D" : " B " + nrhs + " columns");
                        check(t, layout, shape, nrhs, vector, where);
                    }
                }
            }
        }
    }

    private static void check(DType t, Layout layout, int[] shape, int nrhs, boolean vector, String where) {
        int m = shape[0];
        int n = shape[1];
        CpuDeviceOperands fake = new CpuDeviceOperands();
        HostMatrix a = GelsdReference.deficient(t, m, n, shape[2], layout, 3L * m + n);
        HostMatrix b = LinalgTest.random(t, m, nrhs, vector ? Layout.COLUMN_MAJOR : layout, 7L + m);
        double rcond = 100 * Math.max(m, n) * t.unitRoundoff();
        GelsdReference host = GelsdReference.of(a, b, rcond);
        DeviceTensor da = upload(fake, a, false);
        DeviceTensor db = upload(fake, b, vector);
        Object aBefore = fake.download(da);
        Object bBefore = fake.download(db);
        try (DeviceLstsq device = DeviceLstsqRoute.lstsq(fake.device(), da, db, rcond)) {
            host.assertRankAndSingularValues(device.rank(), Math.min(shape[2], Math.min(m, n)),
                    doubles(fake.download(device.singularValues())), where);
            assertArrayEquals(vector ? new long[] {n} : new long[] {n, nrhs}, device.x().shape(), where + " X's shape");
            assertEquals(vector || layout == Layout.COLUMN_MAJOR, device.x().isFortranOrder(), where + " X's order");
            Layout xl = device.x().isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
            host.assertSolution(HostMatrix.of(t, fake.download(device.x()), MatrixShape.dense(n, nrhs, xl)), nrhs, where);
            double[] r = doubles(fake.download(device.residuals()));
            host.assertResiduals(r, where);
            assertEquals(device.rank() == n && m > n, r.length > 0, where + " residuals present as NumPy");
            String real = t.isSinglePrecision() ? "float" : "double";
            int k = Math.min(m, n);
            assertTrue(fake.hostTransfers().contains("toHost " + real + "[" + k + "]"), where + " σ read back");
            assertTrue(fake.hostTransfers().contains("toDevice " + real + "[" + k + "]"),
                    where + " weights sent");
            for (String crossing : fake.hostTransfers()) {
                int count = Integer.parseInt(crossing.substring(crossing.indexOf('[') + 1, crossing.length() - 1));
                assertTrue(count <= Math.max(2, k * t.slotsPerElement()), where + ": only devInfo, constants, σ and "
                        + "the weights cross to the host, not " + crossing);
            }
            assertEquals(r.length > 0 ? 4 : 2, fake.products().size(), where + " products " + fake.products());
            assertArrayEquals(doubles(aBefore), doubles(fake.download(da)), where + " A unchanged");
            assertArrayEquals(doubles(bBefore), doubles(fake.download(db)), where + " B unchanged");
        }
        da.buffer().close();
        db.buffer().close();
        assertEquals(0, fake.outstanding(), where + " released");
    }

    @Test
    void theDefaultRcondIsNumPysAndANegativeOneIsMachinePrecision() {
        CpuDeviceOperands fake = new CpuDeviceOperands();
        // σ = {1, 1e-10}: NumPy's default (2u·max(m, n)) keeps both, rcond = 1e-8 drops the second.
        double[] a = {1, 0, 0, 0, 1e-10, 0};
        DeviceTensor da = fake.upload(0, DType.F64, new long[] {3, 2}, true, a);
        DeviceTensor db = fake.upload(0, DType.F64, new long[] {3}, true, new double[] {1, 1, 1});
        try (DeviceLstsq keep = DeviceLstsqRoute.lstsq(fake.device(), da, db,
                LeastSquares.defaultRcond(DType.F64, 3, 2));
             DeviceLstsq drop = DeviceLstsqRoute.lstsq(fake.device(), da, db, 1e-8);
             DeviceLstsq negative = DeviceLstsqRoute.lstsq(fake.device(), da, db, -1)) {
            assertEquals(2, keep.rank());
            assertEquals(1, drop.rank());
            assertEquals(2, negative.rank());
            assertArrayEquals(new double[] {1, 1e10}, (double[]) fake.download(keep.x()), 1e-6);
            assertArrayEquals(new double[] {1, 0}, (double[]) fake.download(drop.x()), 0);
            assertArrayEquals(new double[] {1}, (double[]) fake.download(keep.residuals()), 4 * DType.F64.unitRoundoff());
            assertEquals(0, drop.residuals().elementCount(), "rank < n: no residuals, as NumPy");
        }
        da.buffer().close();
        db.buffer().close();
        assertEquals(0, fake.outstanding());
    }

    @Test
    void badOperandsAreRejectedByNameBeforeAnyCall() {
        CpuDeviceOperands fake = new CpuDeviceOperands();
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {3, 2}, true, new double[6]);
        DeviceTensor b = fake.upload(0, DType.F64, new long[] {3}, true, new double[3]);
        DeviceTensor shortB = fake.upload(0, DType.F64, new long[] {2}, true, new double[2]);
        DeviceTensor floatB = fake.upload(0, DType.F32, new long[] {3}, true, new float[3]);
        DeviceTensor elsewhere = fake.upload(1, DType.F64, new long[] {3}, true, new double[3]);
        DeviceTensor vector = fake.upload(0, DType.F64, new long[] {6}, true, new double[6]);
        DeviceTensor rank3 = fake.upload(0, DType.F64, new long[] {3, 1, 1}, true, new double[3]);
        assertEquals("a", assertThrows(ShapeMismatchException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), vector, b, -1)).argument());
        assertEquals("b", assertThrows(ShapeMismatchException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), a, shortB, -1)).argument());
        assertEquals("b", assertThrows(ShapeMismatchException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), a, rank3, -1)).argument());
        assertEquals("b", assertThrows(InvalidArgumentException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), a, floatB, -1)).argument());
        assertEquals("b", assertThrows(InvalidArgumentException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), a, elsewhere, -1)).argument());
        assertEquals("rcond", assertThrows(InvalidArgumentException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), a, b, Double.NaN)).argument());
        assertEquals("b", assertThrows(InvalidArgumentException.class,
                () -> DeviceLstsqRoute.lstsq(fake.device(), a, null, -1)).argument());
        assertTrue(fake.functions().isEmpty(), fake.functions().toString());
        assertTrue(fake.products().isEmpty(), fake.products().toString());
        assertTrue(fake.hostTransfers().isEmpty(), fake.hostTransfers().toString());
    }

    @Test
    void thePublicFormsRaiseTheProbesReasonWithoutADevice() {
        java.util.Optional<org.fusemath.api.DeviceUnavailableException> probe = org.fusemath.cuda.CudaProbe.get()
                .failure(0, org.fusemath.cuda.CudaLibrary.CUSOLVER);
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.isPresent(), "a device with cuSOLVER is usable here; the gpu test covers it");
        CpuDeviceOperands fake = new CpuDeviceOperands();
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {2, 2}, false, new double[] {2, 0, 0, 2});
        DeviceTensor b = fake.upload(0, DType.F64, new long[] {2}, true, new double[] {1, 1});
        String reason = probe.get().getMessage();
        assertEquals(reason, assertThrows(org.fusemath.api.DeviceUnavailableException.class,
                () -> Linalg.lstsq(a, b)).getMessage());
        assertEquals(reason, assertThrows(org.fusemath.api.DeviceUnavailableException.class,
                () -> Linalg.lstsq(null, a, b, -1)).getMessage());
        a.buffer().close();
        b.buffer().close();
    }

    @Test
    void emptyProblemsGiveNumPysShapesAndResiduals() {
        CpuDeviceOperands fake = new CpuDeviceOperands();
        // n = 0 < m: rank 0 = n, so the residual is ‖b‖², as the host (and NumPy) report.
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {3, 0}, true, new double[0]);
        DeviceTensor b = fake.upload(0, DType.F64, new long[] {3}, true, new double[] {1, 2, 2});
        double hostResidual = LeastSquares.compute(GelsdReference.HOST, HostMatrix.of(new double[0], 3, 0),
                HostMatrix.of(new double[] {1, 2, 2}, 3, 1), -1).residuals()[0];
        try (DeviceLstsq r = DeviceLstsqRoute.lstsq(fake.device(), a, b, -1)) {
            assertEquals(0, r.rank());
            assertArrayEquals(new long[] {0}, r.x().shape());
            assertEquals(0, r.singularValues().elementCount());
            assertArrayEquals(new double[] {hostResidual}, (double[]) fake.download(r.residuals()), 0);
            assertEquals(9.0, hostResidual, 0);
        }
        // No right-hand sides: X is n×0, the singular values are still A's.
        DeviceTensor a2 = fake.upload(0, DType.F64, new long[] {2, 2}, true, new double[] {3, 0, 0, 2});
        DeviceTensor b2 = fake.upload(0, DType.F64, new long[] {2, 0}, true, new double[0]);
        try (DeviceLstsq r = DeviceLstsqRoute.lstsq(fake.device(), a2, b2, -1)) {
            assertEquals(2, r.rank());
            assertArrayEquals(new long[] {2, 0}, r.x().shape());
            assertArrayEquals(new double[] {3, 2}, (double[]) fake.download(r.singularValues()), 1e-15);
        }
        for (DeviceTensor t : new DeviceTensor[] {a, b, a2, b2}) {
            t.buffer().close();
        }
        assertEquals(0, fake.outstanding());
    }
}
