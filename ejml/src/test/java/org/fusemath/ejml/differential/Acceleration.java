package org.fusemath.ejml.differential;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Forces the facades above or below their acceleration thresholds and tells whether a call ran accelerated, through
 * {@code EjmlExecution} and {@code EjmlCoverage} when they are on the class path (looked up reflectively so the
 * harness also runs EJML against itself where the facades are absent).
 */
final class Acceleration {

    /** Where a call is forced relative to the thresholds. */
    enum Side {
        /** Every family's threshold 0: each method that can accelerate does. */
        ABOVE,
        /** Every family's threshold Long.MAX_VALUE: each method delegates to EJML. */
        BELOW
    }

    private static final Class<?> EXECUTION = find("org.fusemath.ejml.EjmlExecution");
    private static final Class<?> COVERAGE = find("org.fusemath.ejml.EjmlCoverage");

    private Acceleration() {
    }

    /** Whether the switch exists (else only {@link Side#BELOW} is meaningful). */
    static boolean available() {
        return EXECUTION != null && COVERAGE != null;
    }

    /** Sets every family's threshold for the given side and turns the coverage count on. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void force(Side side) {
        if (!available()) {
            return;
        }
        try {
            Class<? extends Enum> family = (Class<? extends Enum>) find("org.fusemath.ejml.EjmlExecution$Family");
            Method setThreshold = EXECUTION.getMethod("setThreshold", family, long.class);
            for (Object f : family.getEnumConstants()) {
                setThreshold.invoke(null, f, side == Side.ABOVE ? 0L : Long.MAX_VALUE);
            }
            COVERAGE.getMethod("enable").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EjmlExecution's threshold setters changed", e);
        }
    }

    /** Restores the settings from the system properties and stops counting. */
    static void reset() {
        if (!available()) {
            return;
        }
        try {
            EXECUTION.getMethod("reset").invoke(null);
            COVERAGE.getMethod("disable").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EjmlExecution.reset changed", e);
        }
    }

    /** The total number of accelerated calls counted so far (0 without the facades). */
    static long acceleratedCalls() {
        if (!available()) {
            return 0;
        }
        try {
            Map<?, ?> snapshot = (Map<?, ?>) COVERAGE.getMethod("snapshot").invoke(null);
            long sum = 0;
            for (Object counts : snapshot.values()) {
                sum += (Long) counts.getClass().getMethod("accelerated").invoke(counts);
            }
            return sum;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EjmlCoverage.snapshot changed", e);
        }
    }

    private static Class<?> find(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
