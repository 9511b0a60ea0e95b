package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.spi.MatmulReference;
import org.junit.jupiter.api.Test;

/**
 * The cuBLASLt call plans, executed on the CPU through cuBLASLt's column-major contract, agree with the
 * EJML reference for every type, op, layout, batch form and epilogue: the operand swap, leading dimensions,
 * batch strides, bias-per-row and aux layouts are proven without a GPU.
 */
class CublasLtCallTest {
    private static double runAndCompare(MatmulSpec spec, MatmulOperands ops) {
        MatmulReference.Inputs before = MatmulReference.snapshot(ops);
        CublasLtCpuExecutor.run(CublasLtCall.plan(spec), ops);
        return MatmulReference.worstRatio(spec, before, ops);
    }

    @Test
    void plainProductsOnEveryTypeOpAndLayout() {
        List<MatmulCases.PlainCase> cases = MatmulCases.plainCases(new SplittableRandom(3), 5, 3, 4, 0);
        for (MatmulCases.PlainCase c : cases) {
            double ratio = runAndCompare(c.spec(), c.ops());
            assertTrue(ratio <= 1, c.label() + ": error / bound " + ratio);
        }
        assertEquals(4 * 9 * 8, cases.size());
    }

    @Test
    void everyEpilogueThroughTheSwappedView() {
        SplittableRandom r = new SplittableRandom(4);
        for (DType t : new DType[] {DType.F32, DType.F64}) {
            for (Epilogue e : Epilogue.values()) {
                for (Op opA : new Op[] {Op.NONE, Op.TRANSPOSE}) {
                    int m = 7;
                    int n = 9;
                    int k = 5;
                    long batch = 2;
                    HostMatrix a = Ref.random(t, MatmulCases.shape(r, Layout.COLUMN_MAJOR, opA.transposes() ? k : m, opA.transposes() ? m : k, batch), r.nextLong());
                    HostMatrix b = Ref.random(t, MatmulCases.shape(r, Layout.ROW_MAJOR, k, n, batch), r.nextLong());
                    HostMatrix c = Ref.random(t, MatrixShape.rowMajor(m, n).withLd(n + 2).batched(batch), r.nextLong());
                    MatmulOperands ops = MatmulOperands.of(a, b, c);
                    if (e.usesBiasVector()) {
                        long len = e.biasLength(m, n);
                        boolean written = e.biasGradient() != Epilogue.BiasGradient.NONE;
                        ops = ops.withBias(Ref.random(t, MatrixShape.rowMajor(1, len).batched(written ? batch : 1), r.nextLong()));
                    }
                    if (e.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
                        long ld = e.alignedAuxLd(n);
                        ops = ops.withAux(Ref.random(t, MatrixShape.rowMajor(m, n).withLd(ld).batched(batch, ld * m), r.nextLong()));
                    } else if (e.auxKind() == Epilogue.AuxKind.RELU_MASK) {
                        ReluMask mask = ReluMask.allocate(batch, m, n);
                        r.nextBytes(mask.bits());
                        ops = ops.withReluMask(mask);
                    }
                    MatmulSpec spec = ops.specBuilder().opA(opA).alpha(1.25).beta(0.5).epilogue(e).build();
                    CublasLtCall call = CublasLtCall.plan(spec);
                    assertTrue(call.swapped(), "row-major C is computed as the swapped product");
                    assertEquals(CublasLtCall.Source.B, call.a().source());
                    assertEquals(n, call.m());
                    double ratio = runAndCompare(spec, ops);
                    assertTrue(ratio <= 1, t + " " + e + " opA " + opA + ": error / bound " + ratio);
                }
            }
        }
    }

