package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the saxpy source the gpu tests launch through NVRTC with {@code nvcc -ptx} instead, so the CUDA C
 * is proven to compile on any machine with the toolkit, and checks the kernel's parameter list matches
 * the arguments the gpu test passes ({@code int, float, pointer, pointer}).
 */
class NvccPtxTest {
    private static final Pattern ENTRY = Pattern.compile("\\.visible \\.entry saxpy\\(([^)]*)\\)");

    @Test
    void nvccCompilesTheSaxpySourceToAPtxEntry(@TempDir Path dir) throws IOException, InterruptedException {
        Optional<Path> nvcc = onPath("nvcc");
        assumeTrue(nvcc.isPresent(), "nvcc is not on PATH: install the CUDA toolkit to compile kernels ahead of time");
        KernelSource source = KernelSource.fromResource(NvccPtxTest.class, "saxpy.cu");
        Path cu = Files.writeString(dir.resolve(source.name()), source.code(), StandardCharsets.UTF_8);
        Path ptx = dir.resolve("saxpy.ptx");
        Process process = new ProcessBuilder(nvcc.get().toString(), "-ptx", "-o", ptx.toString(), cu.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "nvcc finished");
        assertEquals(0, process.exitValue(), () -> "nvcc failed:\n" + output);
        String text = Files.readString(ptx, StandardCharsets.US_ASCII);
        Matcher entry = ENTRY.matcher(text);
        assertTrue(entry.find(), () -> "no .entry saxpy in:\n" + text);
        String parameters = entry.group(1).replaceAll("\\s+", " ").trim();
        assertEquals(".param .u32 saxpy_param_0, .param .f32 saxpy_param_1, .param .u64 saxpy_param_2, .param .u64 saxpy_param_3",
                parameters);
        assertTrue(text.contains(".target sm_"), "PTX names its target");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
