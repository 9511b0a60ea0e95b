package org.fusemath.cuda.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The header reader finds what the preset's sources jar declares (spot-checked against cublas_api.h, curand.h,
 * cufft.h and cusolverDn.h as NVIDIA publishes them), and the checker reports a swapped pair, a wrong number,
 * a wrong type and an unknown function.
 */
class AbiCheckTest {
    private static final PresetDeclarations CUBLAS = PresetDeclarations.of("cublas");
    private static final PresetDeclarations CURAND = PresetDeclarations.of("curand");

    @Test
    void readsParameterNamesAsTheHeadersDeclareThem() {
        assertEquals(List.of("handle", "trans", "m", "n", "alpha", "A", "lda", "x", "incx", "beta", "y", "incy"),
                CUBLAS.parameters("cublasDgemv_v2"));
        assertEquals(CUBLAS.parameters("cublasDgemv_v2"), CUBLAS.parameters("cublasZgemv_v2_64"));
        assertEquals(List.of("handle", "n", "x", "incx", "result"), CUBLAS.parameters("cublasIzamax_v2"));
        assertEquals(List.of("generator", "outputPtr", "n", "mean", "stddev"), CURAND.parameters("curandGenerateNormal"));
        assertEquals(List.of("generator", "rng_type"), CURAND.parameters("curandCreateGenerator"));
        assertEquals(List.of("plan", "rank", "n", "inembed", "istride", "idist", "onembed", "ostride", "odist", "type", "batch"),
                PresetDeclarations.of("cufft").parameters("cufftPlanMany"));
        assertTrue(PresetDeclarations.of("cusolver").declares("cusolverDnXgetrf"));
        assertFalse(CUBLAS.declares("cublasDgemv_v3"));
        assertThrows(IllegalArgumentException.class, () -> CUBLAS.parameters("cublasNoSuchCall"));
    }

    @Test
    void readsConstantsWithoutLoadingNativesAndTheirDocumentedTypes() {
        assertEquals(Optional.of(101), CURAND.constant("CURAND_ORDERING_PSEUDO_DEFAULT"));
        assertEquals(Optional.of(100), CURAND.constant("CURAND_ORDERING_PSEUDO_BEST"));
        assertEquals(Optional.of(134), CUBLAS.constant("CUBLASLT_EPILOGUE_RELU_AUX_BIAS"), "a folded expression");
        assertEquals(Optional.empty(), CUBLAS.constant("CUBLASLT_NO_SUCH"));
        assertEquals(Optional.of("int32_t"), CUBLAS.documentedType("CUBLASLT_MATMUL_DESC_TRANSA"));
        assertEquals(Optional.of("uint32_t"), CUBLAS.documentedType("CUBLASLT_MATMUL_DESC_EPILOGUE"));
        assertEquals(Optional.of("void *"), CUBLAS.documentedType("CUBLASLT_MATMUL_DESC_BIAS_POINTER"));
        assertEquals(Optional.of("int64_t"), CUBLAS.documentedType("CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET"));
        assertEquals(Optional.of("uint64_t"), CUBLAS.documentedType("CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES"));
    }

    @Test
    void aMatchingDescriptionIsClean() {
        AbiCheck check = new AbiCheck()
                .call(CURAND, "curandGenerateNormal", List.of("generator", "outputPtr", "n", "mean", "stddev"))
                .constant(CURAND, "CURAND_RNG_PSEUDO_XORWOW", 101, "XORWOW");
        assertEquals(List.of(), check.mismatches());
        check.assertClean(2);
        assertThrows(AssertionError.class, () -> check.assertClean(3), "too few comparisons fail too");
    }

