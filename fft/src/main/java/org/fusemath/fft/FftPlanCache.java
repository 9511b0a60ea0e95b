package org.fusemath.fft;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.Arguments;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded, thread-safe LRU cache of plans behind {@link FftOps}, keyed by everything that changes a plan (the
 * spec, the provider, the thread count). Hits and misses are counted and logged at debug level
 * ({@code org.fusemath.fft.FftPlanCache}). An evicted plan is closed once no call is still executing it. The
 * capacity defaults to {@code -Dfusemath.fft.planCacheSize} or 64.
 */
public final class FftPlanCache {
    private static final Logger LOG = LoggerFactory.getLogger(FftPlanCache.class);
    private static final FftPlanCache SHARED = new FftPlanCache(Integer.getInteger("fusemath.fft.planCacheSize", 64));

    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private int capacity;

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
        return hits.get();
    }

    /** Lookups that had to plan. */
    public long misses() {
        return misses.get();
    }

    /** The plans held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** The most plans held. */
    public synchronized int capacity() {
        return capacity;
    }

    /** Changes the capacity (>= 1), evicting the least recently used plans beyond it. */
    public synchronized void setCapacity(int value) {
        capacity = Arguments.requirePositive("capacity", value);
        evict();
    }

    /** Evicts every plan. */
    public synchronized void clear() {
        for (Entry e : entries.values()) {
            e.evict();
        }
        entries.clear();
    }

    /** A lease on the plan of {@code spec} from {@code provider} with {@code threads}; close it after executing. */
    Lease lease(FftSpec spec, FftProvider provider, int threads) {
        Key key = new Key(spec, provider.name(), threads);
        Entry e;
        synchronized (this) {
            e = entries.get(key);
            if (e != null) {
                e.leases++;
                hits.incrementAndGet();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("plan cache hit ({} hits, {} misses): {}", hits.get(), misses.get(), key);
                }
                return new Lease(this, e);
            }
        }
        // Planned outside the lock: a slow plan (tables, FFTW's measurements) must not block other shapes.
        FftPlan plan = provider.plan(spec, threads);
        synchronized (this) {
            misses.incrementAndGet();
            Entry raced = entries.get(key);
            if (raced != null) {
                raced.leases++;
                plan.close();
                return new Lease(this, raced);
            }
            e = new Entry(plan);
            e.leases = 1;
            entries.put(key, e);
            if (LOG.isDebugEnabled()) {
                LOG.debug("plan cache miss ({} hits, {} misses, {} of {} held): {}", hits.get(), misses.get(),
                        entries.size(), capacity, key);
            }
            evict();
            return new Lease(this, e);
        }
    }

    private void evict() {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Map.Entry<Key, Entry> oldest = it.next();
            it.remove();
            oldest.getValue().evict();
            LOG.debug("plan cache evicted {}", oldest.getKey());
        }
    }

    private synchronized void release(Entry e) {
        e.leases--;
        if (e.evicted && e.leases == 0) {
            e.plan.close();
        }
    }

    private record Key(FftSpec spec, String provider, int threads) {
        Key {
            Objects.requireNonNull(spec);
        }
    }

    private static final class Entry {
        final FftPlan plan;
        int leases;
        boolean evicted;

        Entry(FftPlan plan) {
            this.plan = plan;
        }

        void evict() {
            evicted = true;
            if (leases == 0) {
                plan.close();
            }
        }
    }

    /** A plan in use; closing it lets an evicted plan be closed. */
    static final class Lease implements AutoCloseable {
        private final FftPlanCache cache;
        private final Entry entry;
        private boolean released;

        private Lease(FftPlanCache cache, Entry entry) {
            this.cache = cache;
            this.entry = entry;
        }

        FftPlan plan() {
            return entry.plan;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                cache.release(entry);
            }
        }
    }
}
