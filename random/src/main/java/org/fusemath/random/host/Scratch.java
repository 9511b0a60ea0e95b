package org.fusemath.random.host;

/**
 * The buffers of one worker's fast paths (about 50 KiB when all are used), each created on first use and
 * kept for the next call, so that short fills do not pay for allocating and zeroing them. The calling
 * thread's scratch belongs to its {@link HostGenerator}; other workers get a fresh one per call. Not
 * thread-safe.
 */
final class Scratch {
    private StateLanes stateLanes;
    private BoxMullerFloats boxMuller;
    private PhiloxBatch philoxBatch;
    private PhiloxNormalFloats philoxNormals;
    private int[] interleaved;

    StateLanes stateLanes() {
        if (stateLanes == null) {
            stateLanes = new StateLanes();
        }
        return stateLanes;
    }

    BoxMullerFloats boxMuller() {
        if (boxMuller == null) {
            boxMuller = new BoxMullerFloats();
        }
        return boxMuller;
    }

    PhiloxBatch philoxBatch() {
        if (philoxBatch == null) {
            philoxBatch = new PhiloxBatch();
        }
        return philoxBatch;
    }

    PhiloxNormalFloats philoxNormals() {
        if (philoxNormals == null) {
            philoxNormals = new PhiloxNormalFloats(philoxBatch(), boxMuller());
        }
        return philoxNormals;
    }

    /** Room for the raw words of one run of {@link StateLanes}, interleaved per work item. */
    int[] interleaved() {
        if (interleaved == null) {
            interleaved = new int[StateLanes.MAX_WORDS * StateLanes.CAPACITY];
        }
        return interleaved;
    }
}
