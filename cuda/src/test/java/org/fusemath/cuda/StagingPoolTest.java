package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pinned staging buffers: reused, waited for before reuse, bounded, freed. */
class StagingPoolTest {
    private final FakeCuda fake = new FakeCuda(1);
    private final CudaRuntime runtime = fake.runtime(64);

    @Test
    void buffersAreReusedAcrossCopies() {
        try (CudaStream stream = CudaStream.create(runtime, 0); CudaMemory memory = CudaMemory.allocate(stream, 4000)) {
            for (int i = 0; i < 5; i++) {
                CudaCopy.toDevice(stream, new float[1000], memory);
                CudaCopy.toHost(stream, memory, new float[1000]);
            }
            assertEquals(1, fake.count("cudaMallocHost"), "one pinned buffer served 630 chunks");
            assertEquals(1, runtime.staging().idleCount());
        }
    }

    @Test
    void aBufferIsNotRewrittenBeforeItsLastCopyFinished() {
        StagingPool pool = new StagingPool(fake, 64);
        setDevice();
        long stream = fake.streamCreate();
        PinnedBuffer buffer = pool.acquire();
        buffer.markInUseUntilNow(stream);
        pool.release(buffer);
        int syncs = fake.count("cudaEventSynchronize");
        PinnedBuffer again = pool.acquire();
        assertSame(buffer, again);
        assertEquals(syncs + 1, fake.count("cudaEventSynchronize"), "acquire waited for the pending copy");
        assertEquals(0, fake.liveEvents(), "the event was destroyed after the wait");
        again.close();
        assertEquals(0, fake.liveHostAllocations());
    }

    @Test
    void atMostMaxIdleBuffersAreKept() {
        StagingPool pool = new StagingPool(fake, 64);
        List<PinnedBuffer> leased = new ArrayList<>();
        for (int i = 0; i < StagingPool.MAX_IDLE + 3; i++) {
            leased.add(pool.acquire());
        }
        leased.forEach(pool::release);
        assertEquals(StagingPool.MAX_IDLE, pool.idleCount());
        assertEquals(StagingPool.MAX_IDLE, fake.liveHostAllocations());
        assertThrows(IllegalArgumentException.class, () -> new StagingPool(fake, 12));
    }

    private void setDevice() {
        fake.setDevice(0);
    }
}