    @Test
    void aSwappedPairIsReportedWithItsPositions() {
        AbiCheck check = new AbiCheck().call(CUBLAS, "cublasDgemv_v2",
                List.of("handle", "trans", "n", "m", "alpha", "A", "lda", "x", "incx", "beta", "y", "incy"));
        assertEquals(1, check.mismatches().size(), check.mismatches().toString());
        String m = check.mismatches().get(0);
        assertTrue(m.contains("position 2: n where the header has m") && m.contains("position 3: m where the header has n"), m);
        AssertionError e = assertThrows(AssertionError.class, () -> check.assertClean(1));
        assertTrue(e.getMessage().contains("cublasDgemv_v2"), e.getMessage());
    }

    @Test
    void wrongNumbersTypesAndUnknownCallsAreReported() {
        AbiCheck check = new AbiCheck()
                .constant(CURAND, "CURAND_ORDERING_PSEUDO_DEFAULT", 100, "ORDERING_PSEUDO_DEFAULT")
                .constant(CURAND, "CURAND_NO_SUCH", 1, "NO_SUCH")
                .documentedType(CUBLAS, "CUBLASLT_MATMUL_DESC_EPILOGUE", "int32_t", "EPILOGUE")
                .call(CUBLAS, "cublasDgemv_v3", List.of("handle"))
                .call(CURAND, "curandGenerate", List.of("generator", "outputPtr"));
        List<String> m = check.mismatches();
        assertEquals(5, m.size(), m.toString());
        assertEquals("ORDERING_PSEUDO_DEFAULT = 100, but CURAND_ORDERING_PSEUDO_DEFAULT = 101 in curand", m.get(0));
        assertTrue(m.get(1).contains("no constant CURAND_NO_SUCH"), m.get(1));
        assertEquals("EPILOGUE is set as int32_t, but CUBLASLT_MATMUL_DESC_EPILOGUE is documented as uint32_t", m.get(2));
        assertTrue(m.get(3).contains("declares no cublasDgemv_v3"), m.get(3));
        assertTrue(m.get(4).contains("position 2: (none) where the header has n"), m.get(4));
    }

    @Test
    void overloadsThatDisagreeAndCommentedDeclarationsAreHandled() {
        PresetDeclarations parsed = PresetDeclarations.parsed("fake", """
                /** public static native int inComment(int a); */
                public static native @Cast("fakeStatus_t") int f(@Cast("int64_t") long m, @Cast("const char*, x") int n);
                public static native @Cast("fakeStatus_t") int f(@Cast("int64_t") long m, int[] n);
                public static native int g(int a, int b);
                public static native int g(int b, int a);
                public static native int h(int a, int b, int flags/*=0*/);
                public static native int h(int a, int b);
                """);
        assertEquals(List.of("a", "b", "flags"), parsed.parameters("h"), "a defaulted trailing parameter");
        assertEquals(List.of("m", "n"), parsed.parameters("f"));
        assertFalse(parsed.declares("inComment"));
        assertThrows(IllegalArgumentException.class, () -> parsed.parameters("g"));
    }

    /** Calls a preset function by hand; never run, only its class file is read. */
    static final class DirectCaller {
        private DirectCaller() {
        }

        static int version() {
            return org.bytedeco.cuda.global.curand.curandGetVersion(new int[1]);
        }
    }

    @Test
    void aPresetFunctionCalledByHandIsReported() {
        List<String> m = new AbiCheck().noDirectPresetCalls(DirectCaller.class).mismatches();
        assertEquals(List.of("AbiCheckTest$DirectCaller calls org.bytedeco.cuda.global.curand.curandGetVersion directly, not through a NativeCall"), m);
        assertEquals(List.of(), new AbiCheck().noDirectPresetCalls(DirectCaller.class, "curandGetVersion").mismatches());
        assertEquals(List.of(), new AbiCheck().noDirectPresetCalls(AbiCheckTest.class).mismatches());
        AbiCheck whole = new AbiCheck();
        assertTrue(whole.noDirectPresetCallsInPackageOf(AbiCheck.class) >= 6, "the package's classes were listed");
        assertEquals(List.of("AbiCheckTest$DirectCaller calls org.bytedeco.cuda.global.curand.curandGetVersion directly, not through a NativeCall"),
                whole.mismatches(), "a nested class is found by the package scan");
    }
}
