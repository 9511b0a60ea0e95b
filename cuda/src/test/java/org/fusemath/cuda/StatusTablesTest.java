package org.fusemath.cuda;

import static org.fusemath.cuda.StatusCode.code;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.cuda.abi.ClassFileConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every status table equals the constants the JavaCPP CUDA 13.1 preset binds (read from its class
 * files, so nothing native loads), in both directions, and that {@link CudaStatus} names and throws right.
 */
class StatusTablesTest {
    private static final Pattern CUFFT_NOT_RESULTS =
            Pattern.compile("CUFFT_(VER_\\w+|VERSION|FORWARD|INVERSE|R2C|C2R|C2C|D2Z|Z2D|Z2Z|COMPATIBILITY\\w*|PLAN_NULL)");

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of(CudaLibrary.RUNTIME, CudaRuntimeStatus.TABLE.entries().toArray(new StatusCode[0]), "cudart", matching("cuda(Success|Error\\w*)")),
                Arguments.of(CudaLibrary.DRIVER, CudaDriverStatus.TABLE.entries().toArray(new StatusCode[0]), "cudart", matching("CUDA_(SUCCESS|ERROR_\\w+)")),
                Arguments.of(CudaLibrary.CUBLAS, CublasStatus.TABLE.entries().toArray(new StatusCode[0]), "cublas", matching("CUBLAS_STATUS_\\w+")),
                Arguments.of(CudaLibrary.CUBLAS_LT, CublasStatus.TABLE.entries().toArray(new StatusCode[0]), "cublas", matching("CUBLAS_STATUS_\\w+")),
                Arguments.of(CudaLibrary.CUFFT, CufftStatus.TABLE.entries().toArray(new StatusCode[0]), "cufft",
                        matching("CUFFT_\\w+").and(n -> !CUFFT_NOT_RESULTS.matcher(n).matches())),
                Arguments.of(CudaLibrary.CUSOLVER, CusolverStatus.TABLE.entries().toArray(new StatusCode[0]), "cusolver", matching("CUSOLVER_STATUS_\\w+")),
                Arguments.of(CudaLibrary.CURAND, CurandStatus.TABLE.entries().toArray(new StatusCode[0]), "curand", matching("CURAND_STATUS_\\w+")),
                Arguments.of(CudaLibrary.NVRTC, NvrtcStatus.TABLE.entries().toArray(new StatusCode[0]), "nvrtc", matching("NVRTC_(SUCCESS|ERROR_\\w+)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void tableEqualsThePresetConstants(CudaLibrary library, StatusCode[] table, String presetClass, Predicate<String> isStatus) {
        Map<String, Integer> preset = new TreeMap<>(ClassFileConstants.intConstants("org.bytedeco.cuda.global." + presetClass));
        preset.keySet().removeIf(isStatus.negate());
        Map<String, Integer> ours = Arrays.stream(table).collect(Collectors.toMap(StatusCode::name, StatusCode::code, (a, b) -> a, TreeMap::new));
        assertTrue(preset.size() >= 10, "the preset class should hold the status constants: " + preset);
        assertEquals(preset, ours);
        for (StatusCode code : table) {
            assertEquals(code.name(), CudaStatus.name(library, code.code()));
            assertTrue(CudaStatus.isKnown(library, code.code()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void successIsZeroAndUnknownCodesSayUnknown(CudaLibrary library, StatusCode[] table) {
        assertTrue(Arrays.stream(table).anyMatch(c -> c.code() == 0 && c.name().contains("SUCCESS") || c.name().equals("cudaSuccess")));
        int unknown = Arrays.stream(table).mapToInt(StatusCode::code).max().orElseThrow() + 12345;
        assertFalse(CudaStatus.isKnown(library, unknown));
        assertEquals("unknown " + library.displayName() + " status " + unknown, CudaStatus.name(library, unknown));
        assertFalse(CudaStatus.isKnown(library, -7));
    }

    @Test
    void officialValuesSpotChecked() {
        assertEquals("cudaErrorMemoryAllocation", CudaStatus.name(CudaLibrary.RUNTIME, 2));
        assertEquals("cudaErrorInsufficientDriver", CudaStatus.name(CudaLibrary.RUNTIME, 35));
        assertEquals("CUDA_ERROR_NO_DEVICE", CudaStatus.name(CudaLibrary.DRIVER, 100));
        assertEquals("CUBLAS_STATUS_INVALID_VALUE", CudaStatus.name(CudaLibrary.CUBLAS, 7));
        assertEquals("CUBLAS_STATUS_NOT_SUPPORTED", CudaStatus.name(CudaLibrary.CUBLAS_LT, 15));
        assertEquals("CUFFT_INVALID_SIZE", CudaStatus.name(CudaLibrary.CUFFT, 8));
        assertEquals("CUSOLVER_STATUS_INVALID_VALUE", CudaStatus.name(CudaLibrary.CUSOLVER, 3));
        assertEquals("CURAND_STATUS_LENGTH_NOT_MULTIPLE", CudaStatus.name(CudaLibrary.CURAND, 105));
        assertEquals("NVRTC_ERROR_COMPILATION", CudaStatus.name(CudaLibrary.NVRTC, 6));
    }

    @Test
    void checkPassesSuccessWithoutComputingTheDetail() {
        assertDoesNotThrow(() -> CudaStatus.check(CudaLibrary.CUBLAS, "cublasSgemm", 0));
        assertDoesNotThrow(() -> CudaStatus.check(CudaLibrary.CUBLAS, "cublasSgemm", 0, () -> {
            throw new AssertionError("detail computed on success");
        }));
    }

    @Test
    void checkThrowsWithLibraryCallStatusNameAndDetail() {
        CudaLibraryException e = assertThrows(CudaLibraryException.class,
                () -> CudaStatus.check(CudaLibrary.CUSOLVER, "cusolverDnDgetrf", 3, () -> "n = -1"));
        assertEquals("cuSOLVER", e.library());
        assertEquals(3, e.status());
        assertEquals("CUSOLVER_STATUS_INVALID_VALUE", e.statusName());
        assertEquals("cuSOLVER cusolverDnDgetrf failed with CUSOLVER_STATUS_INVALID_VALUE (3): n = -1", e.getMessage());

        CudaLibraryException unknown = assertThrows(CudaLibraryException.class,
                () -> CudaStatus.check(CudaLibrary.CURAND, "curandGenerate", 4242));
        assertEquals("unknown cuRAND status 4242", unknown.statusName());
        assertEquals("cuRAND curandGenerate failed with unknown cuRAND status 4242 (4242)", unknown.getMessage());
    }

    @Test
    void everyLibraryHasATable() {
        for (CudaLibrary library : CudaLibrary.values()) {
            assertEquals("unknown " + library.displayName() + " status -99", CudaStatus.name(library, -99));
            assertNull(library.statusNameOrNull(-99));
            assertTrue(CudaStatus.isKnown(library, 0), library + " names success");
        }
    }

    @Test
    void duplicateValuesAreRejected() {
        StatusCode a = code("A", 1);
        StatusCode b = code("B", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StatusIndex.of(new StatusCode[] {a, b}));
        assertTrue(e.getMessage().contains("share the value 1"), e.getMessage());
    }

    private static Predicate<String> matching(String regex) {
        Pattern p = Pattern.compile(regex);
        return name -> p.matcher(name).matches();
    }
}
