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
import org.fusemath.api.Layout;
import org.fusemath.blas.Op;
import org.fusemath.solver.Eigen;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.LuFactorization;
import org.fusemath.solver.LuSolver;
import org.fusemath.solver.QrFactorization;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.spi.SpectralMetrics;
import org.fusemath.solver.spi.SpectralSamples;
import org.fusemath.solver.device.DecompositionCall.Routine;
import org.fusemath.verify.Comparison;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.Test;

/**
 * QR, SVD and eigen on the GPU beside the host: eigenvalues and singular values within 10·n²·u·‖A‖ of the host's,
 * the device's eigenvectors with residuals in the same bound, Linalg.eigh on a DEVICE context like the host's; the
 * public LU, QR, SVD and eigen entry points on a DEVICE context judged as on the host (normwise backward error of
 * the LU solves within verify's LU-solve bound, SpectralMetrics' reconstruction/orthogonality/residual ≤ 16) and their values against the host's.
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

    /** The normwise backward error of X for A·X = B within verify's LU-solve bound (c·n·u). */
    private static boolean withinLuBound(HostMatrix a, HostMatrix x, HostMatrix b) {
        Comparison c = Validation.solve(a, x, b, Tolerance.luSolve());
        return c.observed() <= c.bound();
    }

    @Test
    void luFactorAndSolverOnTheDeviceMeetTheBackwardErrorBound() {
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                int n = 200;
                HostMatrix a = SpectralSamples.random(t, n, n, layout, 3);
                HostMatrix b = SpectralSamples.random(t, n, 4, layout, 4);
                LuFactorization lu = LuFactorization.factor(DEVICE, a);
                HostMatrix x = lu.solve(b);
                assertTrue(withinLuBound(a, x, b), t + " " + layout + " Xgetrs");
                // |Δ log|det A|| = |tr(A⁻¹·E)| ≤ n·‖A⁻¹‖₁·‖E‖₁ for a backward error ‖E‖₁ ≤ 4·n·u·‖A‖₁: 4·n²·u·κ₁(A).
                LuFactorization host = LuFactorization.factor(a);
                assertEquals(host.logDeterminant().logAbsDet(), lu.logDeterminant().logAbsDet(),
                        4.0 * n * n * DeviceDecompositionTest.u(t) / host.reciprocalCondition(), t + " slogdet");
                try (LuSolver s = new LuSolver(DEVICE, a, b, Op.NONE)) {
                    s.plan().factorize();
                    assertTrue(withinLuBound(a, s.solve(), b), t + " " + layout + " LuSolver");
                }
            }
        }
    }

    @Test
    void qrSvdAndEigOnTheDeviceMeetTheHostsBounds() {
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                for (int[] shape : new int[][] {{60, 40}, {40, 60}}) {
                    HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], layout, 5);
                    String where = t + " " + layout + " " + shape[0] + "x" + shape[1];
                    QrFactorization qr = QrFactorization.factor(DEVICE, a);
                    assertTrue(SpectralMetrics.orthogonality(qr.q(), false) <= 16, where + " Q");
                    for (SvdMode mode : new SvdMode[] {SvdMode.THIN, SvdMode.FULL}) {
                        Svd svd = Linalg.svd(DEVICE, a, mode);
                        assertTrue(SpectralMetrics.reconstruction(a, svd) <= 16, where + " " + mode + " UΣVᴴ");
                        assertTrue(SpectralMetrics.orthogonality(svd.u(), false) <= 16, where + " " + mode + " U");
                        assertTrue(SpectralMetrics.orthogonality(svd.vh(), true) <= 16, where + " " + mode + " Vᴴ");
                    }
                }
                HostMatrix sq = SpectralSamples.random(t, 50, 50, layout, 6);
                Eigen e = Linalg.eig(DEVICE, sq, true);
                assertTrue(SpectralMetrics.residual(sq, e) <= 16, t + " " + layout + " Xgeev");
            }
        }
    }
}
