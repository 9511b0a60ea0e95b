package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: Cholesky (factor, solve, inverse), QR, the SVD and the eigen decompositions of device tensors agree with
 * the host forms, in both storage orders and for tall and wide A, the results read back from the device.
 */
@GpuTest(libraries = {CudaLibrary.CUSOLVER, CudaLibrary.NVRTC})
class DeviceOperandsDecompositionsGpuTest {
    private static DeviceTensor upload(CudaStream stream, HostMatrix m) {
        CudaBuffer b = CudaBuffer.allocate(stream, m.dtype(), m.shape().size());
        b.copyFrom(stream, (double[]) m.array());
        return DeviceTensor.of(b, new long[] {m.shape().rows(), m.shape().cols()}, m.shape().layout() == Layout.COLUMN_MAJOR);
    }

    private static HostMatrix download(CudaStream stream, DeviceTensor t) {
        double[] out = new double[(int) (t.elementCount() * t.dtype().slotsPerElement())];
        ((CudaBuffer) t.buffer()).copyTo(stream, out);
        return HostMatrix.of(t.dtype(), out, MatrixShape.dense(t.dim(0), t.rank() == 1 ? 1 : t.dim(1),
                t.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR));
    }

    private static double distance(HostMatrix a, HostMatrix b) {
        assertEquals(a.shape().rows() + "x" + a.shape().cols(), b.shape().rows() + "x" + b.shape().cols());
        double d = 0;
        for (long i = 0; i < a.shape().rows(); i++) {
            for (long j = 0; j < a.shape().cols(); j++) {
                d = Math.max(d, Math.hypot(LinalgTest.re(a, i, j) - LinalgTest.re(b, i, j),
                        LinalgTest.im(a, i, j) - LinalgTest.im(b, i, j)));
            }
        }
        return d;
    }

    /** B·Bᴴ + n·I for a random B: Hermitian positive definite. */
    private static HostMatrix spd(DType t, int n, Layout layout) {
        HostMatrix b = LinalgTest.random(t, n, n, layout, 5);
        Object out = Dense.allocate(t, (long) n * n);
        int slots = t.slotsPerElement();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = i == j ? n : 0;
                double im = 0;
                for (int p = 0; p < n; p++) {
                    double ar = LinalgTest.re(b, i, p);
                    double ai = LinalgTest.im(b, i, p);
                    double br = LinalgTest.re(b, j, p);
                    double bi = -LinalgTest.im(b, j, p);
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                int at = (layout == Layout.COLUMN_MAJOR ? i + j * n : i * n + j) * slots;
                Dense.set(out, at, re);
                if (slots == 2) {
                    Dense.set(out, at + 1, i == j ? 0 : im);
                }
            }
        }
        return HostMatrix.of(t, out, MatrixShape.dense(n, n, layout));
    }

    @Test
    void decompositionsOfDeviceTensorsMatchTheHost() {
        int n = 48;
        try (CudaStream stream = CudaStream.create(0);
             FuseContext context = FuseContext.builder().execution(Execution.device(0)).stream(stream).build()) {
            for (DType t : new DType[] {DType.F64, DType.C128}) {
                double tol = 1e4 * n * t.unitRoundoff();
                for (Layout layout : Layout.values()) {
                    String what = t + " " + layout;
                    HostMatrix h = spd(t, n, layout);
                    DeviceTensor dh = upload(stream, h);
                    HostMatrix b = LinalgTest.random(t, n, 3, layout, 6);
                    DeviceTensor db = upload(stream, b);
                    DeviceTensor l = Linalg.cholesky(context, dh);
                    assertTrue(distance(Linalg.cholesky(h), download(stream, l)) <= tol * n, what + " cholesky");
                    try (DeviceCholeskyFactorization f = CholeskyFactorization.factor(context, dh, Uplo.UPPER)) {
                        DeviceTensor x = f.solve(db);
                        assertTrue(distance(CholeskyFactorization.factor(h).solve(b), download(stream, x)) <= tol, what + " solve");
                        x.buffer().close();
                    }
                    try (DeviceHermitianEigen e = Linalg.eigh(context, dh, Uplo.LOWER, true)) {
                        assertTrue(distance(Linalg.eigvalsh(h), download(stream, e.values())) <= tol * n, what + " eigh");
                    }
                    for (int[] mn : new int[][] {{n, n / 2}, {n / 2, n}}) {
                        HostMatrix a = LinalgTest.random(t, mn[0], mn[1], layout, 7);
                        DeviceTensor da = upload(stream, a);
                        try (DeviceSvd svd = Linalg.svd(context, da, SvdMode.THIN)) {
                            assertTrue(distance(Linalg.svdvals(a), download(stream, svd.s())) <= tol, what + " svd");
                        }
                        try (DeviceQrFactorization qr = QrFactorization.factor(context, da)) {
                            DeviceTensor r = qr.r();
                            HostMatrix hostR = QrFactorization.factor(a).r();
                            // R is unique up to the signs (phases) of its rows: compare magnitudes on the diagonal.
                            HostMatrix dr = download(stream, r);
                            for (int i = 0; i < Math.min(mn[0], mn[1]); i++) {
                                assertEquals(Math.hypot(LinalgTest.re(hostR, i, i), LinalgTest.im(hostR, i, i)),
                                        Math.hypot(LinalgTest.re(dr, i, i), LinalgTest.im(dr, i, i)), tol * n, what + " R");
                            }
                            r.buffer().close();
                        }
                        da.buffer().close();
                    }
                    HostMatrix g = LinalgTest.random(t, n, n, layout, 9);
                    DeviceTensor dg = upload(stream, g);
                    try (DeviceEigen e = Linalg.eig(context, dg, false)) {
                        double sum = 0;
                        HostMatrix w = download(stream, e.values());
                        for (int i = 0; i < n; i++) {
                            sum += LinalgTest.re(w, i, 0);
                        }
                        double trace = 0;
                        for (int i = 0; i < n; i++) {
                            trace += LinalgTest.re(g, i, i);
                        }
                        assertEquals(trace, sum, tol * n, what + " eig: the eigenvalues sum to the trace");
                    }
                    dg.buffer().close();
                    l.buffer().close();
                    dh.buffer().close();
                    db.buffer().close();
                }
            }
        }
    }
}
