package org.fusemath.fft.host;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * JTransforms' process-wide settings, set once: one JTransforms thread (its thread count is a global static; a
 * per-call count would race other callers and change results with the count), so fusemath spreads batches over
 * its own threads instead, and a daemon thread pool installed in JLargeArrays, so no JTransforms worker can keep
 * the JVM alive whatever version sits on the class path.
 */
final class JTransformsGlobals {
    private static final Object LOCK = new Object();
    private static volatile boolean done;

    private JTransformsGlobals() {
    }

    /** Applies the settings the first time it is called; later calls return at once. */
    static void ensure() {
        if (done) {
            return;
        }
        synchronized (LOCK) {
            if (!done) {
                ConcurrencyUtils.setThreadPool(daemonPool());
                ConcurrencyUtils.setNumberOfThreads(1);
                done = true;
            }
        }
    }

    private static ExecutorService daemonPool() {
        AtomicInteger ids = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fusemath-jtransforms-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
