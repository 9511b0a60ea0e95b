package org.fusemath.ejml;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.fusemath.api.InvalidArgumentException;
import org.slf4j.LoggerFactory;

/**
 * The execution switch of the EJML facades: whether facade methods may leave EJML at all, whether they may use
 * a GPU, and the size above which each family of methods runs on fusemath's providers.
 *
 * <p>Settings start from system properties read when this class is initialised (and again by
 * {@link #reset()}):
 * <ul>
 *   <li>{@code fusemath.ejml.mode=accelerate|ejml}: {@code ejml} makes every facade method delegate to EJML
 *       (default {@code accelerate});</li>
 *   <li>{@code fusemath.ejml.device=true|false}: allow large calls to run on a GPU when one is present
 *       (default {@code false}: host only; without a device the host path runs, never an exception);</li>
 *   <li>{@code fusemath.ejml.threshold.<family>=<size>} with families {@code mult}, {@code solve},
 *       {@code elementwise}, {@code decomposition}: a call is accelerated when its size is at least this value.
 *       The size each family compares is stated by that family's classes (the mult family compares the number
 *       of multiply-adds {@code m*n*k}). Without the property each method uses its own measured default.</li>
 * </ul>
 *
 * <p>All methods are thread-safe: the settings are volatile fields, so a change made on one thread is seen by
 * calls that start afterwards on any thread. The settings are process-wide.
 */
public final class EjmlExecution {

    /** What the facades may do. */
    public enum Mode {
        /** Methods with an accelerated path use it above their threshold (the default). */
        ACCELERATE,
        /** Every facade method delegates to EJML: results are EJML's, bit for bit. */
        EJML
    }

    /** A family of facade methods sharing one threshold. */
    public enum Family {
        /** mult, multTransA/B/AB, multAdd*, multInner, multOuter; size = multiply-adds m*n*k. */
        MULT("mult"),
        /** solve, invert, det, pinv, solveSPD, invertSPD. */
        SOLVE("solve"),
        /** Large element-wise operations. */
        ELEMENTWISE("elementwise"),
        /** Decompositions behind the factories. */
        DECOMPOSITION("decomposition");

        private final String propertyName;

        Family(String name) {
            this.propertyName = "fusemath.ejml.threshold." + name;
        }

        /** The system property that sets this family's threshold. */
        public String propertyName() {
            return propertyName;
        }
    }

    /** System property of the mode. */
    public static final String MODE_PROPERTY = "fusemath.ejml.mode";
    /** System property that allows the device. */
    public static final String DEVICE_PROPERTY = "fusemath.ejml.device";

    /** Marks "no threshold set by the user": each method then uses its measured default. */
    private static final long UNSET = -1L;

    private static volatile Mode mode;
    private static volatile boolean deviceAllowed;
    // Copy-on-write so readers see one consistent map without locking.
    private static volatile Map<Family, Long> thresholds;

    static {
        try {
            reset();
        } catch (InvalidArgumentException e) {
            // A malformed property must not stop the facade classes from loading (an ExceptionInInitializerError,
            // then NoClassDefFoundError on every later call): warn once and run with the defaults. An explicit
            // reset() still throws, naming the property and its value.
            LoggerFactory.getLogger(EjmlExecution.class).warn("fusemath.ejml settings ignored, defaults used: {}",
                    e.getMessage());
            mode = Mode.ACCELERATE;
            deviceAllowed = false;
            Map<Family, Long> map = new EnumMap<>(Family.class);
            for (Family f : Family.values()) {
                map.put(f, UNSET);
            }
            thresholds = map;
        }
    }

    private EjmlExecution() {
    }

    /** Re-reads every setting from the system properties, discarding programmatic changes. */
    public static synchronized void reset() {
        mode = parseMode(System.getProperty(MODE_PROPERTY));
        deviceAllowed = parseBoolean(DEVICE_PROPERTY, System.getProperty(DEVICE_PROPERTY));
        Map<Family, Long> map = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            String v = System.getProperty(f.propertyName());
            map.put(f, v == null ? UNSET : parseThreshold(f.propertyName(), v));
        }
        thresholds = map;
    }

    /** The current mode. */
    public static Mode mode() {
        return mode;
    }

    /** Sets the mode for calls that start from now on. */
    public static void setMode(Mode newMode) {
        mode = Objects.requireNonNull(newMode, "newMode");
    }

    /** Whether large calls may run on a GPU when one is present. */
    public static boolean deviceAllowed() {
        return deviceAllowed;
    }

    /** Allows or forbids the device for calls that start from now on. */
    public static void setDeviceAllowed(boolean allowed) {
        deviceAllowed = allowed;
    }

    /**
     * Sets the threshold of a family: calls of at least {@code size} (in the family's measure) are accelerated.
     * 0 accelerates every call the family can accelerate; {@link Long#MAX_VALUE} none.
     */
    public static synchronized void setThreshold(Family family, long size) {
        Objects.requireNonNull(family, "family");
        if (size < 0) {
            throw new InvalidArgumentException("size", size, "a threshold >= 0");
        }
        Map<Family, Long> map = new EnumMap<>(thresholds);
        map.put(family, size);
        thresholds = map;
    }

    /** Forgets a programmatic or property threshold of a family, so its methods use their measured defaults. */
    public static synchronized void clearThreshold(Family family) {
        Objects.requireNonNull(family, "family");
        Map<Family, Long> map = new EnumMap<>(thresholds);
        map.put(family, UNSET);
        thresholds = map;
    }

    /** Whether a threshold was set for the family (by property or programmatically). */
    public static boolean hasThreshold(Family family) {
        return thresholds.get(family) != UNSET;
    }

    /** The family's threshold: the one set by property or programmatically, else {@code measuredDefault}. */
    public static long threshold(Family family, long measuredDefault) {
        long t = thresholds.get(family);
        return t == UNSET ? measuredDefault : t;
    }

    /**
     * Whether a call of the family and size should take fusemath's path: the mode is {@link Mode#ACCELERATE}
     * and {@code size >= threshold(family, measuredDefault)}.
     */
    public static boolean accelerate(Family family, long size, long measuredDefault) {
        return mode == Mode.ACCELERATE && size >= threshold(family, measuredDefault);
    }

    private static Mode parseMode(String v) {
        if (v == null || v.isBlank()) {
            return Mode.ACCELERATE;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "accelerate":
                return Mode.ACCELERATE;
            case "ejml":
                return Mode.EJML;
            default:
                throw new InvalidArgumentException(MODE_PROPERTY, v, "accelerate or ejml");
        }
    }

    private static boolean parseBoolean(String property, String v) {
        if (v == null || v.isBlank()) {
            return false;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidArgumentException(property, v, "true or false");
        }
    }

    private static long parseThreshold(String property, String v) {
        long t;
        try {
            t = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(property, v, "a whole number >= 0");
        }
        if (t < 0) {
            throw new InvalidArgumentException(property, v, "a whole number >= 0");
        }
        return t;
    }
}
