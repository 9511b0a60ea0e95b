package org.fusemath.cuda.junit;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits, for a bounded time, until a forgotten object is collected and its {@link java.lang.ref.Cleaner} action
 * has run. A phantom reference to the object tells the two failures apart: still reachable after the time (a
 * test or library reference keeps it alive, so no Cleaner can ever run) and collected but never released (the
 * Cleaner action is missing or broken). Other modules use it through the cuda module's test jar.
 */
public final class CleanerWait {
    /** The longest the whole wait takes before it fails. */
    public static final Duration LIMIT = Duration.ofSeconds(20);

    private CleanerWait() {
    }

    /**
     * Makes an object with {@code create} (so no frame of the caller holds it), drops it, runs the collector until
     * the object is phantom-reachable and then waits until {@code released} reports that its Cleaner ran.
     *
     * @param what names the object in the failure message
     * @throws AssertionError naming the stage that did not happen within {@link #LIMIT}
     */
    public static void awaitCleaned(Supplier<?> create, BooleanSupplier released, String what) throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> watch = watch(create, queue);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (queue.remove(20) == null) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " is still reachable after " + LIMIT.toSeconds()
                        + " s of System.gc(): something holds a reference to it, so its Cleaner cannot run");
            }
            System.gc();
        }
        // The Cleaner's own phantom reference is normally cleared in the same collection and its thread runs the
        // action next; more collections cover a collector that discovers the two references apart.
        while (!released.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " was collected, but its Cleaner action had not released it after "
                        + LIMIT.toSeconds() + " s");
            }
            Thread.sleep(10);
            System.gc();
        }
        Reference.reachabilityFence(watch);
    }

    private static PhantomReference<Object> watch(Supplier<?> create, ReferenceQueue<Object> queue) {
        return new PhantomReference<>(create.get(), queue);
    }
}
