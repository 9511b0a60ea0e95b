package org.fusemath.blas.device;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native resources of one plan in creation order, each with how to release it. {@link #run()} releases them
 * newest first, once, even when some releases fail: a descriptor must go before the handle it came from, and
 * one failed destroy must not leak the rest. It is the plan's {@link java.lang.ref.Cleaner} action, so it never
 * refers to the plan. Thread-safe.
 */
final class ReleaseStack implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseStack.class);

    private final Deque<Entry> entries = new ArrayDeque<>();
    private RuntimeException failure;
    private boolean released;
    private boolean byOwner;

    private record Entry(String what, Runnable release) {
    }

    /** Adds a resource just created; {@code release} must not refer to the plan that owns this stack. */
    synchronized void push(String what, Runnable release) {
        if (released) {
            // Created after the release ran (a close racing a plan call): release it at once.
            release.run();
            return;
        }
        entries.push(new Entry(what, release));
    }

    /** Marks the coming release as the owner's close, so that a forgotten plan is told apart in the log. */
    synchronized void closingByOwner() {
        byOwner = true;
    }

    /** Releases every resource, newest first, once; failures are kept for {@link #failure()} and logged. */
    @Override
    public synchronized void run() {
        if (released) {
            return;
        }
        released = true;
        if (!byOwner && !entries.isEmpty()) {
            LOG.debug("a device matmul plan was not closed; releasing {} native resources from the cleaner", entries.size());
        }
        while (!entries.isEmpty()) {
            Entry e = entries.pop();
            try {
                e.release().run();
            } catch (RuntimeException ex) {
                LOG.warn("releasing {} failed", e.what(), ex);
                if (failure == null) {
                    failure = ex;
                } else {
                    failure.addSuppressed(ex);
                }
            }
        }
    }

    /** The first release failure (others suppressed into it), or null. */
    synchronized RuntimeException failure() {
        return failure;
    }

    /** How many resources are held. */
    synchronized int size() {
        return entries.size();
    }
}
