package org.fusemath.blas.host;

import org.slf4j.LoggerFactory;

/**
 * Bounds how much work the host call table hands to one critical downcall. On JDK 22+ the BLAS and LAPACK
 * calls pass the caller's heap arrays to critical FFM downcalls (no copies); on JDK 17–21 the real-type calls
 * pass them to dev.ludovic.netlib's JNI shims, which hold them with {@code GetPrimitiveArrayCritical} for the
 * whole call. While such a call runs, the next GC waits until it returns (JDK 17–21: the JVM's GC locker
 * defers collections while any thread holds an array critical; JDK 22+: the thread cannot reach a safepoint,
 * so any pause of the whole JVM waits), so a 2048³ GEMM holds every other thread of a service for its full
 * duration at the next collection. A level-3 or LAPACK call whose work (the product of its dimensions, e.g.
 * m·n·k for a GEMM) exceeds the limit takes the staging path instead: the operands are copied to reused
 * off-heap buffers and the call is an ordinary native call, during which the JVM carries on (the copies cost
 * a few percent for such sizes).
 *
 * <p>The limit comes from the system property {@value #PROPERTY} (a count, {@code 1e9} accepted: about 10 to
 * 20 ms of single-core GEMM here); without it every call is critical, the fastest choice. Honoured by both the
 * FFM and the netlib JNI call tables (the JavaCPP table always stages). Thread-safe.
 */
public final class CriticalCalls {
    /** The system property holding the limit. */
    public static final String PROPERTY = "fusemath.host.criticalWorkLimit";

    private static volatile long limit = parse(System.getProperty(PROPERTY));

    private CriticalCalls() {
    }

    /** The largest work passed to one critical downcall ({@link Long#MAX_VALUE}: no limit). */
    public static long limit() {
        return limit;
    }

    /** Whether a call of this much work may run as a critical downcall. */
    static boolean allowed(long work) {
        return work <= limit;
    }

    /** Sets the limit for this JVM (tests; the property sets it at start-up). */
    static void setLimit(long value) {
        limit = value;
    }

    /** The limit a property value gives: no limit when absent; a bad value is logged and ignored. */
    static long parse(String value) {
        if (value == null || value.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            double v = Double.parseDouble(value.trim());
            if (v >= 0) {
                return v >= 0x1p63 ? Long.MAX_VALUE : (long) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LoggerFactory.getLogger(CriticalCalls.class).warn("ignoring -D{}={}: expected a count of multiply-adds >= 0,"
                + " e.g. 1e9; every host call stays critical", PROPERTY, value);
        return Long.MAX_VALUE;
    }
}
