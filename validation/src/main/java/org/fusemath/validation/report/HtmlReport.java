package org.fusemath.validation.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.fusemath.api.Arguments;
import org.fusemath.validation.harness.CaseOutcome;
import org.fusemath.validation.harness.CaseSelection;
import org.fusemath.validation.harness.ProblemSize;
import org.fusemath.validation.harness.ValidationReport;

/**
 * Writes {@code fusemath validate --html}: one self-contained page (no external file, script or font) with the
 * summary (counts, machine, JDK, providers, device verdict), the plots of {@link ReportPlots} as inline PNG
 * images, what the error column means, and the cases grouped per operation in tables sortable by any column. A
 * small script sorts the tables and records on {@code <body data-plots-loaded>} how many plots the browser decoded.
 * Stateless; one call writes one page.
 */
public final class HtmlReport {
    /**
     * Where the run happened, as the page's summary shows it.
     *
     * @param machine   OS, CPU model and processors
     * @param java      the JDK's version and vendor
     * @param providers one line per backend: domain, space, name and whether it is usable (and why not)
     * @param provider  the provider's name that served a case (by its suite's domain and its space)
     */
    public record Environment(String machine, String java, List<String> providers, Function<CaseOutcome, String> provider) {
        /** Copies the provider lines. */
        public Environment {
            Arguments.requireNonNull(machine, "machine");
            Arguments.requireNonNull(java, "java");
            providers = List.copyOf(providers);
            Arguments.requireNonNull(provider, "provider");
        }
    }

    private HtmlReport() {
    }

    /** Writes the page for {@code report} to {@code out}, leaving it open. */
    public static void write(ValidationReport report, Environment env, OutputStream out) throws IOException {
        Arguments.requireNonNull(report, "report");
        Arguments.requireNonNull(env, "env");
        List<ReportPlots.Plot> plots = new ArrayList<>(ReportPlots.errorPlots(report.cases()));
        plots.addAll(ReportPlots.timePlots(report.cases(), env.provider()));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder(1 << 16);
        ValidationReport.Summary sum = report.summary();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>fusemath validate: ").append(sum.passed()).append(" passed, ").append(sum.failed())
                .append(" failed, ").append(sum.skipped()).append(" skipped</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body data-plots=\"").append(plots.size()).append("\" data-plots-loaded=\"0\">\n")
                .append("<h1>fusemath validate</h1>\n");
        summary(s, report, env);
        s.append("<section id=\"plots\">\n<h2>Plots</h2>\n");
        for (ReportPlots.Plot p : plots) {
            s.append("<figure class=\"plot\" data-kind=\"").append(p.kind()).append("\" data-group=\"").append(esc(p.group()))
                    .append("\">\n<img alt=\"").append(esc(p.title())).append("\" width=\"560\" height=\"320\" src=\"")
                    .append(p.dataUri()).append("\">\n<figcaption>").append(esc(p.caption())).append("</figcaption>\n</figure>\n");
        }
        s.append("</section>\n");
        cases(s, report.cases());
        s.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        w.write(s.toString());
        w.flush();
    }

