package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelKeyTest {
    private static final KernelSource ABC = new KernelSource("abc.cu", "abc");

    @Test
    void sourceHashIsSha256OfTheUtf8Text() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ABC.sha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm_75", "sm_90", "sm_90a", "sm_100f", "compute_80", "compute_120"})
    void architecturesAccepted(String arch) {
        KernelKey key = KernelKey.of(ABC, arch, List.of());
        assertEquals(arch.startsWith("compute_"), key.producesPtx());
        assertEquals(List.of("--gpu-architecture=" + arch), key.nvrtcOptions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm90", "sm_9", "SM_90", "compute-90", "sm_90 ", "", "sm_1000"})
    void architecturesRejected(String arch) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> KernelKey.of(ABC, arch, List.of()));
        assertEquals("architecture", e.argument());
    }

    @Test
    void optionsAreCopiedAndChecked() {
        List<String> options = new ArrayList<>(List.of("-lineinfo"));
        KernelKey key = KernelKey.of(ABC, "sm_90", options);
        options.add("--use_fast_math");
        assertEquals(List.of("-lineinfo"), key.options());
        assertEquals(List.of("-lineinfo", "--gpu-architecture=sm_90"), key.nvrtcOptions());
        assertThrows(InvalidArgumentException.class, () -> KernelKey.of(ABC, "sm_90", Arrays.asList("-lineinfo", null)));
        assertThrows(InvalidArgumentException.class, () -> KernelKey.of(ABC, "sm_90", List.of("")));
        assertThrows(InvalidArgumentException.class, () -> KernelKey.of(ABC, "sm_90", List.of("-D\0")));
        assertEquals("options[0]", assertThrows(InvalidArgumentException.class,
                () -> KernelKey.of(ABC, "sm_90", List.of("-arch=sm_80"))).argument());
    }

    @Test
    void sourcesAreChecked() {
        assertThrows(InvalidArgumentException.class, () -> new KernelSource("", "x"));
        assertThrows(InvalidArgumentException.class, () -> new KernelSource("a.cu", " \n"));
        assertThrows(InvalidArgumentException.class, () -> new KernelSource("a.cu", "a\0b"));
        assertThrows(InvalidArgumentException.class, () -> KernelSource.fromResource(KernelKeyTest.class, "no-such.cu"));
        KernelSource saxpy = KernelSource.fromResource(KernelKeyTest.class, "saxpy.cu");
        assertEquals("saxpy.cu", saxpy.name());
        assertTrue(saxpy.code().contains("extern \"C\" __global__ void saxpy"));
    }

    @Test
    void compiledKernelsCopyTheirImage() {
        byte[] image = {1, 2, 3};
        CompiledKernel kernel = new CompiledKernel(KernelKey.of(ABC, "sm_90", List.of()), image, null);
        image[0] = 9;
        assertEquals(1, kernel.image()[0]);
        kernel.image()[1] = 9;
        assertEquals(2, kernel.image()[1]);
        assertEquals("", kernel.log());
        assertFalse(kernel.isPtx());
        assertThrows(InvalidArgumentException.class, () -> new CompiledKernel(kernel.key(), new byte[0], ""));
    }

    @Test
    void compileFailuresCarryTheLog() {
        String log = "saxpy.cu(3): error: identifier \"z\" is undefined\n1 error detected in the compilation of \"saxpy.cu\".\n";
        NvrtcCompileException e = new NvrtcCompileException("saxpy.cu", 6, log);
        assertTrue(e instanceof CudaLibraryException);
        assertEquals("NVRTC", e.library());
        assertEquals("NVRTC_ERROR_COMPILATION", e.statusName());
        assertEquals(log, e.log());
        assertEquals("NVRTC nvrtcCompileProgram(saxpy.cu) failed with NVRTC_ERROR_COMPILATION (6): compile log:\n" + log.strip(),
                e.getMessage());
    }
}
