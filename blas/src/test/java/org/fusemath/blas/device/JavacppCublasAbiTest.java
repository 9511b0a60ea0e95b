package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link JavacppCublas} on the CPU with a recording invoker and checks every cuBLAS and cuBLASLt call it
 * would make against the headers: each description's parameter names in the header's order and its Java types
 * an overload of the preset; each value under the parameter the {@link CublasCalls} method was given it for
 * (distinct primes, so that a swapped pair shows); and no preset function called by hand.
 */
class JavacppCublasAbiTest {
    private static final long HANDLE = 0xA1000, DESC = 0xA2000, PREF = 0xA3000, STREAM = 0xA4000, WORKSPACE = 0xA5000;
    private static final long[] LAYOUTS = {0xB1000, 0xB2000, 0xB3000, 0xB4000};
    private static final long A = 0xC1000, B = 0xC2000, C = 0xC3000, D = 0xC4000;

    private final RecordingInvoker recorder = new RecordingInvoker();
    private final JavacppCublas calls = new JavacppCublas(3, recorder);

    private static CublasGemmCall gemm() {
        return new CublasGemmCall(DType.F64, CublasLtCall.ComputeType.COMPUTE_64F, Op.TRANSPOSE, Op.NONE, 3, 5, 7, Scalar.of(2),
                11, 13, 17, 19, Scalar.of(0.5), 23, 29, 31);
    }

    private void everyCall() {
        calls.ltDestroy(calls.ltCreate());
        calls.matmulDescDestroy(calls.matmulDescCreate(CublasEnums.computeType(CublasLtCall.ComputeType.COMPUTE_64F),
                CublasEnums.dataType(DType.F64)));
        calls.matmulDescSet(DESC, MatmulDescAttribute.EPILOGUE_AUX_LD, 37);
        calls.layoutDestroy(calls.layoutCreate(CublasEnums.dataType(DType.F32), 3, 5, 11));
        calls.layoutSet(LAYOUTS[0], LayoutAttribute.BATCH_COUNT, 41);
        calls.preferenceDestroy(calls.preferenceCreate());
        calls.preferenceSet(PREF, PreferenceAttribute.MAX_WORKSPACE_BYTES, 1 << 20);
        calls.heuristics(HANDLE, DESC, LAYOUTS[0], LAYOUTS[1], LAYOUTS[2], LAYOUTS[3], PREF, 8);
        calls.matmul(HANDLE, DESC, DType.F64, Scalar.of(2), Scalar.of(0.5), A, LAYOUTS[0], B, LAYOUTS[1], C, LAYOUTS[2], D,
                LAYOUTS[3], new MatmulAlgorithm(new long[MatmulAlgorithm.WORDS], 0, 1f), WORKSPACE, 4096, STREAM);
        calls.matmul(HANDLE, DESC, DType.C64, Scalar.of(2, 1), Scalar.ZERO, A, LAYOUTS[0], B, LAYOUTS[1], C, LAYOUTS[2], D,
                LAYOUTS[3], null, 0, 0, STREAM);
        calls.blasDestroy(calls.blasCreate());
        calls.gemm(HANDLE, STREAM, gemm(), A, B, C);
        recorder.make(JavacppRoutines.setHostPointerMode(HANDLE));
    }

    @Test
    void everyCallMatchesTheHeadersAndThePresetsOverloads() {
        everyCall();
        List<NativeCall> made = recorder.calls();
        assertEquals(List.of("cudaSetDevice", "cublasLtCreate", "cudaSetDevice", "cublasLtDestroy", "cublasLtMatmulDescCreate",
                "cublasLtMatmulDescDestroy", "cublasLtMatmulDescSetAttribute", "cublasLtMatrixLayoutCreate",
                "cublasLtMatrixLayoutDestroy", "cublasLtMatrixLayoutSetAttribute", "cublasLtMatmulPreferenceCreate",
                "cublasLtMatmulPreferenceDestroy", "cublasLtMatmulPreferenceSetAttribute", "cudaSetDevice",
                "cublasLtMatmulAlgoGetHeuristic", "cudaSetDevice", "cublasLtMatmul", "cudaSetDevice", "cublasLtMatmul",
                "cudaSetDevice", "cublasCreate_v2", "cudaSetDevice", "cublasDestroy_v2", "cudaSetDevice", "cublasSetStream_v2",
                "cublasGemmStridedBatchedEx_64", "cublasSetPointerMode_v2"), made.stream().map(NativeCall::function).toList());
        AbiCheck check = new AbiCheck().calls(made);
        assertTrue(check.noDirectPresetCallsInPackageOf(JavacppCublas.class) > 20, "the whole device package was read");
        check.assertClean(2 * made.size() + 1);
    }

