package org.fusemath.solver.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.QrFactorization;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.junit.jupiter.api.Test;

/**
 * The device-tensor validation cases: all in the device space, one per decomposition that takes device tensors; the
 * metrics they judge the device by hold on the host's results of the same inputs within the bound and measure a
 * non-zero error (so they are sound and can fail), and a damaged result fails them; without a device each case
 * throws the probe's exception (the harness skips them before running).
 */
class DeviceTensorValidationSuiteTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();

    @Test
    void everyCaseIsADeviceCaseAndWithoutADeviceThrowsTheProbesException() {
        List<ValidationCase> cases = new DeviceTensorValidationSuite().cases();
        assertEquals(4 * 7, cases.size());
        assertEquals(Set.of("cholesky[tensor]", "qr[tensor]", "svd[tensor]", "eigh[tensor]", "eig[tensor]",
                        "lstsq[tensor]"),
                cases.stream().map(ValidationCase::op).collect(Collectors.toSet()));
        assertTrue(cases.stream().allMatch(c -> c.space() == Space.DEVICE));
        assertEquals(3, cases.stream().filter(ValidationCase::quick).count());
        if (!CudaProbe.get().usable()) {
            FuseContext device = FuseContext.builder().execution(Execution.device(0)).build();
            for (ValidationCase c : cases) {
                assertThrows(DeviceUnavailableException.class, () -> c.run(device), c.op() + " " + c.shape());
            }
        }
    }

    @Test
    void theMetricsHoldOnTheHostsResultsAndFailOnADamagedOne() {
        for (DType t : DType.values()) {
            HostMatrix spd = SpectralSamples.positiveDefinite(t, 31, Layout.ROW_MAJOR, 3);
            HostMatrix u = CholeskyFactorization.factor(HOST, spd, Uplo.UPPER).triangularFactor();
            double chol = SpectralMetrics.cholesky(spd, u);
            assertTrue(chol > 0 && chol <= 16, t + " cholesky " + chol);
            HostMatrix a = SpectralSamples.random(t, 40, 9, Layout.COLUMN_MAJOR, 4);
            QrFactorization qr = QrFactorization.factor(HOST, a);
            double qrError = SpectralMetrics.qr(a, qr.q(), qr.r());
            assertTrue(qrError > 0 && qrError <= 16, t + " qr " + qrError);
            Svd svd = Linalg.svd(HOST, a, SvdMode.THIN);
            double svdError = SpectralMetrics.svd(a, svd.u(), svd.s(), svd.vh());
            assertTrue(svdError > 0 && svdError <= 16, t + " svd " + svdError);
            HostMatrix h = SpectralSamples.hermitian(t, 31, Layout.COLUMN_MAJOR, 5);
            HermitianEigen e = Linalg.eigh(HOST, h, Uplo.LOWER, true);
            double res = SpectralMetrics.residual(h, Uplo.LOWER, e.values(), e.vectors());
            assertTrue(res > 0 && res <= 16, t + " eigh " + res);
            // One singular value off by 1e-3 relative: far outside the bound.
            Object s = svd.s().array();
            if (s instanceof double[] d) {
                d[0] *= 1 + 1e-3;
            } else {
                ((float[]) s)[0] *= 1 + 1e-3f;
            }
            assertTrue(SpectralMetrics.svd(a, svd.u(), svd.s(), svd.vh()) > 16, t + " damaged svd");
            HostMatrix b = SpectralSamples.random(t, 40, 2, Layout.COLUMN_MAJOR, 6);
            HostMatrix x = Linalg.lstsq(HOST, a, b, -1).x();
            double ls = SpectralMetrics.normalEquations(a, x, b);
            assertTrue(ls > 0 && ls <= 16, t + " lstsq " + ls);
            // X scaled by 1 + 10⁻²: Aᴴ(A·X − B) = 10⁻²·AᴴA·X, far outside the bound.
            Object xs = x.array();
            for (int i = 0; i < java.lang.reflect.Array.getLength(xs); i++) {
                if (xs instanceof double[] d) {
                    d[i] *= 1 + 1e-2;
                } else {
                    ((float[]) xs)[i] *= 1 + 1e-2f;
                }
            }
            double damaged = SpectralMetrics.normalEquations(a, x, b);
            assertTrue(damaged > 16, t + " damaged lstsq " + damaged);
        }
    }
}
