package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.device.DeviceLayout.Role;
import org.fusemath.blas.spi.MatmulReference;
import org.fusemath.cuda.junit.CleanerWait;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The making half of the device matmul, run against {@link CpuCublas}: the descriptors carry exactly what the
 * {@link CublasLtCall} describes, the results of the recorded calls (rebuilt by the fake from those attributes
 * alone) agree with the EJML reference within the GEMM bound for every type, op, layout, batch form and
 * epilogue, only the views' own elements come back, and every native resource is released: on close, when a
 * call fails halfway, and by the cleaner.
 */
class CublasLtMatmulTest {
    private static CublasLtMatmul plan(MatmulSpec spec, CpuCublas fake, CublasHandles handles) {
        return new CublasLtMatmul(DeviceProblem.of(spec), handles, fake, LoggerFactory.getLogger(CublasLtMatmulTest.class));
    }

    private static CublasLtMatmul plan(MatmulSpec spec, CpuCublas fake) {
        return plan(spec, fake, new CublasHandles(fake, 0));
    }

    /** Runs {@code spec} through a fresh fake, checks the result against the reference and C's gaps, and releases. */
    private static CpuCublas runAndCheck(MatmulSpec spec, MatmulOperands ops, String label) {
        CpuCublas fake = new CpuCublas();
        CublasHandles handles = new CublasHandles(fake, 0);
        MatmulReference.Inputs before = MatmulReference.snapshot(ops);
        try (CublasLtMatmul p = plan(spec, fake, handles)) {
            p.execute(ops);
        }
        double ratio = MatmulReference.worstRatio(spec, before, ops);
        assertTrue(ratio <= 1, label + ": error / bound " + ratio);
        Ref.assertGapsUnchanged(ops.c(), before.c().array());
        handles.drain();
        assertEquals(0, fake.live(), label + ": " + fake.liveDescription());
        assertTrue(fake.closed(), label + ": the stream calls are closed");
        return fake;
    }

    @Test
    void aHandWrittenCallSetsTheseAttributes() {
        // relu(A·B + bias), A 6x4, B 4x5 row-major, TF32: cuBLASLt computes Dᵀ (5x6) = Bᵀ·Aᵀ, all column-major.
        MatmulSpec spec = MatmulSpec.builder(DType.F32).a(MatrixShape.rowMajor(6, 4)).b(MatrixShape.rowMajor(4, 5))
                .c(MatrixShape.rowMajor(6, 5)).epilogue(Epilogue.RELU_BIAS).bias(MatrixShape.rowMajor(1, 5))
                .options(MatmulOptions.defaults().withComputeMode(MatmulOptions.ComputeMode.FAST_TF32)
                        .withWorkspaceLimitBytes(4096)).build();
        CpuCublas fake = new CpuCublas();
        try (CublasLtMatmul p = plan(spec, fake)) {
            CpuCublas.Desc d = fake.onlyDesc();
            assertEquals(77, d.computeType, "CUBLAS_COMPUTE_32F_FAST_TF32");
            assertEquals(0, d.scaleType, "CUDA_R_32F");
            long bias = p.operands().address(Role.BIAS);
            assertEquals(Map.of(MatmulDescAttribute.TRANSA, 0L, MatmulDescAttribute.TRANSB, 0L,
                    MatmulDescAttribute.EPILOGUE, 6L, MatmulDescAttribute.BIAS_POINTER, bias,
                    MatmulDescAttribute.BIAS_BATCH_STRIDE, 0L), d.attributes);
            assertEquals(5 * 4, fake.allocationBytes(bias), "5 floats of bias");
            assertLayout(fake.layout(p.descriptors().a()), 0, 5, 4, 5, 0, 1, 0);
            assertLayout(fake.layout(p.descriptors().b()), 0, 4, 6, 4, 0, 1, 0);
            assertLayout(fake.layout(p.descriptors().c()), 0, 5, 6, 5, 0, 1, 0);
            assertEquals(Map.of(PreferenceAttribute.MAX_WORKSPACE_BYTES, 4096L, PreferenceAttribute.MIN_ALIGNMENT_A_BYTES, 256L,
                    PreferenceAttribute.MIN_ALIGNMENT_B_BYTES, 256L, PreferenceAttribute.MIN_ALIGNMENT_C_BYTES, 256L,
                    PreferenceAttribute.MIN_ALIGNMENT_D_BYTES, 256L), fake.preference(p.descriptors().preference()));
            assertEquals(6 * 4 * 4, fake.allocationBytes(p.operands().address(Role.A)));
            assertEquals(4 * 5 * 4, fake.allocationBytes(p.operands().address(Role.B)));
            assertEquals(6 * 5 * 4, fake.allocationBytes(p.operands().address(Role.C)));
            assertEquals(0, p.operands().address(Role.AUX));
        }
    }

