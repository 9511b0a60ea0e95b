package org.fusemath.cuda.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ahead-of-time compilation of a kernel source with {@code nvcc -ptx} for tests that check what NVRTC will be given:
 * skips the calling test (with the reason) where nvcc is not on PATH, fails it where nvcc rejects the source, and
 * reads an entry point's parameter list from the PTX.
 */
public final class NvccPtx {
    private NvccPtx() {
    }

    /** The PTX of {@code source} (file name {@code name}.cu in {@code dir}) compiled with {@code nvcc -ptx options}. */
    public static String compile(Path dir, String name, String source, String... options)
            throws IOException, InterruptedException {
        Path nvcc = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "nvcc"))) {
                nvcc = Path.of(d, "nvcc");
                break;
            }
        }
        assumeTrue(nvcc != null, "nvcc is not on PATH: install the CUDA toolkit to compile kernels ahead of time");
        Path cu = Files.writeString(dir.resolve(name + ".cu"), source, StandardCharsets.UTF_8);
        Path ptx = dir.resolve(name + ".ptx");
        List<String> command = new ArrayList<>(List.of(nvcc.toString(), "-ptx"));
        command.addAll(List.of(options));
        command.addAll(List.of("-o", ptx.toString(), cu.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "nvcc finished");
        assertEquals(0, p.exitValue(), () -> "nvcc failed:\n" + output);
        return Files.readString(ptx, StandardCharsets.US_ASCII);
    }

    /** The parameter list of entry {@code entry} in {@code ptx}, whitespace collapsed; fails when there is none. */
    public static String entryParameters(String ptx, String entry) {
        Matcher m = Pattern.compile("\\.visible \\.entry " + Pattern.quote(entry) + "\\(([^)]*)\\)").matcher(ptx);
        assertTrue(m.find(), "no entry " + entry);
        return m.group(1).replaceAll("\\s+", " ").trim();
    }
}
