package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.CpuDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CholeskyFactorization on a DEVICE context, on the CPU fakes (cusolverDnXpotrf and Xpotrs executed through LAPACK's
 * potrf/potrs, the identical contract): the factor is the host's bit for bit (the same routine on the same image),
 * A − F·Fᴴ within CholeskyTest's bound, solves and the inverse by the normwise backward error
 * ‖A·X − B‖∞/(n·u·‖A‖∞·‖X‖∞) ≤ 4 (Higham, Thm. 10.4), a minor that is not positive definite the host's
 * NotPositiveDefiniteException with the same order; without a device the probe's exception.
 */
class DeviceCholeskyTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @ParameterizedTest
    @EnumSource(DType.class)
    void potrfAndPotrsOnTheDeviceMatchTheHost(DType t) {
        CpuDevices cpu = new CpuDevices();
        for (Layout layout : Layout.values()) {
            for (Uplo uplo : Uplo.values()) {
                for (int n : new int[] {1, 7, 40}) {
                    String where = t + " " + layout + " " + uplo + " n=" + n;
                    HostMatrix a = CholeskyTest.spd(t, n, layout, 3L * n);
                    CholeskyFactorization device = CholeskyFactorization.factor(DEVICE, cpu.device(), a, uplo);
                    CholeskyFactorization host = CholeskyFactorization.factor(HOST, a, uplo);
                    Object hf = host.triangularFactor().array();
                    Object df = device.triangularFactor().array();
                    if (hf instanceof double[] d) {
                        assertArrayEquals(d, (double[]) df, where + " factor");
                    } else {
                        assertArrayEquals((float[]) hf, (float[]) df, where + " factor");
                    }
                    double rec = CholeskyTest.reconstructionError(a, device.triangularFactor(), uplo);
                    assertTrue(rec <= 4, where + " ‖A − F·Fᴴ‖ " + rec); // CholeskyTest's bound
                    HostMatrix b = LinalgTest.random(t, n, 3, layout, 5L + n);
                    double e = LinalgTest.backwardError(a, device.solve(b), b);
                    assertTrue(e <= 4, where + ": backward error " + e);
                    double inv = LinalgTest.backwardError(a, device.inverse(), LinalgTest.identity(t, n));
                    assertTrue(inv <= 4, where + ": A·inv(A) backward error " + inv);
                }
            }
        }
        List<String> functions = cpu.functions();
        assertTrue(functions.contains("cusolverDnXpotrf") && functions.contains("cusolverDnXpotrs"), functions.toString());
        assertEquals(0, cpu.outstanding(), "allocations and handles left");
    }

    @Test
    void aMinorThatIsNotPositiveDefiniteIsTheHostsException() {
        CpuDevices cpu = new CpuDevices();
        HostMatrix a = HostMatrix.of(new double[] {4, 2, 0, 2, 1, 0, 0, 0, 3}, 3, 3); // the 2x2 minor is singular
        NotPositiveDefiniteException device = assertThrows(NotPositiveDefiniteException.class,
                () -> CholeskyFactorization.factor(DEVICE, cpu.device(), a, Uplo.LOWER));
        NotPositiveDefiniteException host = assertThrows(NotPositiveDefiniteException.class,
                () -> CholeskyFactorization.factor(HOST, a, Uplo.LOWER));
        assertEquals(host.info(), device.info());
        assertEquals(2, device.info());
        assertEquals(0, cpu.outstanding());
    }

    @Test
    void withoutADeviceCholeskySaysWhyAfterAskingTheProbe() {
        if (CudaProbe.get().usable()) {
            return;
        }
        HostMatrix a = HostMatrix.of(new double[] {2, 1, 1, 2}, 2, 2);
        org.fusemath.api.UnavailableReason reason = CudaProbe.get().reason().orElseThrow();
        assertEquals(reason, assertThrows(DeviceUnavailableException.class, () -> Linalg.cholesky(DEVICE, a)).reason());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> CholeskyFactorization.factor(DEVICE, a, Uplo.UPPER)).reason());
        assertEquals(reason, assertThrows(DeviceUnavailableException.class,
                () -> CholeskyFactorization.factorInPlace(DEVICE, a, Uplo.UPPER)).reason());
    }
}
