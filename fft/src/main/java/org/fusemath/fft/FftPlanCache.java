package org.fusemath.fft;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.fusemath.api.Arguments;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded, thread-safe LRU cache of plans behind {@link FftOps}, keyed by everything that changes a plan (the
 * spec, or the numpy call that determines it, the provider, the thread count). Hits and misses are counted and
 * logged at debug level ({@code org.fusemath.fft.FftPlanCache}). An evicted plan is closed once no call is still
 * executing it. The capacity defaults to {@code -Dfusemath.fft.planCacheSize} or 64.
 *
 * <p>A hit takes no lock (a concurrent map read and two atomic updates), so repeated calls of one shape from many
 * threads do not serialize; planning and eviction (least recent use first) take the cache's lock.
 */
public final class FftPlanCache {
    private static final Logger LOG = LoggerFactory.getLogger(FftPlanCache.class);
    private static final FftPlanCache SHARED = new FftPlanCache(Integer.getInteger("fusemath.fft.planCacheSize", 64));

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Use order: each lookup stamps its entry; the smallest stamp is the least recently used. */
    private final AtomicLong clock = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile int capacity;

    /** A cache of at most {@code capacity} plans (>= 1). */
    public FftPlanCache(int capacity) {
        this.capacity = Arguments.requirePositive("capacity", capacity);
    }

    /** The cache {@link FftOps} uses. */
    public static FftPlanCache shared() {
        return SHARED;
    }

    /** Lookups that found a plan. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that had to plan. */
    public long misses() {
        return misses.sum();
    }

    /** The plans held now. */
    public int size() {
        return entries.size();
    }

    /** The most plans held. */
    public int capacity() {
        return capacity;
    }

    /** Changes the capacity (>= 1), evicting the least recently used plans beyond it. */
    public synchronized void setCapacity(int value) {
        capacity = Arguments.requirePositive("capacity", value);
        evict();
    }

    /** Evicts every plan. */
    public synchronized void clear() {
        for (Map.Entry<Object, Entry> e : entries.entrySet()) {
            if (entries.remove(e.getKey(), e.getValue())) {
                e.getValue().evict();
            }
        }
    }

    /** A lease on the plan of {@code spec} from {@code provider} with {@code threads}; close it after executing. */
    Lease lease(FftSpec spec, FftProvider provider, int threads) {
        return lease(new Key(spec, provider.name(), threads), () -> provider.plan(spec, threads));
    }

    /**
     * A lease on the plan cached under {@code key}, made by {@code planner} on a miss. {@code key} must determine the
     * plan completely (equal keys, interchangeable plans) and have value semantics.
     */
    Lease lease(Object key, Supplier<FftPlan> planner) {
        Lease hit = leaseIfCached(key);
        return hit != null ? hit : leaseNew(key, planner.get());
    }

    /**
     * A lease on the plan cached under {@code key}, counted as a hit, or null (nothing counted): callers on a hot path
     * build their planner only after a null, so a hit allocates no planner.
     */
    Lease leaseIfCached(Object key) {
        Entry e = entries.get(key);
        if (e != null && e.acquire()) {
            e.lastUse = clock.incrementAndGet();
            hits.increment();
            if (LOG.isDebugEnabled()) {
                LOG.debug("plan cache hit ({} hits, {} misses): {}", hits(), misses(), key);
            }
            return new Lease(e);
        }
        return null;
    }

    /**
     * A lease on {@code plan}, made by the caller outside the lock after {@link #leaseIfCached} found none (a slow
     * plan, tables or FFTW's measurements, must not block other shapes), cached under {@code key}; counted as a miss.
     * If another thread cached one meanwhile, that one is leased and {@code plan} closed.
     */
    Lease leaseNew(Object key, FftPlan plan) {
        Entry e;
        synchronized (this) {
            misses.increment();
            Entry raced = entries.get(key);
            if (raced != null && raced.acquire()) {
                raced.lastUse = clock.incrementAndGet();
                plan.close();
                return new Lease(raced);
            }
            e = new Entry(plan);
            e.acquire();
            e.lastUse = clock.incrementAndGet();
            entries.put(key, e);
            if (LOG.isDebugEnabled()) {
                LOG.debug("plan cache miss ({} hits, {} misses, {} of {} held): {}", hits(), misses(),
                        entries.size(), capacity, key);
            }
            evict();
            return new Lease(e);
        }
    }

    /** Evicts least recently used entries beyond the capacity; the caller holds the lock. */
    private void evict() {
        while (entries.size() > capacity) {
            Map.Entry<Object, Entry> oldest = null;
            for (Map.Entry<Object, Entry> c : entries.entrySet()) {
                if (oldest == null || c.getValue().lastUse < oldest.getValue().lastUse) {
                    oldest = c;
                }
            }
            if (oldest == null || !entries.remove(oldest.getKey(), oldest.getValue())) {
                return;
            }
            oldest.getValue().evict();
            LOG.debug("plan cache evicted {}", oldest.getKey());
        }
    }

    private record Key(FftSpec spec, String provider, int threads) {
        Key {
            Objects.requireNonNull(spec);
        }
    }

    /**
     * A cached plan and its lease count; {@code CLOSED} (negative) once evicted with no lease left, after which no
     * lease can be taken (a lookup that races the close plans afresh).
     */
    private static final class Entry {
        private static final int CLOSED = -1;
        final FftPlan plan;
        final AtomicInteger leases = new AtomicInteger();
        volatile boolean evicted;
        volatile long lastUse;

        Entry(FftPlan plan) {
            this.plan = plan;
        }

        boolean acquire() {
            for (;;) {
                int n = leases.get();
                if (n == CLOSED) {
                    return false;
                }
                if (leases.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (leases.decrementAndGet() == 0 && evicted) {
                tryClose();
            }
        }

        void evict() {
            evicted = true;
            tryClose();
        }

        private void tryClose() {
            if (leases.compareAndSet(0, CLOSED)) {
                plan.close();
            }
        }
    }

    /** A plan in use; closing it lets an evicted plan be closed. Used by one thread. */
    static final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        FftPlan plan() {
            return entry.plan;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                entry.release();
            }
        }
    }
}
