package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.fusemath.cuda.junit.NvccPtx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the saxpy source the gpu tests launch through NVRTC with {@code nvcc -ptx} instead, so the CUDA C
 * is proven to compile on any machine with the toolkit, and checks the kernel's parameter list matches
 * the arguments the gpu test passes ({@code int, float, pointer, pointer}).
 */
class NvccPtxTest {
    @Test
    void nvccCompilesTheSaxpySourceToAPtxEntry(@TempDir Path dir) throws IOException, InterruptedException {
        KernelSource source = KernelSource.fromResource(NvccPtxTest.class, "saxpy.cu");
        String text = NvccPtx.compile(dir, "saxpy", source.code());
        assertEquals(".param .u32 saxpy_param_0, .param .f32 saxpy_param_1, .param .u64 saxpy_param_2, .param .u64 saxpy_param_3",
                NvccPtx.entryParameters(text, "saxpy"));
        assertTrue(text.contains(".target sm_"), "PTX names its target");
    }
}