    private static void assertLayout(CpuCublas.LayoutDesc l, int type, long rows, long cols, long ld, long order,
                                     long batch, long stride) {
        assertEquals(List.of((long) type, rows, cols, ld), List.of((long) l.type, l.rows, l.cols, l.ld));
        assertEquals(Map.of(LayoutAttribute.ORDER, order, LayoutAttribute.BATCH_COUNT, batch,
                LayoutAttribute.STRIDED_BATCH_OFFSET, stride), l.attributes);
    }

    @Test
    void descriptorsCarryExactlyWhatTheCallDescribes() {
        SplittableRandom r = new SplittableRandom(11);
        List<MatmulSpec> specs = new ArrayList<>();
        for (Epilogue e : Epilogue.values()) {
            specs.add(MatmulCases.epilogueCase(r, e.ordinal() % 2 == 0 ? DType.F32 : DType.F64, e, 3, Op.TRANSPOSE)
                    .specBuilder().opA(Op.TRANSPOSE).alpha(0.75).beta(0.5).epilogue(e).build());
        }
        specs.add(MatmulSpec.builder(DType.C128).a(MatrixShape.rowMajor(4, 6), Op.CONJUGATE_TRANSPOSE)
                .b(MatrixShape.columnMajor(4, 5).batched(2)).c(MatrixShape.rowMajor(6, 5).batched(2)).alpha(Scalar.of(1, 2)).build());
        specs.add(MatmulSpec.builder(DType.C64).a(MatrixShape.columnMajor(6, 4)).b(MatrixShape.rowMajor(4, 5))
                .c(MatrixShape.columnMajor(6, 5)).options(MatmulOptions.defaults()
                        .withComputeMode(MatmulOptions.ComputeMode.PEDANTIC)).build());
        for (MatmulSpec spec : specs) {
            CpuCublas fake = new CpuCublas();
            try (CublasLtMatmul p = plan(spec, fake)) {
                CublasLtCall call = CublasLtCall.plan(DeviceLayout.of(spec).spec());
                CpuCublas.Desc d = fake.onlyDesc();
                assertEquals(CublasEnums.computeType(call.computeType()), d.computeType, spec.toString());
                assertEquals(CublasEnums.dataType(call.dtype()), d.scaleType);
                Map<MatmulDescAttribute, Long> expected = new EnumMap<>(MatmulDescAttribute.class);
                expected.put(MatmulDescAttribute.TRANSA, (long) CublasEnums.op(call.a().op()));
                expected.put(MatmulDescAttribute.TRANSB, (long) CublasEnums.op(call.b().op()));
                expected.put(MatmulDescAttribute.EPILOGUE, (long) call.epilogue());
                DeviceLayout layout = DeviceLayout.of(spec);
                if (call.bias() != null) {
                    long bias = p.operands().address(Role.BIAS);
                    assertEquals(layout.bytes(Role.BIAS), fake.allocationBytes(bias));
                    expected.put(MatmulDescAttribute.BIAS_POINTER, bias);
                    expected.put(MatmulDescAttribute.BIAS_BATCH_STRIDE, call.bias().batchStride());
                }
                if (call.aux() != null) {
                    long aux = p.operands().address(Role.AUX);
                    assertEquals(layout.bytes(Role.AUX), fake.allocationBytes(aux));
                    expected.put(MatmulDescAttribute.EPILOGUE_AUX_POINTER, aux);
                    expected.put(MatmulDescAttribute.EPILOGUE_AUX_LD, call.aux().ld());
                    expected.put(MatmulDescAttribute.EPILOGUE_AUX_BATCH_STRIDE, call.aux().batchStride());
                }
                assertEquals(expected, d.attributes, spec.toString());
                int type = CublasEnums.dataType(spec.dtype());
                CublasLtDescriptors ds = p.descriptors();
                for (Object[] l : new Object[][] {{ds.a(), call.a().layout()}, {ds.b(), call.b().layout()}, {ds.c(), call.c()}}) {
                    CublasLtCall.MatrixLayout want = (CublasLtCall.MatrixLayout) l[1];
                    assertLayout(fake.layout((Long) l[0]), type, want.rows(), want.cols(), want.ld(),
                            CublasEnums.order(want.order()), call.batchCount(), want.batchStride());
                }
                assertEquals(spec.options().workspaceLimitBytes(),
                        fake.preference(ds.preference()).get(PreferenceAttribute.MAX_WORKSPACE_BYTES));
            }
        }
    }

