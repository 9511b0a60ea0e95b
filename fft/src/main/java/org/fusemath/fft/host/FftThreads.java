package org.fusemath.fft.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusemath.api.FusemathException;

/**
 * fusemath's own FFT worker threads (daemon, named {@code fusemath-fft-N}): a range of independent lines is cut into
 * at most {@code threads} contiguous chunks, the caller runs the first and pool threads the others. Each line is
 * computed by the same code whichever thread takes it, so results do not depend on the count.
 */
final class FftThreads {
    /** Below this many complex points per pass, one thread does it all (thread hand-off costs more). */
    static final long MIN_POINTS_PER_THREAD = 1 << 14;

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fusemath-fft-" + IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private FftThreads() {
    }

    /** A body run over lines {@code [from, to)}. */
    interface Range {
        void run(long from, long to);
    }

    /** Runs {@code body} over {@code [0, count)} lines of {@code pointsPerLine} points on up to {@code threads} threads. */
    static void forEach(long count, long pointsPerLine, int threads, Range body) {
        int chunks = (int) Math.max(1, Math.min(threads, Math.min(count, count * pointsPerLine / MIN_POINTS_PER_THREAD)));
        if (chunks <= 1) {
            body.run(0, count);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            long from = count * c / chunks;
            long to = count * (c + 1) / chunks;
            futures.add(POOL.submit(() -> body.run(from, to)));
        }
        Throwable failure = null;
        try {
            body.run(0, count / chunks);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new FusemathException("FFT worker failed", failure);
        }
    }
}
