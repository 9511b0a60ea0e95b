package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fusemath.cuda.junit.NvccPtx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strided-copy kernel of the device-operand solver, compiled ahead of time by {@code nvcc -ptx} where the toolkit
 * is on PATH: the three entries exist with eight 64-bit parameters, the (address, stride, stride, address, stride,
 * stride, rows, cols) that {@link NvrtcOperandCopies} passes.
 */
class CopyKernelPtxTest {
    @Test
    void nvccCompilesTheThreeWidthsWithTheArgumentsTheLaunchPasses(@TempDir Path dir) throws Exception {
        String text = NvccPtx.compile(dir, "copy2d", NvrtcOperandCopies.SOURCE.code());
        for (int width : new int[] {4, 8, 16}) {
            String parameters = NvccPtx.entryParameters(text, "fusemath_copy2d_b" + width);
            String[] params = parameters.split(",");
            assertEquals(8, params.length, parameters);
            for (String param : params) {
                assertTrue(param.trim().startsWith(".param .u64"), param);
            }
        }
    }
}
