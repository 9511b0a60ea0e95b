package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.device.DecompositionCall.Routine;
import org.junit.jupiter.api.Test;

/**
 * QR, SVD and eigen on the GPU beside the host: eigenvalues and singular values within 10·n²·u·‖A‖ of the host's,
 * the device's eigenvectors with residuals in the same bound, Linalg.eigh on a DEVICE context like the host's.
 */
@GpuTest(libraries = {CudaLibrary.CUSOLVER})
class DeviceDecompositionGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @Test
    void eighOnTheDeviceMatchesTheHost() {
        for (DType t : DType.values()) {
            int n = 64;
            Object a = DeviceDecompositionTest.hermitian(t, n, n);
            HostMatrix m = HostMatrix.of(t, a, MatrixShape.columnMajor(n, n));
            HermitianEigen device = Linalg.eigh(DEVICE, m, Uplo.LOWER, true);
            HermitianEigen host = Linalg.eigh(m);
            double[] dw = DeviceDecompositionTest.complex(t.isSinglePrecision() ? DType.F32 : DType.F64, device.values().array());
            double[] hw = DeviceDecompositionTest.complex(t.isSinglePrecision() ? DType.F32 : DType.F64, host.values().array());
            double bound = 10.0 * n * n * DeviceDecompositionTest.u(t) * DeviceDecompositionTest.maxAbs(DeviceDecompositionTest.complex(t, a));
            for (int j = 0; j < n; j++) {
                assertTrue(Math.abs(dw[2 * j] - hw[2 * j]) <= bound, t + " λ" + j);
            }
        }
    }

    @Test
    void gesvdAndGeevOnTheDeviceMatchTheHostsValues() {
        for (DType t : DType.values()) {
            int m = 40;
            int n = 30;
            Object a = DeviceDecompositionTest.random(t, m, n, 7);
            DecompositionCall gesvd = DecompositionCall.of(Routine.X_GESVD, t, m, n, 0, m, m, n, 'N', 'N', Uplo.LOWER);
            DeviceDecomposition.Result r = DeviceDecomposition.run(DEVICE, List.of(gesvd), a);
            assertEquals(0, r.info());
            DType real = t.isSinglePrecision() ? DType.F32 : DType.F64;
            double[] s = DeviceDecompositionTest.complex(real, r.values());
            double[] host = DeviceDecompositionTest.complex(real,
                    Linalg.svdvals(HostMatrix.of(t, a, MatrixShape.columnMajor(m, n))).array());
            double bound = 10.0 * m * n * DeviceDecompositionTest.u(t) * DeviceDecompositionTest.maxAbs(DeviceDecompositionTest.complex(t, a));
            for (int p = 0; p < n; p++) {
                assertTrue(Math.abs(s[2 * p] - host[2 * p]) <= bound, t + " σ" + p);
            }
            Object sq = DeviceDecompositionTest.random(t, n, n, 9);
            DecompositionCall geev = DecompositionCall.of(Routine.X_GEEV, t, n, n, 0, n, n, 1, 'N', 'N', Uplo.LOWER);
            assertEquals(0, DeviceDecomposition.run(DEVICE, List.of(geev), sq).info(), t + " geev");
        }
    }
}
