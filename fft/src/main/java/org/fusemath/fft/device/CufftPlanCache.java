package org.fusemath.fft.device;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.fusemath.api.Arguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idle cuFFT plans ({@code P}: {@link CufftPlan} in production) by device and {@link CufftCall} (planning costs
 * milliseconds; a plan's work area is private to one execution at a time): {@link #acquire} leases an idle plan or makes one, {@link #release} returns it. At most
 * {@code capacity} idle plans are kept; the least recently used is destroyed beyond that. Hits and misses log at
 * debug level. Thread-safe.
 */
final class CufftPlanCache<P extends AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(CufftPlanCache.class);

    /** What a plan is cached under. */
    record Key(int device, CufftCall call) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, ArrayDeque<P>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private int idleCount;
    private long hits;
    private long misses;

    CufftPlanCache(int capacity) {
        this.capacity = Arguments.requireNonNegative("capacity", capacity);
    }

    /** An idle plan for {@code key}, or a new one from {@code make}; the caller releases it. */
    P acquire(Key key, Supplier<P> make) {
        synchronized (this) {
            ArrayDeque<P> plans = idle.get(key);
            if (plans != null && !plans.isEmpty()) {
                idleCount--;
                hits++;
                LOG.debug("cufft plan cache hit for {} ({} hits, {} misses)", key, hits, misses);
                return plans.pop();
            }
            misses++;
            LOG.debug("cufft plan cache miss for {} ({} hits, {} misses)", key, hits, misses);
        }
        return make.get();
    }

    /** Returns a leased plan; destroys the least recently used idle plan when more than the capacity are idle. */
    void release(Key key, P plan) {
        P evicted = null;
        synchronized (this) {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(plan);
            idleCount++;
            if (idleCount > capacity) {
                Iterator<Map.Entry<Key, ArrayDeque<P>>> eldest = idle.entrySet().iterator();
                while (eldest.hasNext() && evicted == null) {
                    ArrayDeque<P> plans = eldest.next().getValue();
                    evicted = plans.pollLast();
                    if (plans.isEmpty()) {
                        eldest.remove();
                    }
                }
                idleCount--;
            }
        }
        if (evicted != null) {
            close(evicted);
        }
    }

    /** Destroys a plan that failed during its lease instead of returning it. */
    void discard(P plan) {
        close(plan);
    }

    private static void close(AutoCloseable plan) {
        try {
            plan.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing a cuFFT plan failed", e);
        }
    }

    /** Idle plans held now. */
    synchronized int idle() {
        return idleCount;
    }

    /** Leases served from the cache so far. */
    synchronized long hits() {
        return hits;
    }

    /** Leases that had to plan. */
    synchronized long misses() {
        return misses;
    }
}
