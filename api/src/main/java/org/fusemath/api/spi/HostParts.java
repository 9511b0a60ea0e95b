package org.fusemath.api.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Runs the parts of one host call (a batch spread over threads, a generator fill) on the common fork-join pool, part 0
 * on the calling thread, and waits for all: the one place host providers split work, so every domain counts and fails
 * the same way. Thread-safe; holds no state but a counter.
 */
public final class HostParts {
    private static final AtomicLong SUBMITTED = new AtomicLong();

    private HostParts() {
    }

    /** Parts handed to the pool since start-up, so tests can see that a huge thread count stays bounded. */
    public static long submitted() {
        return SUBMITTED.get();
    }

    /** Runs {@code part} for 0..parts-1; the first failure is rethrown after every part has ended. */
    public static void run(int parts, IntConsumer part) {
        if (parts <= 1) {
            part.accept(0);
            return;
        }
        SUBMITTED.addAndGet(parts - 1);
        CompletableFuture<?>[] others = new CompletableFuture<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int index = p;
            others[p - 1] = CompletableFuture.runAsync(() -> part.accept(index), ForkJoinPool.commonPool());
        }
        Throwable failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (CompletableFuture<?> f : others) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause();
                } else {
                    failure.addSuppressed(e.getCause());
                }
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
    }
}
