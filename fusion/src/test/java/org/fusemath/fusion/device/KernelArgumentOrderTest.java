package org.fusemath.fusion.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusemath.cuda.LaunchConfig;
import org.fusemath.cuda.junit.NvccPtx;
import org.fusemath.fusion.FusionGroups;
import org.fusemath.fusion.ir.FusedGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arguments {@link CudaFusedKernels#launch} passes are the kernel's parameters in order: by name against the
 * generated source's parameter list on every machine, and against the PTX entry (skipped, with the reason, where nvcc
 * is not on PATH): every parameter is 8 bytes ({@code .u64}: a device pointer or the {@code long long} count), the
 * pointers are exactly the parameters the kernel turns into global addresses ({@code cvta.to.global}), and the count is
 * not one of them. The launch shape covers the work: a grid-stride loop needs no more blocks than the generator asks
 * for, a reduction one block per outer index up to the grid limit.
 */
class KernelArgumentOrderTest {
    @TempDir
    Path dir;

    @Test
    void argumentsFollowTheGeneratedParametersByName() {
        for (Map.Entry<String, FusedGroup> e : FusionGroups.all().entrySet()) {
            FusedGroup g = e.getValue();
            CudaKernel k = CudaSourceGenerator.generate(g);
            List<String> order = CudaFusedKernels.argumentOrder(g);
            assertEquals(k.parameters().size(), order.size(), e.getKey());
            for (int i = 0; i < order.size(); i++) {
                String declared = k.parameters().get(i);
                assertTrue(declared.endsWith(" " + order.get(i)), e.getKey() + ": parameter " + i + " is " + declared
                        + ", the launch passes " + order.get(i));
                boolean pointer = !order.get(i).equals("n") && !order.get(i).equals("rows");
                assertEquals(pointer, declared.contains("*"), e.getKey() + ": " + declared);
                if (!pointer) {
                    assertTrue(declared.startsWith("long long "), e.getKey() + ": the count is a long long, as KernelArguments.add(long)");
                }
            }
            LaunchConfig c = k.launch();
            assertEquals(CudaSourceGenerator.BLOCK, c.blockX(), e.getKey());
            long count = CudaFusedKernels.count(g);
            if (k.reduction()) {
                assertEquals(Math.max(1, Math.min(1 << 20, count)), c.gridX(), e.getKey() + ": one block per outer index");
            } else {
                assertTrue(c.gridX() >= 1 && c.gridX() <= 1 << 20, e.getKey() + ": grid " + c.gridX());
                assertTrue(c.gridX() >= Math.min(1 << 20, count / 4 / CudaSourceGenerator.BLOCK), e.getKey()
                        + ": enough blocks for one vector per thread, or the grid limit (the loop strides over the rest)");
            }
        }
    }

    @Test
    void ptxEntryParametersArePointersThenTheCount() throws IOException, InterruptedException {
        for (String name : List.of("chain f32", "every kind", "softmax f32", "layer norm f64")) {
            FusedGroup g = FusionGroups.all().get(name);
            CudaKernel k = CudaSourceGenerator.generate(g);
            String text = NvccPtx.compile(dir, k.entry(), k.source().code(), "-arch=sm_90", "-fmad=false");
            String parameters = NvccPtx.entryParameters(text, k.entry());
            List<Integer> u64 = new ArrayList<>();
            Matcher pm = Pattern.compile("\\.param \\.(\\w+) (?:\\.ptr[^ ]* )*" + k.entry() + "_param_(\\d+)").matcher(parameters);
            while (pm.find()) {
                assertEquals("u64", pm.group(1), name + ": parameter " + pm.group(2) + " is 8 bytes");
                u64.add(Integer.parseInt(pm.group(2)));
            }
            List<String> order = CudaFusedKernels.argumentOrder(g);
            assertEquals(order.size(), u64.size(), name + ": " + parameters);
            for (int i = 0; i < order.size(); i++) {
                assertEquals(i, u64.get(i), name + ": parameters in order");
                boolean pointer = order.get(i).startsWith("in") || order.get(i).startsWith("out");
                assertEquals(pointer, isGlobalPointer(text, k.entry(), i), name + ": parameter " + i + " (" + order.get(i)
                        + ") " + (pointer ? "is" : "is not") + " a global pointer in the PTX");
            }
        }
    }

    /** Whether the register loaded from parameter {@code i} is converted to a global address. */
    private static boolean isGlobalPointer(String ptx, String entry, int i) {
        Matcher ld = Pattern.compile("ld\\.param\\.u64 \\s*(%rd\\d+), \\[" + entry + "_param_" + i + "\\];").matcher(ptx);
        while (ld.find()) {
            if (Pattern.compile("cvta\\.to\\.global\\.u64 \\s*%rd\\d+, " + Pattern.quote(ld.group(1)) + ";").matcher(ptx).find()) {
                return true;
            }
        }
        return false;
    }
}
