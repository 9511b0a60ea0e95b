package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: lstsq of device tensors (cuSOLVER's SVD, cuBLASLt's products on the tensors' memory) agrees with the
 * host's gelsd for tall, wide and rank-deficient A in both storage orders, B 1-D and 2-D: the same rank, singular
 * values within 16·max(m, n)·u·σ₁, X within 16·max(m, n)·u·κ²·max(‖X‖, ‖B‖/σ_r), the residuals within their bound.
 */
@GpuTest(libraries = {CudaLibrary.CUSOLVER, CudaLibrary.NVRTC, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT})
class DeviceOperandsLstsqGpuTest {
    private static DeviceTensor upload(CudaStream stream, HostMatrix m, boolean vector) {
        CudaBuffer b = CudaBuffer.allocate(stream, m.dtype(), m.shape().size());
        b.copyFrom(stream, (double[]) Dense.copy(m, m.shape().layout()));
        long[] shape = vector ? new long[] {m.shape().rows()} : new long[] {m.shape().rows(), m.shape().cols()};
        return DeviceTensor.of(b, shape, m.shape().layout() == Layout.COLUMN_MAJOR);
    }

    private static double[] download(CudaStream stream, DeviceTensor t) {
        double[] out = new double[(int) (t.elementCount() * t.dtype().slotsPerElement())];
        if (out.length > 0) {
            ((CudaBuffer) t.buffer()).copyTo(stream, out);
        }
        return out;
    }

    @Test
    void lstsqOfDeviceTensorsMatchesGelsd() {
        try (CudaStream stream = CudaStream.create(0);
             FuseContext context = FuseContext.builder().execution(Execution.device(0)).stream(stream).build()) {
            FuseContext host = FuseContext.builder().execution(Execution.HOST).build();
            for (DType t : new DType[] {DType.F64, DType.C128}) {
                for (Layout layout : Layout.values()) {
                    for (int[] shape : new int[][] {{64, 24, 24}, {24, 64, 24}, {40, 30, 10}}) {
                        for (int nrhs : new int[] {1, 4}) {
                            int m = shape[0];
                            int n = shape[1];
                            String where = t + " " + layout + " " + m + "x" + n + " rank " + shape[2] + " nrhs " + nrhs;
                            HostMatrix a = LinalgTest.random(t, m, n, Layout.COLUMN_MAJOR, 3L * m + n);
                            Object data = a.array();
                            int slots = t.slotsPerElement();
                            for (int j = shape[2]; j < n; j++) {
                                System.arraycopy(data, (j % shape[2]) * m * slots, data, j * m * slots, m * slots);
                            }
                            a = HostMatrix.of(t, Dense.copy(a, layout), MatrixShape.dense(m, n, layout));
                            HostMatrix b = LinalgTest.random(t, m, nrhs, nrhs == 1 ? Layout.COLUMN_MAJOR : layout, 9);
                            double rcond = 100 * Math.max(m, n) * t.unitRoundoff();
                            LeastSquares want = LeastSquares.compute(host, a, b, rcond);
                            DeviceTensor da = upload(stream, a, false);
                            DeviceTensor db = upload(stream, b, nrhs == 1);
                            try (DeviceLstsq got = Linalg.lstsq(context, da, db, rcond)) {
                                assertEquals(want.rank(), got.rank(), where + " rank");
                                double scale = 16 * Math.max(m, n) * t.unitRoundoff();
                                double[] hs = want.singularValues();
                                assertArrayEquals(hs, download(stream, got.singularValues()), scale * hs[0], where + " σ");
                                double kappa = hs[0] / hs[got.rank() - 1];
                                double bNorm = LinalgTest.normInf(b);
                                double bound = scale * kappa * kappa * Math.max(LinalgTest.normInf(want.x()),
                                        bNorm / hs[got.rank() - 1]);
                                HostMatrix x = HostMatrix.of(t, download(stream, got.x()), MatrixShape.dense(n, nrhs,
                                        got.x().isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR));
                                for (int i = 0; i < n; i++) {
                                    for (int j = 0; j < nrhs; j++) {
                                        assertTrue(Math.hypot(LinalgTest.re(x, i, j) - LinalgTest.re(want.x(), i, j),
                                                LinalgTest.im(x, i, j) - LinalgTest.im(want.x(), i, j)) <= bound,
                                                where + " X(" + i + "," + j + ")");
                                    }
                                }
                                double[] r = download(stream, got.residuals());
                                double[] hr = want.residuals();
                                assertEquals(hr.length, r.length, where + " residuals");
                                double delta = scale * (1 + 2 * kappa) * bNorm * Math.sqrt(m);
                                for (int j = 0; j < r.length; j++) {
                                    assertEquals(hr[j], r[j], (2 * Math.sqrt(hr[j]) + delta) * delta, where + " r" + j);
                                }
                            } finally {
                                da.buffer().close();
                                db.buffer().close();
                            }
                        }
                    }
                }
            }
        }
    }
}
