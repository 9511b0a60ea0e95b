package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A device matmul planned on the caller's device images ({@link CublasLtMatmul#planResident}'s making half, against
 * {@link CpuCublas}): it computes what the copying plan computes, on the images in place, copies nothing itself, and
 * rejects images that do not fit before any library call.
 */
class CublasLtMatmulResidentTest {
    /** A device buffer of the fake: an address it allocated. */
    private record FakeBuffer(long address, DType dtype, long elementCount, int deviceId) implements DeviceBuffer {
        @Override
        public void close() {
        }
    }

    private static FakeBuffer image(CpuCublas fake, HostMatrix m) {
        int n = Array.getLength(m.array());
        FakeBuffer b = new FakeBuffer(fake.allocate((long) n * m.dtype().elementBytes()), m.dtype(), n, 0);
        fake.upload(m.array(), 0, n, b.address(), 0);
        return b;
    }

    @Test
    void residentOperandsComputeWhatTheCopyingPlanComputes() {
        for (DType t : new DType[] {DType.F32, DType.F64}) {
            for (Epilogue e : new Epilogue[] {Epilogue.DEFAULT, Epilogue.BIAS, Epilogue.RELU_BIAS, Epilogue.GELU_AUX_BIAS}) {
                for (Op opA : new Op[] {Op.NONE, Op.TRANSPOSE}) {
                    int m = 5;
                    int n = 16;
                    int k = 7;
                    HostMatrix a = Ref.random(t, opA == Op.NONE ? MatrixShape.rowMajor(m, k) : MatrixShape.rowMajor(k, m), 1);
                    HostMatrix b = Ref.random(t, MatrixShape.rowMajor(k, n), 2);
                    HostMatrix c = Ref.random(t, MatrixShape.rowMajor(m, n), 3);
                    HostMatrix bias = Ref.random(t, MatrixShape.rowMajor(1, n), 4);
                    HostMatrix aux = Ref.random(t, MatrixShape.rowMajor(m, n), 5);
                    MatmulOperands ops = MatmulOperands.of(a, b, c);
                    if (e.usesBiasVector()) {
                        ops = ops.withBias(bias);
                    }
                    if (e.auxKind() != Epilogue.AuxKind.NONE) {
                        ops = ops.withAux(aux);
                    }
                    MatmulSpec spec = ops.specBuilder().opA(opA).alpha(0.5).beta(2).epilogue(e).build();
                    String label = t + " " + e + " " + opA;

                    CpuCublas copying = new CpuCublas();
                    HostMatrix want = HostMatrix.of(t, Ref.copy(c.array()), c.shape());
                    HostMatrix wantAux = HostMatrix.of(t, Ref.copy(aux.array()), aux.shape());
                    MatmulOperands wantOps = MatmulOperands.of(a, b, want);
                    if (e.usesBiasVector()) {
                        wantOps = wantOps.withBias(bias);
                    }
                    if (e.auxKind() != Epilogue.AuxKind.NONE) {
                        wantOps = wantOps.withAux(wantAux);
                    }
                    MatmulOperands copyingOps = wantOps;
                    try (CublasLtMatmul p = new CublasLtMatmul(DeviceProblem.of(spec), new CublasHandles(copying, 0), copying,
                            LoggerFactory.getLogger(CublasLtMatmulResidentTest.class))) {
                        p.execute(wantOps);
                    }

                    CpuCublas fake = new CpuCublas();
                    FakeBuffer da = image(fake, a);
                    FakeBuffer db = image(fake, b);
                    FakeBuffer dc = image(fake, c);
                    FakeBuffer dbias = e.usesBiasVector() ? image(fake, bias) : null;
                    FakeBuffer daux = e.auxKind() != Epilogue.AuxKind.NONE ? image(fake, aux) : null;
                    long uploads = fake.count("upload");
                    Object got = Ref.copy(c.array());
                    Object gotAux = Ref.copy(aux.array());
                    try (CublasLtMatmul p = new CublasLtMatmul(DeviceProblem.of(spec), new CublasHandles(fake, 0), fake,
                            LoggerFactory.getLogger(CublasLtMatmulResidentTest.class), new ResidentOperands(da, db, dc, dbias, daux))) {
                        p.executeResident();
                        assertEquals(uploads, fake.count("upload"), label + ": a resident plan copies nothing");
                        assertEquals(0, fake.count("download"), label + ": a resident plan copies nothing back");
                        assertEquals(dc.address(), fake.lastMatmul().d(), label + ": D is written over the caller's C");
                        assertThrows(IllegalStateException.class, () -> p.execute(copyingOps), label);
                        fake.download(dc.address(), 0, got, 0, m * n);
                        if (daux != null) {
                            fake.download(daux.address(), 0, gotAux, 0, m * n);
                        }
                    }
                    assertArrayEquals(doubles(want.array()), doubles(got), label);
                    if (daux != null) {
                        assertArrayEquals(doubles(wantAux.array()), doubles(gotAux), label + ": aux");
                    }
                }
            }
        }
    }

