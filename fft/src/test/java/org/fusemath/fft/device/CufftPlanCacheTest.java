package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.junit.jupiter.api.Test;

/** The device plan cache leases one plan per call, reuses idle ones by device and call, and destroys the least recently used beyond its capacity. */
class CufftPlanCacheTest {
    /** A stand-in plan that records being closed. */
    static final class FakePlan implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private static CufftPlanCache.Key key(int device, long n) {
        return new CufftPlanCache.Key(device, CufftCall.of(FftSpec.builder(FftKind.C2C, DType.F64, n).build(), true));
    }

    @Test
    void leasesReuseAndEvict() {
        CufftPlanCache<FakePlan> cache = new CufftPlanCache<>(2);
        FakePlan a = cache.acquire(key(0, 8), FakePlan::new);
        FakePlan b = cache.acquire(key(0, 8), FakePlan::new);
        assertNotSame(a, b, "a leased plan is not handed out twice");
        cache.release(key(0, 8), a);
        assertSame(a, cache.acquire(key(0, 8), FakePlan::new), "an equal call reuses the idle plan");
        assertNotSame(a, cache.acquire(key(1, 8), () -> new FakePlan()), "another device plans anew");
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
        FakePlan c = cache.acquire(key(0, 16), FakePlan::new);
        cache.release(key(0, 8), a);
        cache.release(key(0, 8), b);
        cache.release(key(0, 16), c);
        assertEquals(2, cache.idle());
        assertTrue(b.closed ^ a.closed, "one of the two least recently used plans of n=8 was destroyed");
        assertFalse(c.closed, "the most recent stays");
        FakePlan broken = cache.acquire(key(0, 32), FakePlan::new);
        cache.discard(broken);
        assertTrue(broken.closed);
        assertEquals(2, cache.idle());
    }
}
