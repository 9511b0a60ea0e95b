package org.fusemath.fft.host;

import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.spi.HostParts;

/**
 * Spreads a pass's independent lines over threads through {@link HostParts} (the host providers' one work splitter:
 * part 0 on the calling thread, the others on the common fork-join pool). The lines are cut into contiguous blocks,
 * several per part, which the parts claim in order: a part that is descheduled (a shared machine) or slower leaves
 * its remaining blocks to the others instead of the whole call waiting on a fixed share, and each part still walks
 * contiguous memory. Each line is computed by the same code whichever thread takes it, so results do not depend on
 * the thread count or on which part took which block.
 */
final class FftThreads {
    /** Below this many complex points per part (and per block), one thread does it all (hand-off costs more). */
    static final long MIN_POINTS_PER_THREAD = 1 << 14;
    /** Blocks per part: enough to even out a part that starts late, few enough that claiming costs nothing. */
    static final int BLOCKS_PER_PART = 8;

    private FftThreads() {
    }

    /** A body run over lines {@code [from, to)}. */
    interface Range {
        void run(long from, long to);
    }

    /**
     * Runs {@code body} over {@code [0, count)} lines of {@code pointsPerLine} points on up to {@code threads} threads
     * (and no more than the processors: the pool cannot run more at once).
     */
    static void forEach(long count, long pointsPerLine, int threads, Range body) {
        long byWork = Math.max(1, count * pointsPerLine / MIN_POINTS_PER_THREAD);
        int cap = Math.min(threads, Runtime.getRuntime().availableProcessors());
        int parts = (int) Math.max(1, Math.min(cap, Math.min(count, byWork)));
        if (parts <= 1) {
            body.run(0, count);
            return;
        }
        long blocks = Math.min(Math.min(count, byWork), (long) parts * BLOCKS_PER_PART);
        AtomicLong next = new AtomicLong();
        HostParts.run(parts, part -> {
            for (long b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                body.run(count * b / blocks, count * (b + 1) / blocks);
            }
        });
    }
}
