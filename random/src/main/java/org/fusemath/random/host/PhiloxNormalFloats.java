package org.fusemath.random.host;

/**
 * Normal floats of whole Philox groups (cuRAND's {@code curand_normal4}: words 0, 1 and 2, 3 of a block are
 * Box–Muller pairs), a batch of blocks at a time: {@link PhiloxBatch} then {@link BoxMullerFloats}.
 * Uses the given buffers; one instance per worker, not thread-safe.
 */
final class PhiloxNormalFloats {
    private final PhiloxBatch batch;
    private final BoxMullerFloats boxMuller;

    PhiloxNormalFloats(PhiloxBatch batch, BoxMullerFloats boxMuller) {
        this.batch = batch;
        this.boxMuller = boxMuller;
    }

    /** Writes the 4 * {@code groups} samples of groups [g, g + groups) to {@code out[pos..]}. */
    void fill(long seed, long g, int groups, float[] out, int pos, float mean, float stddev) {
        int done = 0;
        while (done < groups) {
            int n = Math.min(PhiloxBatch.CAPACITY, groups - done);
            batch.generate(seed, g + done, n);
            boxMuller.loadBits(batch.word(0), 0, batch.word(1), 0, 0, n);
            boxMuller.loadBits(batch.word(2), 0, batch.word(3), 0, n, n);
            boxMuller.transform(2 * n, mean, stddev);
            boxMuller.writeGroups(out, pos + 4 * done, n);
            done += n;
        }
    }
}
