package org.fusemath.fft.device;

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
 * The normalisation kernel the device-operand path launches through NVRTC, compiled ahead of time by {@code nvcc -ptx}
 * where the toolkit is on PATH: both entries exist and take (u64 address, s64 count, scalar of their precision), the
 * order and C types {@code CufftOnDevice} passes.
 */
class ScaleKernelPtxTest {
    @Test
    void nvccCompilesBothScaleEntriesWithTheArgumentsTheLaunchPasses(@TempDir Path dir) throws Exception {
        Path nvcc = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "nvcc"))) {
                nvcc = Path.of(d, "nvcc");
                break;
            }
        }
        assumeTrue(nvcc != null, "nvcc is not on PATH: install the CUDA toolkit to compile kernels ahead of time");
        Path cu = Files.writeString(dir.resolve("scale.cu"), CufftOnDevice.SCALE.code(), StandardCharsets.UTF_8);
        Path ptx = dir.resolve("scale.ptx");
        Process p = new ProcessBuilder(nvcc.toString(), "-ptx", "-o", ptx.toString(), cu.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "nvcc finished");
        assertEquals(0, p.exitValue(), () -> "nvcc failed:\n" + output);
        String text = Files.readString(ptx, StandardCharsets.US_ASCII);
        for (String[] entry : new String[][] {{"fusemath_fft_scale_f64", "f64"}, {"fusemath_fft_scale_f32", "f32"}}) {
            Matcher m = Pattern.compile("\\.visible \\.entry " + entry[0] + "\\(([^)]*)\\)").matcher(text);
            assertTrue(m.find(), "no entry " + entry[0]);
            String params = m.group(1).replaceAll("\\s+", " ").trim();
            assertEquals(".param .u64 " + entry[0] + "_param_0, .param .u64 " + entry[0] + "_param_1, .param ."
                    + entry[1] + " " + entry[0] + "_param_2", params);
        }
    }
}
