package org.fusemath.random.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The lane-wise Philox blocks ({@link PhiloxBatch}) equal the block function, and the batch-based raw-word and
 * uniform-float kernels equal the two-block ones, on any JDK (whichever of the two {@link PhiloxKernels#LANE_WISE}
 * picks there).
 */
class PhiloxBatchTest {
    private static final long SEED = 0x0123456789abcdefL;
    /** Runs inside one iteration, across iterations 0/1 and 2^32 - 1/2^32, near 2^48, and at the top of the counter. */
    private static final long[] STARTS = {0, 65_536 - 100, (0xffffffffL << 16) + 65_500, (1L << 48) + 7, -300};

    @Test
    void batchEqualsTheBlockFunction() {
        PhiloxBatch batch = new PhiloxBatch();
        int[] expected = new int[4];
        for (long g : STARTS) {
            batch.generate(SEED, g, PhiloxBatch.CAPACITY);
            for (int i = 0; i < PhiloxBatch.CAPACITY; i++) {
                long group = g + i;
                Philox4x32.block(group >>> 16, group & 0xffff, SEED, expected, 0);
                for (int j = 0; j < 4; j++) {
                    assertEquals(expected[j], batch.word(j)[i], "group " + group + " word " + j);
                }
            }
        }
    }

    @Test
    void batchKernelsEqualTheTwoBlockKernels() {
        PhiloxBatch batch = new PhiloxBatch();
        int groups = 2 * PhiloxBatch.CAPACITY + 3;
        for (long g : STARTS) {
            int[] ints = new int[4 * groups + 1];
            int[] twoBlock = new int[4 * groups + 1];
            batchInts(batch, g, groups, ints, 1);
            PhiloxKernels.ints(SEED, g, groups, twoBlock, 1);
            assertArrayEquals(twoBlock, ints, "ints from group " + g);
            PhiloxKernels.ints(SEED, g, groups, ints, 1, batch);
            assertArrayEquals(twoBlock, ints, "ints from group " + g + ", chosen path");

            float[] floats = new float[4 * groups + 1];
            float[] twoBlockFloats = new float[4 * groups + 1];
            for (int done = 0; done < groups; done += PhiloxBatch.CAPACITY) {
                int n = Math.min(PhiloxBatch.CAPACITY, groups - done);
                batch.generate(SEED, g + done, n);
                batch.writeUniformFloats(floats, 1 + 4 * done, n);
            }
            PhiloxKernels.uniformFloats(SEED, g, groups, twoBlockFloats, 1);
            assertArrayEquals(twoBlockFloats, floats, "uniform floats from group " + g);
            PhiloxKernels.uniformFloats(SEED, g, groups, floats, 1, batch);
            assertArrayEquals(twoBlockFloats, floats, "uniform floats from group " + g + ", chosen path");
        }
    }

    @Test
    void oversizedBatchIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PhiloxBatch().generate(SEED, 0, PhiloxBatch.CAPACITY + 1));
        assertEquals("groups per batch must be in [0, 256], got 257", e.getMessage());
    }

    private static void batchInts(PhiloxBatch batch, long g, int groups, int[] out, int pos) {
        for (int done = 0; done < groups; done += PhiloxBatch.CAPACITY) {
            int n = Math.min(PhiloxBatch.CAPACITY, groups - done);
            batch.generate(SEED, g + done, n);
            batch.writeInts(out, pos + 4 * done, n);
        }
    }
}
