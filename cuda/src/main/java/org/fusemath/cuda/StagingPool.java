package org.fusemath.cuda;

import java.util.ArrayDeque;

/**
 * Reuses pinned host buffers of one size for staging copies between Java arrays and device memory,
 * because allocating pinned memory costs far more than the copy of a small array. Copies larger than a
 * buffer go in chunks. Thread-safe; keeps at most {@link #MAX_IDLE} idle buffers.
 */
final class StagingPool {
    /** The size of each pinned buffer, and so of each chunk of a staged copy. */
    static final long DEFAULT_CHUNK_BYTES = 8L << 20;
    static final int MAX_IDLE = 4;

    private final RuntimeCalls calls;
    private final long chunkBytes;
    private final ArrayDeque<PinnedBuffer> idle = new ArrayDeque<>();

    StagingPool(RuntimeCalls calls, long chunkBytes) {
        if (chunkBytes < Double.BYTES || chunkBytes % Double.BYTES != 0) {
            throw new IllegalArgumentException("chunkBytes = " + chunkBytes + ": expected a positive multiple of 8");
        }
        this.calls = calls;
        this.chunkBytes = chunkBytes;
    }

    long chunkBytes() {
        return chunkBytes;
    }

    /** An idle buffer of {@link #chunkBytes()} bytes whose earlier copies have finished. */
    PinnedBuffer acquire() {
        PinnedBuffer buffer;
        synchronized (idle) {
            buffer = idle.pollFirst();
        }
        if (buffer == null) {
            return new PinnedBuffer(calls, chunkBytes);
        }
        buffer.awaitIdle();
        return buffer;
    }

    /** Returns {@code buffer}; copies queued from it may still be running. */
    void release(PinnedBuffer buffer) {
        synchronized (idle) {
            if (idle.size() < MAX_IDLE) {
                idle.addFirst(buffer);
                return;
            }
        }
        buffer.close();
    }

    /** How many buffers are idle in the pool. */
    int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }
}