    @Test
    void theHeuristicIsToldHowAlignedThePointersAre() {
        MatmulOperands ops = MatmulOperands.of(Ref.random(DType.C64, MatrixShape.rowMajor(5, 3), 1),
                Ref.random(DType.C64, MatrixShape.columnMajor(3, 4), 2), Ref.random(DType.C64, MatrixShape.rowMajor(5, 4), 3));
        MatmulSpec spec = ops.specBuilder().alpha(Scalar.of(1, -1)).build();
        CpuCublas fake = new CpuCublas().misalign(16);
        MatmulReference.Inputs before = MatmulReference.snapshot(ops);
        try (CublasLtMatmul p = plan(spec, fake)) {
            Map<PreferenceAttribute, Long> pref = fake.preference(p.descriptors().preference());
            for (PreferenceAttribute a : new PreferenceAttribute[] {PreferenceAttribute.MIN_ALIGNMENT_A_BYTES,
                PreferenceAttribute.MIN_ALIGNMENT_B_BYTES, PreferenceAttribute.MIN_ALIGNMENT_C_BYTES,
                PreferenceAttribute.MIN_ALIGNMENT_D_BYTES}) {
                assertEquals(16L, pref.get(a), a.toString());
            }
            p.execute(ops);
        }
        assertTrue(MatmulReference.worstRatio(spec, before, ops) <= 1);
        assertEquals(List.of(256L, 256L, 16L, 8L, 256L), java.util.stream.LongStream.of(0, 0x1000, 0x7010, 0x7008, 0x100)
                .map(PreferenceAttribute::alignmentOf).boxed().toList());
    }

    @Test
    void everyTypeOpAndLayoutComputesThroughTheRecordedCalls() {
        List<MatmulCases.PlainCase> cases = MatmulCases.plainCases(new SplittableRandom(3), 5, 3, 4, 4);
        for (MatmulCases.PlainCase c : cases) {
            runAndCheck(c.spec(), c.ops(), c.label());
        }
        assertEquals(4 * 9 * 8, cases.size());
    }

    @Test
    void everyEpilogueComputesThroughTheRecordedCalls() {
        SplittableRandom r = new SplittableRandom(4);
        for (DType t : new DType[] {DType.F32, DType.F64}) {
            for (Epilogue e : Epilogue.values()) {
                for (Op opA : new Op[] {Op.NONE, Op.TRANSPOSE}) {
                    MatmulOperands ops = MatmulCases.epilogueCase(r, t, e, 2, opA);
                    MatmulSpec spec = ops.specBuilder().opA(opA).alpha(1.25).beta(0.5).epilogue(e).build();
                    byte[] maskBefore = ops.reluMask() == null ? null : ops.reluMask().bits().clone();
                    Object biasBefore = ops.bias() == null ? null : Ref.copy(ops.bias().array());
                    runAndCheck(spec, ops, t + " " + e + " opA " + opA);
                    if (e.writesAux() && maskBefore != null) {
                        MatmulCases.assertMaskPaddingKept(ops.reluMask(), maskBefore);
                    }
                    if (biasBefore != null) {
                        Ref.assertGapsUnchanged(ops.bias(), biasBefore);
                    }
                }
            }
        }
    }

