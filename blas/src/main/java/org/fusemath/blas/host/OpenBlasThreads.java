package org.fusemath.blas.host;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.fusemath.api.Arguments;

/**
 * Gives each host call the OpenBLAS thread count its caller asked for, although OpenBLAS keeps one count
 * for the whole process. The shipped OpenBLAS (pthreads build) exports {@code openblas_set_num_threads_local},
 * but there it only sets the process-wide count and returns the old one; the count a call uses is read from
 * that global when the call starts (and again by each inner BLAS call of LAPACK's reference routines), so a
 * thread changing it would change other threads' running calls.
 *
 * <p>So every call big enough for OpenBLAS to thread ({@link HostCallPolicy}) holds a gate for its duration:
 * calls asking for the count in force run concurrently; a call asking for another count waits until those
 * have returned, sets the count, then runs (first come, first served between counts, so neither side starves).
 * Calls too small for OpenBLAS to thread do not touch the gate. A thread's count is the last one it asked for
 * through {@link NativeBlas#ensureThreads(int)} (the context's thread count, set by the host providers), or
 * {@code availableProcessors()} (like {@code FuseContext.defaults()}) when it never asked.
 *
 * <p>Cost: an uncontended entry and exit take a lock twice (tens of nanoseconds); a change of count makes one
 * native call. Two threads that alternate counts serialise their large calls, which is what honouring both
 * counts on one OpenBLAS instance means. Thread-safe.
 */
final class OpenBlasThreads {
    private static final int DEFAULT = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ThreadLocal<int[]> REQUESTED = ThreadLocal.withInitial(() -> new int[] {DEFAULT});
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition TURN = LOCK.newCondition();
    /** Waiting calls in arrival order (their counts); guarded by LOCK. */
    private static final ArrayDeque<int[]> WAITING = new ArrayDeque<>();
    /** The count set in OpenBLAS by this gate, -1 before the first; guarded by LOCK. */
    private static int inForce = -1;
    /** Calls running under {@link #inForce}; guarded by LOCK. */
    private static int active;

    private OpenBlasThreads() {
    }

    /**
     * Sets the count the calling thread's next host calls use, capped at the available processors: more only
     * oversubscribe them (measured on 2 cores: at a requested 1,000,000 threads OpenBLAS started 62 more OS threads
     * and a 1024^3 DGEMM took 8.7 s instead of 0.41 s).
     */
    static void request(int threads) {
        Arguments.requirePositive("threads", threads);
        REQUESTED.get()[0] = Math.min(threads, DEFAULT);
    }

    /** The count the calling thread's host calls use. */
    static int requested() {
        return REQUESTED.get()[0];
    }

    /** The count set in OpenBLAS by the gate (-1 before the first gated call). */
    static int inForce() {
        LOCK.lock();
        try {
            return inForce;
        } finally {
            LOCK.unlock();
        }
    }

    /** Calls now holding the gate. */
    static int active() {
        LOCK.lock();
        try {
            return active;
        } finally {
            LOCK.unlock();
        }
    }

    /** Enters the gate with {@code threads}, waiting while calls with another count run; pair with {@link #exit()}. */
    static void enter(int threads) {
        LOCK.lock();
        try {
            if (!(WAITING.isEmpty() && (active == 0 || inForce == threads))) {
                int[] me = {threads};
                WAITING.addLast(me);
                boolean interrupted = false;
                while (WAITING.peekFirst() != me || !(active == 0 || inForce == threads)) {
                    try {
                        TURN.await();
                    } catch (InterruptedException e) {
                        interrupted = true; // the caller expects its call made; keep the flag for it
                    }
                }
                WAITING.removeFirst();
                TURN.signalAll(); // the next waiter may ask for the same count and join
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (inForce != threads) {
                openblas_nolapack.blas_set_num_threads(threads);
                inForce = threads;
            }
            active++;
        } finally {
            LOCK.unlock();
        }
    }

    /** Leaves the gate. */
    static void exit() {
        LOCK.lock();
        try {
            active--;
            if (active == 0 && !WAITING.isEmpty()) {
                TURN.signalAll();
            }
        } finally {
            LOCK.unlock();
        }
    }
}
