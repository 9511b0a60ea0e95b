package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void computesOnceForAllThreadsAndCachesTheProbe() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<DeviceProbe> lazy = new Lazy<>(() -> {
            runs.incrementAndGet();
            return CudaProbe.run(new FakeProbeSteps());
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DeviceProbe>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            DeviceProbe first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<DeviceProbe> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runs.get());
    }

    @Test
    void theSharedProbeIsCached() {
        assertSame(CudaProbe.get(), CudaProbe.get());
    }
}
