package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fusemath.cuda.junit.NvccPtx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row-scaling kernel of the device least-squares solve, compiled ahead of time by {@code nvcc -ptx} where the
 * toolkit is on PATH: both entries exist with five 64-bit parameters, the (matrix, weights, rows, cols, slots) that
 * {@link NvrtcRowScaling} passes.
 */
class RowScalingPtxTest {
    @Test
    void nvccCompilesBothPrecisionsWithTheArgumentsTheLaunchPasses(@TempDir Path dir) throws Exception {
        String text = NvccPtx.compile(dir, "scale_rows", NvrtcRowScaling.SOURCE.code());
        for (String entry : new String[] {"fusemath_scale_rows_f32", "fusemath_scale_rows_f64"}) {
            String parameters = NvccPtx.entryParameters(text, entry);
            String[] params = parameters.split(",");
            assertEquals(5, params.length, parameters);
            for (String param : params) {
                assertTrue(param.trim().startsWith(".param .u64"), param);
            }
        }
    }
}
