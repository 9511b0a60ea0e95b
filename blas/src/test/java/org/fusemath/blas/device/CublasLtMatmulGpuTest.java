package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.spi.MatmulReference;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: the device matmul's results against the EJML reference within the GEMM forward error bound (the
 * bound the host meets too) for every type, op pair and storage order, strided and list batches, every
 * epilogue on F32 and F64, the cuBLAS route for k = 0 and alpha = 0, autotuning and a caller's stream. Each
 * case also checks that the slots outside the result's elements are untouched. Skipped, with the probe's reason,
 * where no device with cuBLAS and cuBLASLt is usable.
 */
@GpuTest(libraries = {CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT})
class CublasLtMatmulGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    private static void runAndCheck(MatmulSpec spec, MatmulOperands ops, FuseContext context, boolean tune, String label) {
        MatmulReference.Inputs before = MatmulReference.snapshot(ops);
        try (Matmul mm = new Matmul(spec, ops, context)) {
            mm.plan();
            if (tune) {
                mm.autotune();
            }
            mm.execute();
        }
        double ratio = MatmulReference.worstRatio(spec, before, ops);
        assertTrue(ratio <= 1, label + ": error / bound " + ratio);
        Ref.assertGapsUnchanged(ops.c(), before.c().array());
    }

    @Test
    void everyTypeOpPairAndOrderMatchesTheReference() {
        for (MatmulCases.PlainCase c : MatmulCases.plainCases(new SplittableRandom(21), 37, 29, 41, 3)) {
            runAndCheck(c.spec(), c.ops(), DEVICE, false, c.label());
        }
    }

    @Test
    void everyEpilogueMatchesTheReference() {
        SplittableRandom r = new SplittableRandom(22);
        for (DType t : new DType[] {DType.F32, DType.F64}) {
            for (Epilogue e : Epilogue.values()) {
                for (Op opA : new Op[] {Op.NONE, Op.TRANSPOSE}) {
                    MatmulOperands ops = MatmulCases.epilogueCase(r, t, e, 2, opA);
                    MatmulSpec spec = ops.specBuilder().opA(opA).alpha(1.25).beta(0.5).epilogue(e).build();
                    byte[] maskBefore = ops.reluMask() == null ? null : ops.reluMask().bits().clone();
                    runAndCheck(spec, ops, DEVICE, false, t + " " + e + " opA " + opA);
                    if (e.writesAux() && maskBefore != null) {
                        MatmulCases.assertMaskPaddingKept(ops.reluMask(), maskBefore);
                    }
                }
            }
        }
    }

    @Test
    void listsLargerProblemsAutotuningAndTf32() {
        SplittableRandom r = new SplittableRandom(23);
        List<HostMatrix> as = new ArrayList<>();
        List<HostMatrix> bs = new ArrayList<>();
        List<HostMatrix> cs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            as.add(Ref.random(DType.F32, MatrixShape.rowMajor(33, 17).withOffset(i), r.nextLong()));
            bs.add(Ref.random(DType.F32, MatrixShape.columnMajor(17, 9), r.nextLong()));
            cs.add(Ref.random(DType.F32, MatrixShape.rowMajor(33, 9).withLd(11), r.nextLong()));
        }
        List<MatmulReference.Inputs> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            before.add(MatmulReference.snapshot(MatmulOperands.of(as.get(i), bs.get(i), cs.get(i))));
        }
        MatmulOperands list = MatmulOperands.ofLists(as, bs, cs);
        try (Matmul mm = new Matmul(list.specBuilder().alpha(0.5).beta(2).build(), list, DEVICE)) {
            mm.plan().autotune().execute();
        }
        for (int i = 0; i < 4; i++) {
            MatmulOperands one = MatmulOperands.of(as.get(i), bs.get(i), cs.get(i));
            assertTrue(MatmulReference.worstRatio(one.specBuilder().alpha(0.5).beta(2).build(), before.get(i), one) <= 1, "entry " + i);
        }
        for (DType t : DType.values()) {
            MatmulOperands big = MatmulOperands.of(Ref.random(t, MatrixShape.rowMajor(257, 193), 1),
                    Ref.random(t, MatrixShape.columnMajor(193, 131), 2), Ref.random(t, MatrixShape.rowMajor(257, 131), 3));
            runAndCheck(big.specBuilder().beta(t.isComplex() ? Scalar.of(0, 1) : Scalar.of(-1)).build(), big, DEVICE, true,
                    t + " 257x131x193 autotuned");
        }
        MatmulOperands tf32 = MatmulOperands.of(Ref.random(DType.F32, MatrixShape.rowMajor(64, 64), 4),
                Ref.random(DType.F32, MatrixShape.rowMajor(64, 64), 5), HostMatrix.of(new float[64 * 64], 64, 64));
        MatmulSpec spec = tf32.specBuilder().options(MatmulOptions.defaults()
                .withComputeMode(MatmulOptions.ComputeMode.FAST_TF32)).build();
        MatmulReference.Inputs in = MatmulReference.snapshot(tf32);
        try (Matmul mm = new Matmul(spec, tf32, DEVICE)) {
            mm.plan().execute();
        }
        // TF32 keeps 10 mantissa bits: the bound grows from 2^-24 to 2^-11 per product, about 2^13 times.
        assertTrue(MatmulReference.worstRatio(spec, in, tf32) <= 1 << 13, "TF32 within its own precision");
    }

    @Test
    void kZeroAlphaZeroAndACallersStream() {
        double[] a = new double[24];
        java.util.Arrays.fill(a, Double.NaN);
        double[] c = new double[24];
        for (int i = 0; i < c.length; i++) {
            c[i] = i;
        }
        MatmulOperands alphaZero = MatmulOperands.of(HostMatrix.of(a, 4, 6), HostMatrix.of(a, 6, 4), HostMatrix.of(c, 4, 6).withShape(
                MatrixShape.rowMajor(4, 4).withLd(6)));
        try (Matmul mm = new Matmul(alphaZero.specBuilder().alpha(0).beta(2).build(), alphaZero, DEVICE)) {
            mm.plan().execute();
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(j < 4 ? 2.0 * (i * 6 + j) : i * 6 + j, c[i * 6 + j], 0.0, "(" + i + ", " + j + ")");
            }
        }
        try (CudaStream stream = CudaStream.create(0);
             FuseContext onStream = FuseContext.builder().execution(Execution.device(0)).stream(stream).build()) {
            MatmulOperands ops = MatmulOperands.of(Ref.random(DType.F64, MatrixShape.rowMajor(8, 0), 6),
                    Ref.random(DType.F64, MatrixShape.rowMajor(0, 5), 7), Ref.random(DType.F64, MatrixShape.rowMajor(8, 5), 8));
            runAndCheck(ops.specBuilder().beta(-0.5).build(), ops, onStream, false, "k = 0 on a caller's stream");
            assertTrue(!stream.isClosed(), "the plan does not close the caller's stream");
        }
    }
}
