package org.fusemath.fusion.spi;

import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.spi.HostParts;

/**
 * Splits indices [0, rows) of axis 0 of a host kernel's iteration space over threads through {@link HostParts} (the
 * host providers' one work splitter: part 0 on the calling thread, the others on the common fork-join pool), in
 * contiguous blocks that the parts claim in turn, so a part that is descheduled on a shared machine leaves its blocks
 * to the others. Each index of axis 0 is computed by the same code whichever part takes it and nothing is summed
 * across indices, so results are bit-identical for every thread count. Thread-safe; holds no state.
 */
public final class RowParts {
    /**
     * Below this many elements per part (and per block), one thread does it all. The cheapest fused groups
     * (memory-bound element-wise chains) take about 0.4-0.5 ns per F32 element here, so a part of 2^17 elements is
     * 50-65 µs of work: above a pool hand-off and join (a few µs idle, 10-50 µs on a loaded machine), as the other
     * domains' minimums (a random fill's 65,536 values, an FFT's 2^14 complex points, a batched solve's 2^18 flops)
     * keep their parts well above it. Transcendental groups (5-10x the cost per element) split profitably below it,
     * but one threshold in elements keeps the decision a fact of the shape.
     */
    public static final long MIN_ELEMENTS_PER_PART = 1 << 17;
    /** Blocks per part: enough to even out a part that starts late, few enough that claiming costs nothing. */
    static final int BLOCKS_PER_PART = 8;

    private RowParts() {
    }

    /** A body run over indices [from, to) of axis 0. */
    public interface Range {
        /** Runs rows {@code from ≤ i₀ < to}. */
        void run(int from, int to);
    }

    /**
     * The parts that {@code rows} indices of axis 0 of {@code elementsPerRow} elements each split into by work alone
     * (at most one per index, at least {@link #MIN_ELEMENTS_PER_PART} elements each): the most threads the work can
     * use, before any thread limit.
     */
    public static int partsByWork(long rows, long elementsPerRow) {
        if (rows <= 1 || elementsPerRow <= 0) {
            return 1;
        }
        long byWork = Math.max(1, rows * elementsPerRow / MIN_ELEMENTS_PER_PART);   // both sides of an array's length
        return (int) Math.min(Integer.MAX_VALUE, Math.min(rows, byWork));
    }

    /** The parts a call of up to {@code threads} threads uses (also at most the processors: the pool runs no more). */
    public static int parts(long rows, long elementsPerRow, int threads) {
        // small work never asks the runtime: a cached plan's execute on tiny operands must stay cheap, and
        // availableProcessors() can read the container's limits
        if (threads <= 1 || partsByWork(rows, elementsPerRow) <= 1) {
            return 1;
        }
        return parts(rows, elementsPerRow, threads, Runtime.getRuntime().availableProcessors());
    }

    static int parts(long rows, long elementsPerRow, int threads, int processors) {
        return Math.max(1, Math.min(partsByWork(rows, elementsPerRow), Math.min(threads, processors)));
    }

    /**
     * Runs {@code body} over [0, {@code rows}) of axis 0, rows of {@code elementsPerRow} elements, on up to
     * {@code threads} threads; a failure in any part is rethrown once every part has ended.
     */
    public static void run(int rows, long elementsPerRow, int threads, Range body) {
        runParts(rows, elementsPerRow, parts(rows, elementsPerRow, threads), body);
    }

    /** {@link #run(int, long, int, Range)} in exactly {@code parts} parts (tests use more parts than processors). */
    static void runParts(int rows, long elementsPerRow, int parts, Range body) {
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        long blocks = Math.min(partsByWork(rows, elementsPerRow), (long) parts * BLOCKS_PER_PART);
        AtomicLong next = new AtomicLong();
        HostParts.run(parts, part -> {
            for (long b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                body.run((int) (rows * b / blocks), (int) (rows * (b + 1) / blocks));
            }
        });
    }
}
