package org.fusemath.fusion.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusemath.cuda.junit.NvccPtx;
import org.fusemath.fusion.FusionGroups;
import org.fusemath.fusion.ir.FusedGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated kernel compiles with {@code nvcc -ptx} for sm_90 and sm_80 ({@link NvccPtx}: skipped, with the
 * reason, where nvcc is not on PATH), and its PTX declares the expected entry point with the expected parameters; the source's shape
 * (vector path, 64-bit indexing, block reductions) is checked on every machine.
 */
class CudaSourceGeneratorTest {
    private static final List<String> ARCHITECTURES = List.of("sm_90", "sm_80");

    @TempDir
    Path dir;

    @Test
    void everyGroupCompilesToPtxWithItsEntryAndParameters() throws IOException, InterruptedException {
        for (Map.Entry<String, FusedGroup> e : FusionGroups.all().entrySet()) {
            CudaKernel k = CudaSourceGenerator.generate(e.getValue());
            for (String arch : ARCHITECTURES) {
                String ptx = NvccPtx.compile(dir, k.entry() + "_" + arch, k.source().code(), "-arch=" + arch, "-fmad=false");
                String parameters = NvccPtx.entryParameters(ptx, k.entry());
                int params = 0;
                Matcher pm = Pattern.compile("\\.param \\.u64 (\\.ptr[^ ]* )*" + k.entry() + "_param_(\\d+)").matcher(parameters);
                while (pm.find()) {
                    assertEquals(params, Integer.parseInt(pm.group(2)), e.getKey() + ": parameters in order");
                    params++;
                }
                assertEquals(k.parameters().size(), params, e.getKey() + " (" + arch + "): " + parameters);
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

        // reduced axes among kept ones, and a trailing block: one block per index of the kept axes, the reduced
        // coordinates decomposed from the block-stride index over their count
        CudaKernel scattered = CudaSourceGenerator.generate(FusionGroups.all().get("softmax axes (0, 2) f32"));
        assertEquals(5, scattered.launch().gridX(), "one block per index of the kept axis 1");
        assertTrue(scattered.source().code().contains("j < (int) 1800;"), "6 · 300 reduced elements per block");
        assertEquals(3, scattered.source().code().split("// stage ").length - 1);
        CudaKernel trailing = CudaSourceGenerator.generate(FusionGroups.all().get("softmax axes (1, 2) f64"));
        assertEquals(4, trailing.launch().gridX(), "one block per index of axis 0");
        assertTrue(trailing.source().code().contains("j < (int) 1500;"), "30 · 50 reduced elements per block");
        assertEquals(2, trailing.source().code().split("block_reduce<double").length - 1, "max and sum");
    }
}
