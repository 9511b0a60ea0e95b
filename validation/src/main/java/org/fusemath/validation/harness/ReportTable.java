package org.fusemath.validation.harness;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints validation outcomes as an aligned text table, one row as each case completes. The widths of
 * the name columns are fixed from the planned cases so rows can be printed before the run ends.
 */
public final class ReportTable {
    private final PrintWriter out;
    private final String rowFormat;
    private final Set<String> skipReasons = new LinkedHashSet<>();

    /** A table on {@code out} sized for {@code planned}. */
    public ReportTable(PrintWriter out, List<ValidationRunner.Planned> planned) {
        this.out = out;
        int op = "op".length();
        int shape = "shape".length();
        for (ValidationRunner.Planned p : planned) {
            String name = p.validationCase() == null ? "(suite " + p.suite() + ")" : p.validationCase().op();
            op = Math.max(op, name.length());
            shape = Math.max(shape, p.validationCase() == null ? 1 : String.valueOf(p.validationCase().shape()).length());
        }
        this.rowFormat = "%-" + op + "s  %-5s  %-" + shape + "s  %-6s  %10s  %10s  %-6s  %10s%n";
    }

    /** Prints the column titles. */
    public void header() {
        out.printf(Locale.ROOT, rowFormat, "op", "dtype", "shape", "space", "error", "bound", "status", "time");
        out.flush();
    }

    /** Prints one outcome; a failure's message follows on its own line. */
    public void row(CaseOutcome o) {
        out.printf(Locale.ROOT, rowFormat, o.op(), o.dtype(), o.shape(), o.space(), number(o.error()), number(o.bound()),
                o.status(), o.status() == CaseStatus.SKIP ? "-" : String.format(Locale.ROOT, "%.1f ms", o.millis()));
        if (o.status() == CaseStatus.FAIL && o.message() != null) {
            out.println("    FAIL: " + o.message());
        }
        if (o.status() == CaseStatus.SKIP && o.message() != null) {
            skipReasons.add(o.space() + " cases skipped: " + o.message());
        }
        out.flush();
    }

    /** Prints the skip reasons once each and the counts. */
    public void footer(ValidationReport.Summary summary) {
        for (String reason : skipReasons) {
            out.println(reason);
        }
        out.printf(Locale.ROOT, "%d cases: %d passed, %d failed, %d skipped%n", summary.total(), summary.passed(),
                summary.failed(), summary.skipped());
        out.flush();
    }

    /**
     * Says what the error column holds: each case's error beside the bound it must stay within (PASS when error ≤ bound),
     * and, once per metric the cases used, what that error measures and which operations measured it.
     */
    public void legend(List<CaseOutcome> outcomes) {
        java.util.Map<String, Set<String>> byMetric = new java.util.TreeMap<>();
        for (CaseOutcome o : outcomes) {
            if (o.metric() != null) {
                byMetric.computeIfAbsent(o.metric(), m -> new java.util.TreeSet<>()).add(CaseSelection.family(o.op()));
            }
        }
        if (byMetric.isEmpty()) {
            return;
        }
        out.println("error: what each case measured beside its bound, PASS when error <= bound (a NaN fails); per metric:");
        for (java.util.Map.Entry<String, Set<String>> e : byMetric.entrySet()) {
            out.println("  " + e.getKey() + explain(e.getKey()) + ": " + String.join(", ", e.getValue()));
        }
        out.flush();
    }

    /** A gloss for the metrics whose name alone does not say what the bound is. */
    private static String explain(String metric) {
        if (metric.startsWith("max |error| /") || metric.equals("error / bound") || metric.equals("max |error|/bound")) {
            return " (each element's error in units of its own error bound c*gamma(k)*|A||x|, so the bound is 1)";
        }
        if (metric.equals("mismatches")) {
            return " (values that differ from the reference, bit for bit; the bound is 0)";
        }
        return "";
    }

    /** An error or bound: integers (mismatch counts, zero bounds) as such, the rest in scientific notation. */
    static String number(Double v) {
        if (v == null) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString(v.longValue());
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
