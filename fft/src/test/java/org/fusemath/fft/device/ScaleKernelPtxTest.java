package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.fusemath.cuda.junit.NvccPtx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The normalisation kernel the device-operand path launches through NVRTC, compiled ahead of time by {@code nvcc -ptx}
 * where the toolkit is on PATH: both entries exist and take (u64 address, s64 count, scalar of their precision), the
 * order and C types {@code CufftOnDevice} passes.
 */
class ScaleKernelPtxTest {
    @Test
    void nvccCompilesBothScaleEntriesWithTheArgumentsTheLaunchPasses(@TempDir Path dir) throws Exception {
        String text = NvccPtx.compile(dir, "scale", CufftOnDevice.SCALE.code());
        for (String[] entry : new String[][] {{"fusemath_fft_scale_f64", "f64"}, {"fusemath_fft_scale_f32", "f32"}}) {
            assertEquals(".param .u64 " + entry[0] + "_param_0, .param .u64 " + entry[0] + "_param_1, .param ."
                    + entry[1] + " " + entry[0] + "_param_2", NvccPtx.entryParameters(text, entry[0]));
        }
    }
}