    private static void summary(StringBuilder s, ValidationReport report, Environment env) {
        ValidationReport.Summary sum = report.summary();
        s.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"verdict ").append(sum.failed() == 0 ? "pass" : "fail")
                .append("\">").append(sum.failed() == 0 ? "No case failed" : sum.failed() + " case(s) failed").append("</p>\n")
                .append("<table class=\"facts\">\n");
        row(s, "cases", sum.total() + " (" + sum.passed() + " passed, " + sum.failed() + " failed, " + sum.skipped() + " skipped)");
        row(s, "fusemath", report.fusemathVersion());
        row(s, "machine", env.machine());
        row(s, "JDK", env.java());
        row(s, "host call path", report.nativeCallPath());
        row(s, "device", report.device().usable() ? "usable" : "not usable: " + report.device().reason());
        s.append("</table>\n<h3>Providers</h3>\n<ul class=\"providers\">\n");
        for (String p : env.providers()) {
            s.append("<li>").append(esc(p)).append("</li>\n");
        }
        s.append("</ul>\n<h3>What the error column means</h3>\n<p>Each case measures an error and compares it with the bound "
                + "derived from its operation's error analysis: it passes when error &le; bound (a NaN fails). The ratio "
                + "error / bound is what the plots show. Per metric:</p>\n<ul class=\"legend\">\n");
        Map<String, java.util.Set<String>> byMetric = new TreeMap<>();
        for (CaseOutcome o : report.cases()) {
            if (o.metric() != null) {
                byMetric.computeIfAbsent(o.metric(), m -> new java.util.TreeSet<>()).add(CaseSelection.family(o.op()));
            }
        }
        for (Map.Entry<String, java.util.Set<String>> e : byMetric.entrySet()) {
            s.append("<li><code>").append(esc(e.getKey())).append("</code>: ").append(esc(String.join(", ", e.getValue())))
                    .append("</li>\n");
        }
        s.append("</ul>\n</section>\n");
    }

    private static void row(StringBuilder s, String key, String value) {
        s.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static void cases(StringBuilder s, List<CaseOutcome> outcomes) {
        Map<String, List<CaseOutcome>> byOp = new TreeMap<>();
        for (CaseOutcome o : outcomes) {
            byOp.computeIfAbsent(CaseSelection.family(o.op()), k -> new ArrayList<>()).add(o);
        }
        s.append("<section id=\"cases\">\n<h2>Cases per operation</h2>\n<p>Click a column title to sort its table.</p>\n");
        for (Map.Entry<String, List<CaseOutcome>> op : byOp.entrySet()) {
            long failed = op.getValue().stream().filter(o -> o.status().name().equals("FAIL")).count();
            s.append("<details").append(failed > 0 ? " open" : "").append(" class=\"op\" data-op=\"").append(esc(op.getKey()))
                    .append("\">\n<summary>").append(esc(op.getKey())).append(": ").append(op.getValue().size()).append(" cases")
                    .append(failed > 0 ? ", " + failed + " failed" : "").append("</summary>\n<table class=\"sortable\">\n<thead><tr>");
            for (String h : new String[] {"op", "dtype", "shape", "space", "error", "bound", "error / bound", "status", "time (ms)",
                "message"}) {
                s.append("<th>").append(esc(h)).append("</th>");
            }
            s.append("</tr></thead>\n<tbody>\n");
            for (CaseOutcome o : op.getValue()) {
                Double ratio = o.error() == null || o.bound() == null ? null
                        : o.error() == 0 ? Double.valueOf(0) : Double.valueOf(o.error() / o.bound());
                s.append("<tr class=\"").append(o.status().name().toLowerCase(Locale.ROOT)).append("\">");
                cell(s, o.op(), o.op());
                cell(s, o.dtype(), o.dtype());
                cell(s, o.shape(), String.valueOf(ProblemSize.elements(o.shape())));
                cell(s, o.space(), o.space());
                cell(s, number(o.error()), sortKey(o.error()));
                cell(s, number(o.bound()), sortKey(o.bound()));
                cell(s, number(ratio), sortKey(ratio));
                cell(s, o.status().name(), o.status().name());
                cell(s, o.status().name().equals("SKIP") ? "-" : String.format(Locale.ROOT, "%.2f", o.millis()),
                        String.valueOf(o.millis()));
                cell(s, o.message() == null ? "" : o.message(), o.message() == null ? "" : o.message());
                s.append("</tr>\n");
            }
            s.append("</tbody>\n</table>\n</details>\n");
        }
        s.append("</section>\n");
    }

    private static void cell(StringBuilder s, String text, String key) {
        s.append("<td data-key=\"").append(esc(key)).append("\">").append(esc(text)).append("</td>");
    }

    private static String sortKey(Double v) {
        return v == null ? "" : Double.isNaN(v) ? "Infinity" : String.valueOf(v);
    }

    private static String number(Double v) {
        if (v == null) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString(v.longValue());
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** Text as HTML: the five characters that could end an element or an attribute escaped. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1 { margin-top: 0; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; font-size: 0.9em; }
            table.sortable th { cursor: pointer; background: #f3f3f3; }
            table.facts th { background: #f3f3f3; }
            tr.fail td { background: #fdd; }
            tr.skip td { color: #777; }
            .verdict { font-weight: bold; font-size: 1.2em; }
            .verdict.pass { color: #070; }
            .verdict.fail { color: #b00; }
            figure.plot { display: inline-block; margin: 0.5em; vertical-align: top; }
            figure.plot figcaption { max-width: 560px; font-size: 0.85em; color: #555; }
            details.op { margin: 0.4em 0; }
            details.op summary { cursor: pointer; font-weight: bold; }
            """;

    /** Sorts a table by the clicked column (numbers as numbers) and counts the decoded plots. */
    private static final String SCRIPT = """
            (function () {
              'use strict';
              function key(row, col) {
                return row.cells[col].getAttribute('data-key') || '';
              }
              function compare(a, b) {
                var x = parseFloat(a), y = parseFloat(b);
                if (!isNaN(x) && !isNaN(y)) { return x - y; }
                return a < b ? -1 : a > b ? 1 : 0;
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                table.querySelectorAll('thead th').forEach(function (th, col) {
                  th.addEventListener('click', function () {
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    var down = th.getAttribute('data-order') !== 'asc';
                    rows.sort(function (r, s) { var c = compare(key(r, col), key(s, col)); return down ? c : -c; });
                    rows.forEach(function (r) { body.appendChild(r); });
                    th.setAttribute('data-order', down ? 'asc' : 'desc');
                  });
                });
              });
              window.addEventListener('load', function () {
                var images = document.querySelectorAll('figure.plot img');
                var loaded = 0;
                images.forEach(function (img) { if (img.complete && img.naturalWidth > 0) { loaded++; } });
                document.body.setAttribute('data-plots-loaded', String(loaded));
                console.info('fusemath report: ' + loaded + ' of ' + images.length + ' plots loaded');
              });
            })();
            """;
}
