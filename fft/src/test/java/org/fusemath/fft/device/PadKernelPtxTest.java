package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.cuda.junit.NvccPtx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated staging kernels, compiled ahead of time by {@code nvcc -ptx} for sm_90 and sm_75 where the toolkit is
 * on PATH: every variant (precision, mode, rank, index width) compiles, and its entry takes exactly as many 64-bit
 * parameters as {@link PadKernel#arguments} passes, in that order (two addresses, the count, three per axis).
 */
class PadKernelPtxTest {
    private static List<PadKernel> variants() {
        List<PadKernel> all = new ArrayList<>();
        for (DType t : new DType[] {DType.F32, DType.F64, DType.C64, DType.C128}) {
            for (boolean promote : t.isComplex() ? new boolean[] {false} : new boolean[] {false, true}) {
                all.add(PadKernel.of(t, new long[] {5}, new long[] {1}, new long[] {8}, promote));
                all.add(PadKernel.of(t, new long[] {3, 2, 4}, new long[] {1, 3, 6}, new long[] {2, 5, 7}, promote));
            }
        }
        // The 64-bit index variant, described for a destination past 2^30 components.
        all.add(PadKernel.of(DType.C64, new long[] {1L << 20, 256}, new long[] {256, 1}, new long[] {1L << 20, 513}, false));
        all.add(PadKernel.of(DType.F64, new long[] {2, 4}, new long[] {1L << 31, 1}, new long[] {2, 8}, true));
        return all;
    }

    @Test
    void everyVariantCompilesAndTakesTheLaunchArgumentsInOrder(@TempDir Path dir) throws Exception {
        List<PadKernel> variants = variants();
        // One translation unit per architecture (the entries' names differ): two nvcc runs for every variant.
        StringBuilder unit = new StringBuilder();
        for (PadKernel k : variants) {
            unit.append(k.source().code()).append('\n');
        }
        for (String arch : new String[] {"sm_90", "sm_75"}) {
            String ptx = NvccPtx.compile(dir, "pad_" + arch, unit.toString(), "-arch=" + arch);
            for (PadKernel k : variants) {
                int count = k.arguments(0, 0).length;
                assertEquals(3 + 3 * k.rank(), count, k.toString());
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    expected.append(i == 0 ? "" : ", ").append(".param .u64 ").append(k.entry()).append("_param_").append(i);
                }
                assertEquals(expected.toString(), NvccPtx.entryParameters(ptx, k.entry()), arch + " " + k);
                String body = body(ptx, k.entry());
                assertTrue(body.contains("st.global"), arch + " " + k.entry() + " stores its result");
                assertTrue(body.contains("ld.global"), arch + " " + k.entry() + " reads its source");
            }
        }
    }

    /** The PTX of one entry: from its declaration to the next entry's (or the end). */
    private static String body(String ptx, String entry) {
        int from = ptx.indexOf(".entry " + entry + "(");
        assertTrue(from >= 0, "no entry " + entry);
        int to = ptx.indexOf(".entry ", from + 1);
        return ptx.substring(from, to < 0 ? ptx.length() : to);
    }
}