    @Test
    void aListIsPackedIntoOneStridedCall() {
        SplittableRandom r = new SplittableRandom(5);
        DType t = DType.F64;
        List<HostMatrix> as = new ArrayList<>();
        List<HostMatrix> bs = new ArrayList<>();
        List<HostMatrix> cs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            as.add(Ref.random(t, MatrixShape.rowMajor(6, 4).withLd(5).withOffset(i), r.nextLong()));
            bs.add(Ref.random(t, MatrixShape.columnMajor(4, 3).withOffset(2 * i), r.nextLong()));
            cs.add(Ref.random(t, MatrixShape.rowMajor(6, 3).withLd(4).withOffset(i + 1), r.nextLong()));
        }
        HostMatrix bias = Ref.random(t, MatrixShape.rowMajor(1, 3), r.nextLong());
        MatmulOperands ops = MatmulOperands.ofLists(as, bs, cs).withBias(bias);
        MatmulSpec spec = ops.specBuilder().alpha(2).beta(-1).epilogue(Epilogue.RELU_BIAS).build();
        List<MatmulReference.Inputs> before = new ArrayList<>();
        List<MatmulOperands> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MatmulOperands one = MatmulOperands.of(as.get(i), bs.get(i), cs.get(i)).withBias(bias);
            entries.add(one);
            before.add(MatmulReference.snapshot(one));
        }
        CpuCublas fake = new CpuCublas();
        try (CublasLtMatmul p = plan(spec, fake)) {
            p.execute(ops);
            assertEquals(3, fake.layout(p.descriptors().c()).attributes.get(LayoutAttribute.BATCH_COUNT));
        }
        assertEquals(1, fake.count("cublasLtMatmul"), "one call for the whole list");
        for (int i = 0; i < 3; i++) {
            MatmulSpec one = entries.get(i).specBuilder().alpha(2).beta(-1).epilogue(Epilogue.RELU_BIAS).build();
            assertTrue(MatmulReference.worstRatio(one, before.get(i), entries.get(i)) <= 1, "entry " + i);
            Ref.assertGapsUnchanged(cs.get(i), before.get(i).c().array());
        }
    }

    @Test
    void kZeroOrAlphaZeroScaleCThroughCublasGemmWithoutReadingAOrB() {
        for (boolean alphaZero : new boolean[] {false, true}) {
            int k = alphaZero ? 3 : 0;
            double[] a = new double[6 * Math.max(1, k) + 1];
            java.util.Arrays.fill(a, Double.NaN);
            double[] b = new double[k * 5 + 1];
            java.util.Arrays.fill(b, Double.NaN);
            double[] c = new double[6 * 7];
            for (int i = 0; i < c.length; i++) {
                c[i] = i - 20;
            }
            HostMatrix hc = HostMatrix.of(DType.F64, c, MatrixShape.rowMajor(6, 5).withLd(7));
            MatmulOperands ops = MatmulOperands.of(HostMatrix.of(DType.F64, a, MatrixShape.rowMajor(6, k)),
                    HostMatrix.of(DType.F64, b, MatrixShape.rowMajor(k, 5)), hc);
            MatmulSpec spec = ops.specBuilder().alpha(alphaZero ? 0 : 1).beta(0.5).build();
            double[] before = c.clone();
            CpuCublas fake = new CpuCublas();
            CublasHandles handles = new CublasHandles(fake, 0);
            try (CublasLtMatmul p = plan(spec, fake, handles)) {
                assertTrue(p.describe().contains("cublasGemmStridedBatchedEx_64"), p.describe());
                p.execute(ops);
                assertNull(p.descriptors());
            }
            assertEquals(0, fake.count("cublasLtCreate"));
            assertEquals(1, fake.count("cublasGemmStridedBatchedEx_64"));
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 7; j++) {
                    assertEquals(j < 5 ? 0.5 * before[i * 7 + j] : before[i * 7 + j], c[i * 7 + j], 0.0, "(" + i + ", " + j + ")");
                }
            }
            handles.drain();
            assertEquals(0, fake.live(), fake.liveDescription());
        }
        // beta = 0 as well: C (all NaN) is not read either.
        double[] c = new double[12];
        java.util.Arrays.fill(c, Double.NaN);
        MatmulOperands ops = MatmulOperands.of(HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(3, 0)),
                HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(0, 4)), HostMatrix.of(c, 3, 4));
        try (CublasLtMatmul p = plan(ops.specBuilder().build(), new CpuCublas())) {
            p.execute(ops);
        }
        assertEquals(0, java.util.Arrays.stream(c).filter(v -> v != 0).count(), java.util.Arrays.toString(c));
    }

    @Test
    void emptyResultsCallNothing() {
        MatmulOperands ops = MatmulOperands.of(HostMatrix.of(new double[0], 0, 3), HostMatrix.of(new double[12], 3, 4),
                HostMatrix.of(new double[0], 0, 4));
        CpuCublas fake = new CpuCublas();
        try (CublasLtMatmul p = plan(ops.specBuilder().build(), fake)) {
            p.autotune(ops);
            p.execute(ops);
            assertTrue(p.describe().contains("nothing to compute"), p.describe());
        }
        assertEquals(List.of("close"), fake.log());
    }

    @Test
    void emptyProblemsPastIntRangeAndEmptyStacksPlanToNothing() {
        // NumPy's zeros((0, 3e9)) @ zeros((3e9, 0)): the device plans nothing, as the host computes nothing.
        long huge = 3_000_000_000L;
        MatmulSpec wide = MatmulSpec.builder(DType.F32).a(MatrixShape.rowMajor(0, huge)).b(MatrixShape.rowMajor(huge, 0))
                .c(MatrixShape.rowMajor(0, 0)).build();
        assertEquals(DeviceProblem.Kind.NOTHING, DeviceProblem.of(wide).kind());
        MatmulSpec stack = MatmulSpec.builder(DType.C128).a(MatrixShape.rowMajor(2, 3).batched(0))
                .b(MatrixShape.rowMajor(3, 4)).c(MatrixShape.rowMajor(2, 4).batched(0)).build();
        assertEquals(DeviceProblem.Kind.NOTHING, DeviceProblem.of(stack).kind());
        CpuCublas fake = new CpuCublas();
        MatmulOperands ops = MatmulOperands.of(HostMatrix.of(DType.C128, new double[0], stack.a()),
                HostMatrix.of(DType.C128, new double[24], stack.b()), HostMatrix.of(DType.C128, new double[0], stack.c()));
        try (CublasLtMatmul p = plan(stack, fake)) {
            p.execute(ops);
        }
        assertEquals(0, fake.live(), fake.liveDescription());
    }

    @Test
    void whatTheDeviceCannotRunIsRejectedBeforeAnyNativeCall() {
        MatrixShape s = MatrixShape.rowMajor(4, 4);
        MatmulSpec gradOfEmpty = MatmulSpec.builder(DType.F64).a(MatrixShape.rowMajor(0, 3)).b(MatrixShape.rowMajor(3, 4))
                .c(MatrixShape.rowMajor(0, 4)).epilogue(Epilogue.BGRADB).bias(MatrixShape.rowMajor(1, 4)).build();
        assertEquals("m", assertThrows(InvalidArgumentException.class, () -> DeviceProblem.of(gradOfEmpty)).argument());
        MatmulSpec kZeroRelu = MatmulSpec.builder(DType.F32).a(MatrixShape.rowMajor(4, 0)).b(MatrixShape.rowMajor(0, 4))
                .c(s).epilogue(Epilogue.RELU).build();
        assertEquals("k", assertThrows(InvalidArgumentException.class, () -> DeviceProblem.of(kZeroRelu)).argument());
        MatmulSpec huge = MatmulSpec.builder(DType.F32).a(MatrixShape.rowMajor(1, 1)).b(MatrixShape.rowMajor(1, 1))
                .c(MatrixShape.rowMajor(1, 1).batched(1L << 31, 1)).build();
        assertEquals("batchCount", assertThrows(InvalidArgumentException.class, () -> DeviceProblem.of(huge)).argument());
        MatmulSpec looseMaskStride = MatmulSpec.builder(DType.F32).a(s.batched(2)).b(s.batched(2)).c(s.batched(2))
                .epilogue(Epilogue.RELU_AUX).aux(ReluMask.allocate(2, 4, 4).shape().batched(2, 4 * 128 + 8)).build();
        assertEquals("aux.batchStride", assertThrows(InvalidArgumentException.class,
                () -> DeviceProblem.of(looseMaskStride)).argument());
        // Through the public entry point: the same exceptions, and the probe is never asked.
        assertEquals("k", assertThrows(InvalidArgumentException.class,
                () -> CublasLtMatmul.plan(kZeroRelu, org.fusemath.api.FuseContext.defaults())).argument());
        // alpha = 0 with an epilogue still runs on cuBLASLt.
        MatmulSpec alphaZeroRelu = MatmulSpec.builder(DType.F32).a(s).b(s).c(s).alpha(0).epilogue(Epilogue.RELU).build();
        assertEquals(DeviceProblem.Kind.CUBLASLT, DeviceProblem.of(alphaZeroRelu).kind());
    }

    @Test
    void autotuneTimesEveryCandidateAndKeepsTheFastestFirst() {
        SplittableRandom r = new SplittableRandom(6);
        MatmulOperands ops = MatmulOperands.of(Ref.random(DType.F32, MatrixShape.rowMajor(8, 6), 1),
                Ref.random(DType.F32, MatrixShape.rowMajor(6, 5), 2), Ref.random(DType.F32, MatrixShape.rowMajor(8, 5), 3));
        MatmulSpec spec = ops.specBuilder().build();
        CpuCublas fake = new CpuCublas().algorithms(3).millis(1, 5).millis(2, 1).millis(3, 3);
        try (CublasLtMatmul p = plan(spec, fake)) {
            assertEquals(List.of(1L, 2L, 3L), ids(p.candidates()), "the heuristic's order before tuning");
            p.autotune(ops);
            assertEquals(List.of(2L, 3L, 1L), ids(p.candidates()));
            assertEquals(1.0, p.candidates().get(0).millis(), 1e-12);
            assertEquals(3 * (1 + CublasLtMatmul.TUNING_RUNS), fake.count("cublasLtMatmul"), "a warm-up and the timed runs each");
            MatmulReference.Inputs before = MatmulReference.snapshot(ops);
            p.execute(ops);
            assertEquals(2L, fake.lastMatmul().algorithm().word(0), "execute uses the fastest");
            assertTrue(MatmulReference.worstRatio(spec, before, ops) <= 1);
        }
        CpuCublas refusing = new CpuCublas().algorithms(3).millis(1, 5).millis(2, 1).millis(3, 3).refuse(2);
        try (CublasLtMatmul p = plan(spec, refusing)) {
            p.autotune(ops);
            assertEquals(List.of(3L, 1L), ids(p.candidates()), "a refusing algorithm is dropped");
        }
        CpuCublas none = new CpuCublas().algorithms(2).refuse(1).refuse(2);
        try (CublasLtMatmul p = plan(spec, none)) {
            assertThrows(CudaLibraryException.class, () -> p.autotune(ops));
        }
        CpuCublas empty = new CpuCublas().algorithms(0);
        CublasHandles handles = new CublasHandles(empty, 0);
        CudaLibraryException e = assertThrows(CudaLibraryException.class, () -> plan(spec, empty, handles));
        assertEquals("CUBLAS_STATUS_NOT_SUPPORTED", e.statusName());
        assertTrue(e.getMessage().contains("no algorithm"), e.getMessage());
        handles.drain();
        assertEquals(0, empty.live(), empty.liveDescription());
    }

    private static List<Long> ids(List<MatmulAlgorithm> algorithms) {
        return algorithms.stream().map(a -> a.word(0)).toList();
    }

    @Test
    void closeReleasesEverythingAndTheHandleGoesBackToThePool() {
        MatmulOperands ops = MatmulCases.epilogueCase(new SplittableRandom(7), DType.F64, Epilogue.DGELU_BGRAD, 2, Op.NONE);
        MatmulSpec spec = ops.specBuilder().epilogue(Epilogue.DGELU_BGRAD).build();
        CpuCublas fake = new CpuCublas();
        CublasHandles handles = new CublasHandles(fake, 0);
        CublasLtMatmul p = plan(spec, fake, handles);
        p.execute(ops);
        assertTrue(fake.live() > 8, fake.liveDescription());
        p.close();
        assertEquals(1, handles.idle(), "the cuBLASLt handle is pooled, not destroyed");
        assertEquals(1, fake.live(), fake.liveDescription());
        assertTrue(fake.closed());
        p.close();
        assertThrows(IllegalStateException.class, () -> p.execute(ops));
        // The next plan takes the pooled handle instead of creating one.
        try (CublasLtMatmul again = plan(spec, fake, handles)) {
            again.execute(ops);
        }
        assertEquals(1, fake.count("cublasLtCreate"));
        handles.drain();
        assertEquals(0, fake.live(), fake.liveDescription());
    }

    @Test
    void aFailureHalfwayLeavesNothingBehind() {
        MatmulOperands ops = MatmulCases.epilogueCase(new SplittableRandom(8), DType.F32, Epilogue.RELU_AUX_BIAS, 2, Op.TRANSPOSE);
        MatmulSpec spec = ops.specBuilder().opA(Op.TRANSPOSE).epilogue(Epilogue.RELU_AUX_BIAS).build();
        int failures = 0;
        for (int n = 1; ; n++) {
            CpuCublas fake = new CpuCublas().failAtCall(n);
            CublasHandles handles = new CublasHandles(fake, 0);
            CublasLtMatmul p;
            try {
                p = plan(spec, fake, handles);
            } catch (CudaLibraryException e) {
                failures++;
                handles.drain();
                assertEquals(0, fake.live(), "failing call " + n + " (" + fake.log().get(fake.log().size() - 1) + "): "
                        + fake.liveDescription());
                assertTrue(fake.closed(), "the stream calls are closed after failing call " + n);
                continue;
            }
            // Planning made fewer calls than n: the failure now strikes while executing.
            assertThrows(CudaLibraryException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    p.execute(ops);
                }
            });
            p.close();
            handles.drain();
            assertEquals(0, fake.live(), fake.liveDescription());
            break;
        }
        assertTrue(failures >= 20, "every creation, setting, allocation and query was made to fail: " + failures);
    }

    @Test
    void aForgottenPlanIsReleasedByTheCleaner() throws InterruptedException {
        CpuCublas fake = new CpuCublas();
        CublasHandles handles = new CublasHandles(fake, 0);
        CleanerWait.awaitCleaned(() -> planAndExecute(fake, handles), fake::closed, "a forgotten cuBLASLt plan");
        handles.drain();
        assertEquals(0, fake.live(), fake.liveDescription());
    }

    /** A plan that ran once and that nobody closes. */
    private static CublasLtMatmul planAndExecute(CpuCublas fake, CublasHandles handles) {
        MatmulOperands ops = MatmulCases.epilogueCase(new SplittableRandom(9), DType.F64, Epilogue.GELU_AUX_BIAS, 1, Op.NONE);
        CublasLtMatmul p = plan(ops.specBuilder().epilogue(Epilogue.GELU_AUX_BIAS).build(), fake, handles);
        p.execute(ops);
        assertFalse(fake.closed());
        return p;
    }

    @Test
    void theHandlePoolKeepsAFewIdleHandles() {
        CpuCublas fake = new CpuCublas();
        CublasHandles handles = new CublasHandles(fake, 0);
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < CublasHandles.MAX_IDLE + 2; i++) {
            taken.add(handles.takeLt());
        }
        taken.forEach(handles::giveBackLt);
        assertEquals(CublasHandles.MAX_IDLE, handles.idle());
        assertEquals(2, fake.count("cublasLtDestroy"));
        long blas = handles.takeBlas();
        handles.giveBackBlas(blas);
        assertEquals(blas, handles.takeBlas(), "an idle handle is reused");
        handles.giveBackBlas(blas);
        handles.drain();
        assertEquals(0, fake.live());
    }

    @Test
    void theEnumValuesAreCublasHeaderValues() {
        assertEquals(List.of(0, 1, 4, 5), List.of(CublasEnums.dataType(DType.F32), CublasEnums.dataType(DType.F64),
                CublasEnums.dataType(DType.C64), CublasEnums.dataType(DType.C128)));
        assertEquals(List.of(0, 1, 2), List.of(CublasEnums.op(Op.NONE), CublasEnums.op(Op.TRANSPOSE),
                CublasEnums.op(Op.CONJUGATE_TRANSPOSE)));
        assertEquals(List.of(0, 1), List.of(CublasEnums.order(CublasLtCall.Order.COL), CublasEnums.order(CublasLtCall.Order.ROW)));
        assertEquals(List.of(68, 69, 77, 70, 71), java.util.Arrays.stream(CublasLtCall.ComputeType.values())
                .map(CublasEnums::computeType).toList());
        assertEquals(List.of(3, 4, 7, 8, 10, 11, 12, 13), java.util.Arrays.stream(MatmulDescAttribute.values())
                .map(MatmulDescAttribute::value).toList());
        assertEquals(List.of(1, 5, 6), java.util.Arrays.stream(LayoutAttribute.values()).map(LayoutAttribute::value).toList());
        assertEquals(List.of(1, 5, 6, 7, 8), java.util.Arrays.stream(PreferenceAttribute.values())
                .map(PreferenceAttribute::value).toList());
        assertEquals(-1, CublasEnums.GEMM_DEFAULT);
        assertEquals(15, CublasEnums.STATUS_NOT_SUPPORTED);
    }
}