    @Test
    void theRecordSaysWhatCublasLtIsAskedFor() {
        MatrixShape a = MatrixShape.rowMajor(6, 4);
        MatrixShape b = MatrixShape.rowMajor(4, 5);
        MatrixShape c = MatrixShape.rowMajor(6, 5);
        MatmulSpec bias = MatmulSpec.builder(DType.F32).a(a).b(b).c(c).epilogue(Epilogue.RELU_BIAS)
                .bias(MatrixShape.rowMajor(1, 5)).options(MatmulOptions.defaults()
                        .withComputeMode(MatmulOptions.ComputeMode.FAST_TF32)).build();
        CublasLtCall call = CublasLtCall.plan(bias);
        // Dᵀ (5x6, column-major) = Bᵀ·Aᵀ: B's row-major storage is Bᵀ column-major, taken as is.
        assertEquals(new CublasLtCall.Operand(CublasLtCall.Source.B, Op.NONE,
                new CublasLtCall.MatrixLayout(CublasLtCall.Order.COL, 5, 4, 5, 0)), call.a());
        assertEquals(new CublasLtCall.Operand(CublasLtCall.Source.A, Op.NONE,
                new CublasLtCall.MatrixLayout(CublasLtCall.Order.COL, 4, 6, 4, 0)), call.b());
        assertEquals(new CublasLtCall.MatrixLayout(CublasLtCall.Order.COL, 5, 6, 5, 0), call.c());
        assertEquals(6, call.epilogue());
        assertEquals(new CublasLtCall.BiasVector(5, 0), call.bias(), "one bias value per row of cuBLASLt's D");
        assertEquals(CublasLtCall.ComputeType.COMPUTE_32F_FAST_TF32, call.computeType());
        MatmulSpec gradA = MatmulSpec.builder(DType.F64).a(a).b(b).c(c).epilogue(Epilogue.BGRADA)
                .bias(MatrixShape.rowMajor(1, 6)).build();
        assertEquals(Epilogue.BGRADB.cublasLtValue(), CublasLtCall.plan(gradA).epilogue(), "the swap exchanges BGRADA and BGRADB");
        MatmulSpec colMajor = MatmulSpec.builder(DType.F64).a(a).b(b).c(MatrixShape.columnMajor(6, 5))
                .epilogue(Epilogue.BGRADA).bias(MatrixShape.rowMajor(1, 6)).build();
        assertFalse(CublasLtCall.plan(colMajor).swapped());
        assertEquals(Epilogue.BGRADA.cublasLtValue(), CublasLtCall.plan(colMajor).epilogue());
        MatmulSpec conj = MatmulSpec.builder(DType.C128).a(MatrixShape.rowMajor(4, 6), Op.CONJUGATE_TRANSPOSE).b(b).c(c).build();
        CublasLtCall own = CublasLtCall.plan(conj);
        assertFalse(own.swapped(), "a conjugate transpose keeps every operand in its own order");
        assertEquals(CublasLtCall.Order.ROW, own.c().order());
        assertEquals(Op.CONJUGATE_TRANSPOSE, own.a().op());
    }

    @Test
    void whatOneCublasLtCallCannotDoIsRejected() {
        MatrixShape s = MatrixShape.rowMajor(4, 4);
        MatmulSpec list = MatmulSpec.builder(DType.F64).a(s).b(s).c(s).listBatched(3).build();
        assertEquals("spec.batchMode", assertThrows(InvalidArgumentException.class, () -> CublasLtCall.plan(list)).argument());
        MatmulSpec looseAux = MatmulSpec.builder(DType.F64).a(s).b(s).c(s).epilogue(Epilogue.GELU_AUX)
                .aux(MatrixShape.rowMajor(4, 4).withLd(5)).build();
        assertEquals("aux.ld", assertThrows(InvalidArgumentException.class, () -> CublasLtCall.plan(looseAux)).argument());
        MatmulSpec drelu = MatmulSpec.builder(DType.F32).a(MatrixShape.rowMajor(4, 1)).b(MatrixShape.rowMajor(1, 4)).c(s)
                .epilogue(Epilogue.DRELU).aux(ReluMask.allocate(4, 4).shape()).build();
        assertEquals("k", assertThrows(InvalidArgumentException.class, () -> CublasLtCall.plan(drelu)).argument());
    }
}