    @Test
    void eachValueGoesToTheParameterItWasGivenFor() {
        everyCall();
        NativeCall layout = recorder.last("cublasLtMatrixLayoutCreate");
        assertEquals(List.of(CublasEnums.dataType(DType.F32), 3L, 5L, 11L),
                List.of(layout.value("type"), layout.value("rows"), layout.value("cols"), layout.value("ld")));
        NativeCall desc = recorder.last("cublasLtMatmulDescCreate");
        assertEquals(CublasEnums.computeType(CublasLtCall.ComputeType.COMPUTE_64F), desc.value("computeType"));
        assertEquals(CublasEnums.dataType(DType.F64), desc.value("scaleType"));
        NativeCall set = recorder.last("cublasLtMatrixLayoutSetAttribute");
        assertEquals(LAYOUTS[0], set.value("matLayout"));
        assertEquals(LayoutAttribute.BATCH_COUNT.value(), set.value("attr"));
        assertEquals(4L, set.value("sizeInBytes"));
        assertEquals(8L, recorder.last("cublasLtMatmulPreferenceSetAttribute").value("sizeInBytes"));

        NativeCall heuristic = recorder.last("cublasLtMatmulAlgoGetHeuristic");
        assertEquals(List.of(HANDLE, DESC, LAYOUTS[0], LAYOUTS[1], LAYOUTS[2], LAYOUTS[3], PREF, 8),
                heuristic.values().subList(0, 8));

        NativeCall matmul = recorder.calls().stream().filter(c -> c.function().equals("cublasLtMatmul")).findFirst().orElseThrow();
        for (Object[] expected : new Object[][] {{"lightHandle", HANDLE}, {"computeDesc", DESC}, {"A", A}, {"Adesc", LAYOUTS[0]},
                {"B", B}, {"Bdesc", LAYOUTS[1]}, {"C", C}, {"Cdesc", LAYOUTS[2]}, {"D", D}, {"Ddesc", LAYOUTS[3]},
                {"workspace", WORKSPACE}, {"workspaceSizeInBytes", 4096L}, {"stream", STREAM}}) {
            assertEquals(expected[1], matmul.value((String) expected[0]), (String) expected[0]);
        }
        assertEquals(null, recorder.last("cublasLtMatmul").value("algo"), "no algorithm: cuBLASLt picks");

        NativeCall g = recorder.last("cublasGemmStridedBatchedEx_64");
        CublasGemmCall call = gemm();
        assertEquals(List.of(HANDLE, CublasEnums.op(Op.TRANSPOSE), CublasEnums.op(Op.NONE), 3L, 5L, 7L),
                g.values().subList(0, 6));
        for (Object[] expected : new Object[][] {{"A", A}, {"lda", call.lda()}, {"strideA", call.strideA()}, {"B", B},
                {"ldb", call.ldb()}, {"strideB", call.strideB()}, {"C", C}, {"ldc", call.ldc()}, {"strideC", call.strideC()},
                {"batchCount", call.batchCount()}, {"Atype", CublasEnums.dataType(DType.F64)}, {"algo", CublasEnums.GEMM_DEFAULT}}) {
            assertEquals(expected[1], g.value((String) expected[0]), (String) expected[0]);
        }
        assertEquals(List.of(HANDLE, STREAM), recorder.last("cublasSetStream_v2").values());
        assertEquals(3, recorder.last("cudaSetDevice").value("device"));
    }

    @Test
    void aSwappedPairInADescriptionIsReported() {
        calls.layoutCreate(CublasEnums.dataType(DType.F32), 3, 5, 11);
        NativeCall made = recorder.last("cublasLtMatrixLayoutCreate");
        NativeCall swapped = NativeCall.of(made.library(), made.function());
        int[] order = {0, 1, 3, 2, 4};
        for (int i : order) {
            swapped.arg(made.parameters().get(i), made.types().get(i), made.values().get(i));
        }
        AbiCheck check = new AbiCheck().call(swapped);
        assertEquals(1, check.mismatches().size(), check.mismatches().toString());
        String m = check.mismatches().get(0);
        assertTrue(m.contains("position 2: cols where the header has rows") && m.contains("position 3: rows where the header has cols"), m);
        assertTrue(new AbiCheck().call(made).mismatches().isEmpty());
    }

    @Test
    void anOverloadThePresetLacksIsReported() {
        NativeCall wrongType = NativeCall.of(org.bytedeco.cuda.global.cublas.class, "cublasLtMatrixLayoutCreate")
                .out("matLayout", org.bytedeco.javacpp.PointerPointer.class).value("type", 0).value("rows", 3)
                .value("cols", 5).value("ld", 11);
        List<String> m = new AbiCheck().call(wrongType).mismatches();
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).contains("has no cublasLtMatrixLayoutCreate"), m.get(0));
    }

    @Test
    void heuristicsReadNotSupportedAsNoneAndOtherFailuresAsErrors() {
        recorder.answer("cublasLtMatmulAlgoGetHeuristic", CublasEnums.STATUS_NOT_SUPPORTED);
        assertEquals(List.of(), calls.heuristics(HANDLE, DESC, LAYOUTS[0], LAYOUTS[1], LAYOUTS[2], LAYOUTS[3], PREF, 4));
        recorder.answer("cublasLtMatmulAlgoGetHeuristic", 7);
        assertThrows(CudaLibraryException.class,
                () -> calls.heuristics(HANDLE, DESC, LAYOUTS[0], LAYOUTS[1], LAYOUTS[2], LAYOUTS[3], PREF, 4));
    }
}
