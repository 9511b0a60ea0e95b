package org.fusemath.fusion.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.fusemath.fusion.host.JavaKernelCompiler;
import org.fusemath.fusion.ir.FusedGroup;
import org.junit.jupiter.api.Test;

/**
 * The splitter of axis 0 itself, with exactly 1, 2, 3 and 7 parts whatever the processors: every index is run exactly
 * once, and a generated kernel run over the blocks gives the one-call result bit for bit.
 */
class RowPartsTest {
    private static final int[] PARTS = {1, 2, 3, 7};

    @Test
    void everyRowIsRunExactlyOnceForEveryPartCount() {
        for (int rows : new int[] {1, 2, 3, 5, 6, 9, 1000}) {
            for (int parts : PARTS) {
                AtomicIntegerArray seen = new AtomicIntegerArray(rows);
                RowParts.runParts(rows, RowParts.MIN_ELEMENTS_PER_PART, parts, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        seen.incrementAndGet(r);
                    }
                });
                for (int r = 0; r < rows; r++) {
                    assertEquals(1, seen.get(r), "row " + r + " of " + rows + " in " + parts + " parts");
                }
            }
        }
    }

    @Test
    void partsFollowTheWorkTheThreadsAndTheProcessors() {
        long min = RowParts.MIN_ELEMENTS_PER_PART;
        assertEquals(1, RowParts.parts(1, 10 * min, 8, 8), "one row");
        assertEquals(3, RowParts.parts(3, min, 8, 8), "fewer rows than threads");
        assertEquals(1, RowParts.parts(64, min / 64 * 2 - 1, 8, 8), "under two parts' work");
        assertEquals(2, RowParts.parts(64, min / 64 * 2, 8, 8), "two parts' work");
        assertEquals(4, RowParts.parts(4096, 4096, 4, 8), "the threads");
        assertEquals(2, RowParts.parts(4096, 4096, 7, 2), "the processors");
        assertEquals(128, RowParts.partsByWork(4096, 4096));
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthers() {
        AtomicIntegerArray seen = new AtomicIntegerArray(7);
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                RowParts.runParts(7, RowParts.MIN_ELEMENTS_PER_PART, 7, (from, to) -> {
                    seen.incrementAndGet(from);
                    if (from == 3) {
                        throw new IllegalStateException("row 3");
                    }
                }));
        assertEquals("row 3", e.getMessage());
        for (int r = 0; r < 7; r++) {
            assertEquals(1, seen.get(r), "row " + r);
        }
    }

    @Test
    void softmaxKernelOverBlocksMatchesOneCallBitForBit() {
        for (int[] s : new int[][] {{1, 4099}, {2, 1025}, {3, 777}, {9, 4097}, {5, 3}}) {
            int m = s[0], n = s[1];
            FusedGroup g = FusionBenchmarks.softmaxGroup(m, n);
            HostKernel k = new JavaKernelCompiler().compileHost(g).orElseThrow();
            float[] x = gaussian(m * n, m * 31L + n);
            float[] want = new float[m * n];
            k.run(new Object[] {x}, new Object[] {want});
            for (int parts : PARTS) {
                float[] got = new float[m * n];
                RowParts.runParts(m, RowParts.MIN_ELEMENTS_PER_PART, parts, (from, to) -> k.run(new Object[] {x}, new Object[] {got}, from, to));
                assertArrayEquals(want, got, m + "x" + n + " in " + parts + " parts");
            }
        }
    }

    @Test
    void elementwiseKernelOverUnalignedBlocksMatchesOneCallBitForBit() {
        for (int n : new int[] {1, 2, 3, 1001, 70_003}) {
            for (FusedGroup g : new FusedGroup[] {FusionBenchmarks.chainGroup(n), FusionBenchmarks.sigmoidTanhGroup(n)}) {
                HostKernel k = new JavaKernelCompiler().compileHost(g).orElseThrow();
                float[] x = gaussian(n, n);
                float[] y = gaussian(n, n + 1L);
                float[] want = new float[n];
                k.run(new Object[] {x, y}, new Object[] {want});
                for (int parts : PARTS) {
                    float[] got = new float[n];
                    // one element per "row": blocks start at offsets that are not multiples of the kernel's chunk
                    RowParts.runParts(n, RowParts.MIN_ELEMENTS_PER_PART, parts,
                            (from, to) -> k.run(new Object[] {x, y}, new Object[] {got}, from, to));
                    assertArrayEquals(want, got, "n=" + n + " in " + parts + " parts");
                }
            }
        }
    }

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * 4);
        }
        return a;
    }
}
