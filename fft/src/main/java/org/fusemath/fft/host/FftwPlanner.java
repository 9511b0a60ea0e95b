package org.fusemath.fft.host;

import java.lang.ref.Cleaner;
import org.fusemath.api.Arguments;
import org.fusemath.api.FusemathException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes FFTW plans one at a time: FFTW's planner, plan destruction and wisdom share global state and are not
 * thread-safe (only the execute calls are), so every such call in the process holds {@link #LOCK}, including
 * the destruction of forgotten plans on the cleaner thread. The flags are the options' effort plus
 * {@code FFTW_UNALIGNED} when the call table executes on the caller's heap arrays (no SIMD alignment can be
 * assumed there). Thread-safe.
 */
final class FftwPlanner {
    /** Guards every FFTW call other than execute, process-wide. */
    static final Object LOCK = new Object();
    /** {@code FFTW_UNALIGNED}. */
    static final int UNALIGNED = 1 << 1;
    static final Cleaner CLEANER = Cleaner.create();
    private static final Logger LOG = LoggerFactory.getLogger(FftwPlanner.class);

    private FftwPlanner() {
    }

    /** A plan of {@code guru} on {@code table}, made under the lock; throws when FFTW has no plan for it. */
    static FftwPlan plan(NativeFftw table, FftwGuru guru, FftwOptions options) {
        Arguments.requireNonNull(guru, "guru");
        Arguments.requireNonNull(options, "options");
        boolean onHeap = table.executesOnHeap(guru);
        int flags = options.effort().flag() | (onHeap ? UNALIGNED : 0);
        long plan;
        long started = System.nanoTime();
        synchronized (LOCK) {
            table.planWithThreads(guru.single(), options.threads());
            plan = table.plan(guru, flags);
        }
        if (plan == 0) {
            throw new FusemathException("FFTW has no plan for " + guru + " with " + options
                    + (options.effort() == FftwEffort.WISDOM_ONLY ? " (no wisdom for this problem was imported)" : ""));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("fftw plan {} {} dims={} howmany={} flags=0x{} ({}, {} threads, {}) in {} us", guru.kind(),
                    guru.single() ? "single" : "double", guru.dims(), guru.howmany(), Integer.toHexString(flags),
                    options.effort(), options.threads(), onHeap ? "on the caller's arrays" : "through aligned staging",
                    (System.nanoTime() - started) / 1000);
        }
        return new FftwPlan(table, guru, plan, onHeap, options.overwriteInput());
    }

    /**
     * A plan of {@code guru} for native operands whose input and output lie {@code inMisalignment} and
     * {@code outMisalignment} bytes past a 64-byte boundary: planned on scratch at those offsets with the options'
     * effort alone (no {@code FFTW_UNALIGNED}), so FFTW itself chooses what that alignment allows, SIMD codelets
     * included where it is enough. Made under the lock; throws when FFTW has no plan for it.
     */
    static FftwPlan planAt(NativeFftw table, FftwGuru guru, FftwOptions options, int inMisalignment, int outMisalignment) {
        Arguments.requireNonNull(guru, "guru");
        Arguments.requireNonNull(options, "options");
        int flags = options.effort().flag();
        long plan;
        synchronized (LOCK) {
            table.planWithThreads(guru.single(), options.threads());
            plan = table.planAt(guru, flags, inMisalignment, outMisalignment);
        }
        if (plan == 0) {
            throw new FusemathException("FFTW has no plan for " + guru + " with " + options + " on native memory"
                    + (options.effort() == FftwEffort.WISDOM_ONLY ? " (no wisdom for this problem was imported)" : ""));
        }
        LOG.debug("fftw plan {} {} dims={} howmany={} flags=0x{} on native memory {} / {} bytes past 64 ({} threads)",
                guru.kind(), guru.single() ? "single" : "double", guru.dims(), guru.howmany(), Integer.toHexString(flags),
                inMisalignment, outMisalignment, options.threads());
        return new FftwPlan(table, guru, plan, false, options.overwriteInput(),
                inMisalignment << 6 | outMisalignment);
    }

    /** Destroys {@code plan} under the lock. */
    static void destroy(NativeFftw table, boolean single, long plan) {
        synchronized (LOCK) {
            table.destroy(single, plan);
        }
    }
}
