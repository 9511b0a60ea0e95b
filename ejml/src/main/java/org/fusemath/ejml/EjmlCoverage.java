package org.fusemath.ejml;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The coverage report of the EJML facades: how often each facade method ran on fusemath's path and how often it
 * delegated to EJML, so users see what the import change bought them.
 *
 * <p>Counting is off by default and then costs one static boolean check per call. It is switched on by
 * {@code -Dfusemath.ejml.report=coverage} (which also prints {@link #report()} to standard error when the JVM
 * exits) or by {@link #enable()}; {@link #printAtExit()} adds the exit summary programmatically.
 * Keys are {@code "CommonOps_DDRM.mult(DMatrix1Row,DMatrix1Row,DMatrix1Row)"}: the facade class's simple name,
 * the method name and the erased parameter types' simple names. All methods are thread-safe.
 */
public final class EjmlCoverage {

    /** System property that turns the report on; its value must be {@code coverage}. */
    public static final String REPORT_PROPERTY = "fusemath.ejml.report";

    /** The counts of one facade method. */
    public record Counts(long accelerated, long delegated) {
        /** All calls counted. */
        public long total() {
            return accelerated + delegated;
        }
    }

    // The hot path reads only this flag when the report is off.
    private static volatile boolean enabled;
    private static boolean hookRegistered;

    private static final ConcurrentHashMap<String, LongAdder[]> COUNTS = new ConcurrentHashMap<>();

    static {
        String v = System.getProperty(REPORT_PROPERTY);
        if (v != null && v.trim().equalsIgnoreCase("coverage")) {
            enable();
            printAtExit();
        }
    }

    private EjmlCoverage() {
    }

    /** Counts a call of {@code key} that ran on fusemath's path. */
    public static void accelerated(String key) {
        if (enabled) {
            count(key, 0);
        }
    }

    /** Counts a call of {@code key} that delegated to EJML. */
    public static void delegated(String key) {
        if (enabled) {
            count(key, 1);
        }
    }

    private static void count(String key, int slot) {
        LongAdder[] adders = COUNTS.get(key);
        if (adders == null) {
            adders = COUNTS.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        }
        adders[slot].increment();
    }

    /** Starts counting calls (counts already taken are kept). */
    public static void enable() {
        enabled = true;
    }

    /** Stops counting calls (counts already taken are kept). */
    public static void disable() {
        enabled = false;
    }

    /** Whether calls are being counted. */
    public static boolean isEnabled() {
        return enabled;
    }

    /** Discards every count. */
    public static void reset() {
        COUNTS.clear();
    }

    /** Prints {@link #report()} to standard error when the JVM exits; calling it again does nothing more. */
    public static synchronized void printAtExit() {
        if (hookRegistered) {
            return;
        }
        hookRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> printReport(System.err), "fusemath-ejml-coverage"));
    }

    /** The counts taken so far, by key in alphabetical order; a copy that later calls do not change. */
    public static Map<String, Counts> snapshot() {
        Map<String, Counts> copy = new TreeMap<>();
        COUNTS.forEach((k, a) -> copy.put(k, new Counts(a[0].sum(), a[1].sum())));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The counts as readable text: a summary line with the totals and the accelerated share, then one line per
     * method, most called first, with its accelerated and delegated counts.
     */
    public static String report() {
        return format(snapshot());
    }

    static void printReport(PrintStream out) {
        out.print(report());
        out.flush();
    }

    static String format(Map<String, Counts> counts) {
        Objects.requireNonNull(counts, "counts");
        long acc = 0;
        long del = 0;
        List<Map.Entry<String, Counts>> rows = new ArrayList<>(counts.entrySet());
        for (Map.Entry<String, Counts> e : rows) {
            acc += e.getValue().accelerated();
            del += e.getValue().delegated();
        }
        rows.sort((x, y) -> {
            int c = Long.compare(y.getValue().total(), x.getValue().total());
            return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
        long total = acc + del;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "fusemath EJML coverage: %d calls to %d methods, %d accelerated (%.1f%%), %d delegated to EJML%n",
                total, rows.size(), acc, total == 0 ? 0.0 : 100.0 * acc / total, del));
        if (rows.isEmpty()) {
            sb.append(enabled ? "  (no facade method was called)" : "  (coverage counting is off)")
                    .append(System.lineSeparator());
            return sb.toString();
        }
        int width = 6;
        for (Map.Entry<String, Counts> e : rows) {
            width = Math.max(width, e.getKey().length());
        }
        sb.append(String.format(Locale.ROOT, "  %-" + width + "s %12s %12s%n", "method", "accelerated", "delegated"));
        for (Map.Entry<String, Counts> e : rows) {
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s %12d %12d%n", e.getKey(),
                    e.getValue().accelerated(), e.getValue().delegated()));
        }
        return sb.toString();
    }
}
