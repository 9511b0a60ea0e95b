package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.Availability;
import java.util.List;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Diag;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Ref;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.cuda.DeviceProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Where the device probe finds no usable device (this machine: no driver), DEVICE execution of a matmul or of a
 * level 1–3 routine fails with the probe's own {@link DeviceUnavailableException}, reason and detail included, and
 * never a link error; AUTO and HOST keep computing on the host.
 */
class DeviceUnavailableTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    private static DeviceUnavailableException expected() {
        DeviceProbe probe = CudaProbe.get();
        Assumptions.assumeFalse(probe.usableFor(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT),
                "a usable device with cuBLAS and cuBLASLt is present here");
        return probe.failure(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT).orElseThrow();
    }

    @Test
    void deviceExecutionNamesTheProbeReason() {
        DeviceUnavailableException want = expected();
        HostMatrix a = Ref.random(DType.F32, org.fusemath.api.MatrixShape.rowMajor(4, 3), 1);
        HostMatrix b = Ref.random(DType.F32, org.fusemath.api.MatrixShape.rowMajor(3, 2), 2);
        MatmulOperands ops = MatmulOperands.of(a, b, HostMatrix.of(new float[8], 4, 2));
        MatmulSpec spec = ops.specBuilder().epilogue(Epilogue.RELU).build();
        try (Matmul mm = new Matmul(spec, ops, DEVICE)) {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, mm::plan);
            assertEquals(want.reason(), e.reason());
            assertEquals(want.getMessage(), e.getMessage());
            assertTrue(e.getMessage().contains(want.reason().remedy()), e.getMessage());
        }
        DeviceUnavailableException oneShot = assertThrows(DeviceUnavailableException.class,
                () -> Blas.matmul(spec, ops, DEVICE));
        assertEquals(want.getMessage(), oneShot.getMessage());
        DeviceUnavailableException direct = assertThrows(DeviceUnavailableException.class,
                () -> CublasLtMatmul.plan(spec, DEVICE));
        assertEquals(want.reason(), direct.reason());
    }

    @Test
    void levelRoutinesOnTheDeviceNameTheProbeReasonEvenWhenEmpty() {
        DeviceProbe probe = CudaProbe.get();
        Assumptions.assumeFalse(probe.usableFor(0, CudaLibrary.CUBLAS), "a usable device with cuBLAS is present here");
        DeviceUnavailableException want = probe.failure(0, CudaLibrary.CUBLAS).orElseThrow();
        HostVector x = HostVector.of(new double[] {1, 2, 3});
        HostVector empty = HostVector.of(new double[0]);
        HostMatrix a = HostMatrix.of(new double[] {4, 1, 0, 1, 5, 2, 0, 2, 6}, 3, 3);
        HostMatrix b = HostMatrix.of(new double[9], 3, 3);
        List<Executable> calls = List.of(
            () -> Blas.dot(DEVICE, x, x), () -> Blas.dotc(DEVICE, empty, empty), () -> Blas.nrm2(DEVICE, x),
            () -> Blas.asum(DEVICE, x), () -> Blas.iamax(DEVICE, empty), () -> Blas.axpy(DEVICE, Scalar.ONE, x, HostVector.of(new double[3])),
            () -> Blas.scal(DEVICE, Scalar.ONE, x),
            () -> Blas.gemv(DEVICE, Op.NONE, Scalar.ONE, a, x, Scalar.ZERO, HostVector.of(new double[3])),
            () -> Blas.ger(DEVICE, Scalar.ONE, x, x, b), () -> Blas.gerc(DEVICE, Scalar.ONE, x, x, b),
            () -> Blas.trsv(DEVICE, Uplo.UPPER, Op.NONE, Diag.NON_UNIT, a, HostVector.of(new double[3])),
            () -> Blas.trsm(DEVICE, Side.LEFT, Uplo.UPPER, Op.NONE, Diag.NON_UNIT, Scalar.ONE, a, b),
            () -> Blas.trmm(DEVICE, Side.RIGHT, Uplo.LOWER, Op.TRANSPOSE, Diag.UNIT, Scalar.ONE, a, b),
            () -> Blas.syrk(DEVICE, Uplo.UPPER, Op.NONE, Scalar.ONE, a, Scalar.ZERO, b),
            () -> Blas.herk(DEVICE, Uplo.UPPER, Op.NONE, 1, HostMatrix.complex(new double[18], 3, 3), 0,
                    HostMatrix.complex(new double[18], 3, 3)),
            () -> Blas.symm(DEVICE, Side.LEFT, Uplo.LOWER, Scalar.ONE, a, a, Scalar.ZERO, b));
        for (Executable call : calls) {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, call);
            assertEquals(want.getMessage(), e.getMessage());
        }
    }

    @Test
    void autoAndHostStayOnTheHost() {
        expected();
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 3, 4}, 2, 2);
        for (Execution x : new Execution[] {Execution.AUTO, Execution.HOST}) {
            HostMatrix c = HostMatrix.of(new double[4], 2, 2);
            MatmulOperands ops = MatmulOperands.of(a, a, c);
            try (Matmul mm = new Matmul(ops.specBuilder().build(), ops, FuseContext.builder().execution(x).build())) {
                mm.plan().execute();
            }
            assertEquals(java.util.List.of(7.0, 10.0, 15.0, 22.0), java.util.Arrays.stream(c.doubles()).boxed().toList());
        }
    }

    @Test
    void theBackendReportsTheSameReason() {
        DeviceUnavailableException want = expected();
        Availability a = new CublasLtBackend().availability();
        assertEquals(Availability.unusable(want.reason() + ": " + want.detail(), want.reason().remedy()), a);
    }
}
