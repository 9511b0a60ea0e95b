package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.spi.HostParts;
import org.junit.jupiter.api.Test;

/** The line splitter: every line once, contiguous blocks, parts bounded by the processors whatever is asked. */
class FftThreadsTest {
    @Test
    void everyLineIsRunExactlyOnceInContiguousBlocks() {
        for (int count : new int[] {1, 2, 7, 16, 17, 1000, 1024, 4099}) {
            for (int threads : new int[] {1, 2, 3, 8}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(count);
                AtomicLong calls = new AtomicLong();
                FftThreads.forEach(count, 1024, threads, (from, to) -> {
                    assertTrue(from < to, from + " < " + to);
                    calls.incrementAndGet();
                    for (long i = from; i < to; i++) {
                        seen.incrementAndGet((int) i);
                    }
                });
                for (int i = 0; i < count; i++) {
                    assertEquals(1, seen.get(i), "line " + i + " of " + count + " on " + threads + " threads");
                }
                assertTrue(calls.get() <= (long) Math.max(1, threads) * FftThreads.BLOCKS_PER_PART,
                        calls.get() + " blocks for " + count + " lines on " + threads + " threads");
            }
        }
    }

    @Test
    void smallPassesStayOnTheCallerAndHugeThreadCountsAreCapped() {
        long before = HostParts.submitted();
        Thread caller = Thread.currentThread();
        java.util.List<Thread> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        FftThreads.forEach(4, 1024, 64, (from, to) -> ran.add(Thread.currentThread()));
        assertEquals(java.util.List.of(caller), ran);
        assertEquals(before, HostParts.submitted(), "4 x 1024 points is below the per-part minimum");
        before = HostParts.submitted();
        FftThreads.forEach(1 << 12, 1024, 1_000_000, (from, to) -> { });
        long handed = HostParts.submitted() - before;
        assertTrue(handed <= Runtime.getRuntime().availableProcessors() - 1, handed + " parts handed to the pool");
    }
}