    @Test
    void imagesThatDoNotFitAreRejectedBeforeAnyLibraryCall() {
        DType t = DType.F32;
        MatmulSpec spec = MatmulSpec.builder(t).a(MatrixShape.rowMajor(4, 3)).b(MatrixShape.rowMajor(3, 8))
                .c(MatrixShape.rowMajor(4, 8)).epilogue(Epilogue.RELU_BIAS).bias(MatrixShape.rowMajor(1, 8)).build();
        FakeBuffer a = new FakeBuffer(0x1000, t, 12, 0);
        FakeBuffer b = new FakeBuffer(0x2000, t, 24, 0);
        FakeBuffer c = new FakeBuffer(0x3000, t, 32, 0);
        FakeBuffer bias = new FakeBuffer(0x4000, t, 8, 0);
        CpuCublas fake = new CpuCublas();
        CublasHandles handles = new CublasHandles(fake, 0);
        DeviceProblem p = DeviceProblem.of(spec);
        var log = LoggerFactory.getLogger(CublasLtMatmulResidentTest.class);
        InvalidArgumentException small = assertThrows(InvalidArgumentException.class, () -> new CublasLtMatmul(p, handles, fake, log,
                new ResidentOperands(a, b, new FakeBuffer(0x3000, t, 31, 0), bias, null)));
        assertTrue(small.getMessage().contains("images.c"), small.getMessage());
        assertThrows(InvalidArgumentException.class, () -> new CublasLtMatmul(p, handles, fake, log,
                new ResidentOperands(a, b, c, null, null)), "RELU_BIAS needs its bias");
        assertThrows(InvalidArgumentException.class, () -> new CublasLtMatmul(p, handles, fake, log,
                new ResidentOperands(a, b, c, bias, new FakeBuffer(0x5000, t, 32, 0))), "no aux without an AUX epilogue");
        assertThrows(InvalidArgumentException.class, () -> new CublasLtMatmul(p, handles, fake, log,
                new ResidentOperands(a, new FakeBuffer(0x2000, DType.F64, 24, 0), c, bias, null)), "B of another type");
        assertThrows(InvalidArgumentException.class, () -> new CublasLtMatmul(p, handles, fake, log,
                new ResidentOperands(a, b, new FakeBuffer(0x3000, t, 32, 1), bias, null)), "C on another device");
        assertEquals(0, fake.count("cublasLtMatmulDescCreate"), "nothing reached the library");
        assertTrue(CublasLtMatmul.describeCall(spec).startsWith("cuBLASLt F32"), CublasLtMatmul.describeCall(spec));
        assertTrue(CublasLtMatmul.describeCall(spec).endsWith("epilogue RELU_BIAS"), CublasLtMatmul.describeCall(spec));
    }

    private static double[] doubles(Object array) {
        double[] d = new double[Array.getLength(array)];
        for (int i = 0; i < d.length; i++) {
            d[i] = Ref.get(array, i);
        }
        return d;
    }
}
