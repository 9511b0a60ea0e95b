package org.fusemath.fusion.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusemath.fusion.FusionGroups;
import org.fusemath.fusion.ir.FusedGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated kernel compiles with {@code nvcc -ptx} for sm_90 and sm_80 (skipped, with the reason, where nvcc
 * is not on PATH), and its PTX declares the expected entry point with the expected parameters; the source's shape
 * (vector path, 64-bit indexing, block reductions) is checked on every machine.
 */
class CudaSourceGeneratorTest {
    private static final List<String> ARCHITECTURES = List.of("sm_90", "sm_80");

    @TempDir
    Path dir;

    private static String nvcc() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(p, "nvcc");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    @Test
    void everyGroupCompilesToPtxWithItsEntryAndParameters() throws IOException, InterruptedException {
        String nvcc = nvcc();
        assumeTrue(nvcc != null, "nvcc is not on PATH: the generated CUDA C is not compiled on this machine");
        for (Map.Entry<String, FusedGroup> e : FusionGroups.all().entrySet()) {
            CudaKernel k = CudaSourceGenerator.generate(e.getValue());
            Path cu = dir.resolve(k.source().name());
            Files.writeString(cu, k.source().code(), StandardCharsets.UTF_8);
            for (String arch : ARCHITECTURES) {
                Path ptx = dir.resolve(k.entry() + "." + arch + ".ptx");
                Process p = new ProcessBuilder(nvcc, "-ptx", "-arch=" + arch, "-fmad=false", "-o", ptx.toString(), cu.toString())
                        .redirectErrorStream(true).start();
                String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), e.getKey() + ": nvcc did not finish");
                assertEquals(0, p.exitValue(), e.getKey() + " (" + arch + "):\n" + log + "\n" + k.source().code());
                String text = Files.readString(ptx);
                Matcher m = Pattern.compile("\\.visible \\.entry " + k.entry() + "\\(([^)]*)\\)").matcher(text);
                assertTrue(m.find(), e.getKey() + ": no entry " + k.entry() + " in the PTX");
                int params = 0;
                Matcher pm = Pattern.compile("\\.param \\.u64 (\\.ptr[^ ]* )*" + k.entry() + "_param_(\\d+)").matcher(m.group(1));
                while (pm.find()) {
                    assertEquals(params, Integer.parseInt(pm.group(2)), e.getKey() + ": parameters in order");
                    params++;
                }
                assertEquals(k.parameters().size(), params, e.getKey() + " (" + arch + "): " + m.group(1));
            }
        }
    }

    @Test
    void sourceShapeFollowsTheGroup() {
        CudaKernel chain = CudaSourceGenerator.generate(FusionGroups.chain(org.fusemath.fusion.ir.ScalarType.F32, 1000, 1000));
        assertTrue(chain.source().code().contains("float4"), "dense F32 arrays take the float4 path");
        assertTrue(chain.source().code().contains("const int count"), "32-bit indices below 2^31 elements");
        assertEquals(List.of("const float* __restrict__ in0", "const float* __restrict__ in1", "float* __restrict__ out0",
                "long long n"), chain.parameters());
        assertFalse(chain.reduction());
        assertEquals(1000 * 1000 / 4 / CudaSourceGenerator.BLOCK + 1, chain.launch().gridX());

        CudaKernel big = CudaSourceGenerator.generate(FusionGroups.all().get("chain f32 big"));
        assertTrue(big.source().code().contains("const long long count"), "64-bit indices past 2^31 elements");

        CudaKernel mixed = CudaSourceGenerator.generate(FusionGroups.everyKind(33, 65));
        assertFalse(mixed.source().code().contains("float4"), "a broadcast row and mixed types take the scalar path");
        assertTrue(mixed.source().code().contains("c1 * (int) 1"), "the bias is indexed by its column");

        CudaKernel softmax = CudaSourceGenerator.generate(FusionGroups.softmax(org.fusemath.fusion.ir.ScalarType.F32, 64, 1000));
        assertTrue(softmax.reduction());
        assertEquals(64, softmax.launch().gridX(), "one block per row");
        String code = softmax.source().code();
        assertEquals(3, code.split("// stage ").length - 1, "max, sum, divide");
        assertEquals(2, code.split("block_reduce<float").length - 1, "two block reductions");
    }
}
