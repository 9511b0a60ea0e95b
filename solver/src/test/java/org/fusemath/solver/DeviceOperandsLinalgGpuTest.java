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
import org.fusemath.blas.Scalar;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: solve, inv and det on device tensors (buffers from the cuda module's stream-ordered pool) agree with the
 * host path, in both storage orders, with a C-order right-hand side of several columns (transposed on the device).
 */
@GpuTest(libraries = {CudaLibrary.CUSOLVER, CudaLibrary.NVRTC})
class DeviceOperandsLinalgGpuTest {
    private static CudaBuffer upload(CudaStream stream, HostMatrix m) {
        CudaBuffer b = CudaBuffer.allocate(stream, m.dtype(), m.shape().size());
        b.copyFrom(stream, (double[]) m.array());
        return b;
    }

    private static HostMatrix download(CudaStream stream, DeviceTensor t) {
        double[] out = new double[(int) (t.elementCount() * t.dtype().slotsPerElement())];
        ((CudaBuffer) t.buffer()).copyTo(stream, out);
        return HostMatrix.of(t.dtype(), out, MatrixShape.dense(t.dim(0), t.rank() == 1 ? 1 : t.dim(1),
                t.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR));
    }

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

    @Test
    void solveInvAndDetOnDeviceTensorsMatchTheHost() {
        int n = 64;
        try (CudaStream stream = CudaStream.create(0);
             FuseContext context = FuseContext.builder().execution(Execution.device(0)).stream(stream).build()) {
            for (DType t : new DType[] {DType.F64, DType.C128}) {
                for (Layout layout : Layout.values()) {
                    HostMatrix a = LinalgTest.random(t, n, n, layout, 41);
                    HostMatrix b = LinalgTest.random(t, n, 5, layout, 42);
                    boolean fortran = layout == Layout.COLUMN_MAJOR;
                    try (CudaBuffer ab = upload(stream, a); CudaBuffer bb = upload(stream, b)) {
                        DeviceTensor da = DeviceTensor.of(ab, new long[] {n, n}, fortran);
                        DeviceTensor db = DeviceTensor.of(bb, new long[] {n, 5}, fortran);
                        DeviceTensor x = Linalg.solve(context, da, db);
                        DeviceTensor inv = Linalg.inv(context, da);
                        try (CudaBuffer xb = (CudaBuffer) x.buffer(); CudaBuffer ib = (CudaBuffer) inv.buffer()) {
                            double tol = 1e4 * n * t.unitRoundoff();
                            HostMatrix hx = Linalg.solve(a, b);
                            assertTrue(distance(hx, download(stream, x)) <= tol, t + " " + layout + " solve");
                            assertTrue(distance(Linalg.inv(a), download(stream, inv)) <= tol, t + " " + layout + " inv");
                        }
                        Scalar det = Linalg.det(context, da);
                        Scalar host = Linalg.det(a);
                        double scale = Math.hypot(host.re(), host.im());
                        assertEquals(host.re(), det.re(), 1e-9 * scale, t + " " + layout + " det");
                        assertEquals(host.im(), det.im(), 1e-9 * scale, t + " " + layout + " det");
                    }
                }
            }
        }
    }
}
