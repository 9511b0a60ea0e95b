package org.fusemath.cuda;

import java.lang.ref.Cleaner;

/**
 * A pinned (page-locked) host buffer from {@code cudaMallocHost} used to stage copies. It remembers the
 * event after which the last asynchronous copy out of it is done, so the next user waits for that first.
 * Used by one thread at a time (leased from a {@link StagingPool}); freed by a cleaner if dropped.
 */
final class PinnedBuffer implements AutoCloseable {
    private final State state;
    private final Cleaner.Cleanable cleanable;

    PinnedBuffer(RuntimeCalls calls, long capacity) {
        this.state = new State(calls, calls.mallocHost(capacity), capacity);
        this.cleanable = Cleaners.CLEANER.register(this, state);
    }

    long address() {
        return state.address;
    }

    long capacity() {
        return state.capacity;
    }

    /** Records, on {@code stream} (its device current), the point after which the copy just queued is done. */
    void markInUseUntilNow(long stream) {
        state.markInUse(stream);
    }

    /** Waits until no queued copy reads from or writes to the buffer any more. */
    void awaitIdle() {
        state.awaitIdle();
    }

    /** Waits for pending copies, then frees the pinned memory; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    private static final class State implements Runnable {
        private final RuntimeCalls calls;
        private final long address;
        private final long capacity;
        private long pendingEvent;
        private boolean freed;

        State(RuntimeCalls calls, long address, long capacity) {
            this.calls = calls;
            this.address = address;
            this.capacity = capacity;
        }

        synchronized void markInUse(long stream) {
            awaitIdle();
            long event = calls.eventCreate(false);
            try {
                calls.eventRecord(event, stream);
            } catch (RuntimeException e) {
                calls.eventDestroy(event);
                throw e;
            }
            pendingEvent = event;
        }

        synchronized void awaitIdle() {
            if (pendingEvent != 0) {
                long event = pendingEvent;
                pendingEvent = 0;
                try {
                    calls.eventSynchronize(event);
                } finally {
                    calls.eventDestroy(event);
                }
            }
        }

        @Override
        public synchronized void run() {
            if (!freed) {
                freed = true;
                try {
                    awaitIdle();
                } finally {
                    calls.freeHost(address);
                }
            }
        }
    }
}
