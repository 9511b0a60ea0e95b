package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Path nvcc = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "nvcc"))) {
                nvcc = Path.of(d, "nvcc");
                break;
            }
        }
        assumeTrue(nvcc != null, "nvcc is not on PATH: install the CUDA toolkit to compile kernels ahead of time");
        Path cu = Files.writeString(dir.resolve("copy2d.cu"), NvrtcOperandCopies.SOURCE.code(), StandardCharsets.UTF_8);
        Path ptx = dir.resolve("copy2d.ptx");
        Process p = new ProcessBuilder(nvcc.toString(), "-ptx", "-o", ptx.toString(), cu.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "nvcc finished");
        assertEquals(0, p.exitValue(), () -> "nvcc failed:\n" + output);
        String text = Files.readString(ptx, StandardCharsets.US_ASCII);
        for (int width : new int[] {4, 8, 16}) {
            String entry = "fusemath_copy2d_b" + width;
            Matcher m = Pattern.compile("\\.visible \\.entry " + entry + "\\(([^)]*)\\)").matcher(text);
            assertTrue(m.find(), "no entry " + entry);
            String[] params = m.group(1).trim().split(",");
            assertEquals(8, params.length, m.group(1));
            for (String param : params) {
                assertTrue(param.trim().startsWith(".param .u64"), param);
            }
        }
    }
}
