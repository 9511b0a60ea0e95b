package org.fusemath.blas.host;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.fusemath.api.FusemathException;
import org.slf4j.LoggerFactory;

/**
 * Runs the host native calls that need a deep native stack on fusemath-owned threads created with one, so
 * that a call is safe whatever the caller's stack: a request thread, an executor or ForkJoinPool worker, or
 * the carrier of a virtual thread (often 1 MB or less, or a JVM started with {@code -Xss256k}).
 *
 * <p>Why: OpenBLAS's threaded LU ({@code getrf}, used for solve, inverse and determinant) puts an array sized
 * by the build's thread limit (64 in the shipped build) on the stack at each level of its recursion, about
 * 520 KB a level. Measured with this build (child JVMs, binary search over the calling thread's stack): the
 * smallest stack that survives is 3.2 MB for F64 and 4.3 MB for F32, C64 and C128 at every n from 600 to 4000
 * (2.7 MB at n = 142 to 200); a smaller one kills the JVM with SIGSEGV and no error report. The depth does not grow with n
 * beyond a few hundred, because each level's panel is at most the GEMM blocking depth, so n = 10⁴ needs the
 * same; the kernels of other x86-64 cores block deeper (up to about 9 levels, ~5 MB). The default stack,
 * {@value #DEFAULT_STACK_MB} MB, keeps a margin of three over that. With one OpenBLAS thread getrf takes the
 * unthreaded path, which needs no deep stack, and the other routines fusemath calls need less than 144 KB
 * at threaded sizes: those run inline on the caller's thread (see {@link HostCallPolicy}).
 *
 * <p>A hand-off costs about 10 µs on the loaded 2-core dev machine (figures in {@code blas/README.md}); it is
 * taken only for an LU of at least 10⁴ matrix elements (4·10⁴ in single precision), which takes 100 µs or more.
 * On Java 22+ a caller whose own stack is at least {@link #stackSize()} (a JVM started with {@code -Xss16m}, or a
 * thread made with that size) runs the call inline instead ({@link #mayRunInline()}): the same stack as these
 * threads', less the caller's Java frames, which leaves several times the measured need; no wake-ups of a second
 * thread then sit between the caller's passes over memory and the LAPACK call.
 * The caller waits uninterruptibly (the call writes the caller's arrays until it returns; an interrupt is kept
 * and re-asserted afterwards) and receives the call's exception as thrown. At most
 * {@code availableProcessors()} calls run at once (more would only oversubscribe OpenBLAS's own threads); idle
 * threads end after a minute.
 *
 * <p>The stack size comes from the system property {@value #PROPERTY} (bytes, or with a {@code k}, {@code m}
 * or {@code g} suffix). Thread-safe.
 */
public final class NativeCallThreads {
    /** The system property holding the native-call threads' stack size. */
    public static final String PROPERTY = "fusemath.host.nativeStackSize";
    static final long DEFAULT_STACK_MB = 16;
    private static final long STACK = parseSize(System.getProperty(PROPERTY));
    private static final AtomicLong HAND_OFFS = new AtomicLong();
    private static final ThreadLocal<Boolean> OWN = new ThreadLocal<>();

    private NativeCallThreads() {
    }

    /** The pool, made on first use. */
    private static final class Pool {
        static final ThreadPoolExecutor EXECUTOR = create();

        private static ThreadPoolExecutor create() {
            int size = Math.max(1, Runtime.getRuntime().availableProcessors());
            AtomicInteger ids = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(null, () -> {
                    OWN.set(Boolean.TRUE);
                    r.run();
                }, "fusemath-native-" + ids.incrementAndGet(), STACK);
                t.setDaemon(true);
                return t;
            };
            ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    factory);
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** The native-call threads' stack size in bytes. */
    public static long stackSize() {
        return STACK;
    }

    /** Whether the calling thread is one of the native-call threads (a call made there runs inline). */
    static boolean onNativeCallThread() {
        return OWN.get() != null;
    }

    /**
     * Whether a deep-stack call may run on the calling thread: it is a native-call thread, or (Java 22+, where the
     * thread's stack size can be asked) a platform thread whose stack is at least {@link #stackSize()}.
     */
    static boolean mayRunInline() {
        return onNativeCallThread() || CallerStack.size() >= STACK;
    }

    /** Calls handed to the native-call threads so far (tests). */
    static long handOffs() {
        return HAND_OFFS.get();
    }

    /** Runs {@code call} on a native-call thread (inline when already on one) and returns its result. */
    static int call(IntSupplier call) {
        if (onNativeCallThread()) {
            return call.getAsInt();
        }
        FutureTask<Integer> task = new FutureTask<>(call::getAsInt);
        HAND_OFFS.incrementAndGet();
        Pool.EXECUTOR.execute(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // The native call is writing the caller's arrays: returning now would hand them back mid-call.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new FusemathException("native call failed on " + Thread.currentThread().getName(), cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The stack size a property value gives: the default when absent; a bad value is logged and ignored. */
    static long parseSize(String value) {
        long fallback = DEFAULT_STACK_MB << 20;
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        int shift = switch (v.charAt(v.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1));
            // Below 1 MB the threads would not hold OpenBLAS's LU: refuse rather than crash later.
            if (n > 0 && n <= (1L << 40 >> shift) && n << shift >= (1L << 20)) {
                return n << shift;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LoggerFactory.getLogger(NativeCallThreads.class).warn("ignoring -D{}={}: expected a stack size of at least 1m,"
                + " e.g. 16m; using {} MB", PROPERTY, value, DEFAULT_STACK_MB);
        return fallback;
    }
}
