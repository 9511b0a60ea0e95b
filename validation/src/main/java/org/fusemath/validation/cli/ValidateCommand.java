package org.fusemath.validation.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Space;
import org.fusemath.validation.harness.CaseOutcome;
import org.fusemath.validation.harness.CaseSelection;
import org.fusemath.validation.harness.DeviceStatus;
import org.fusemath.validation.harness.ReportTable;
import org.fusemath.validation.harness.SizeFilter;
import org.fusemath.validation.harness.ValidationReport;
import org.fusemath.validation.harness.ValidationRunner;
import org.fusemath.validation.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fusemath validate}: runs every registered validation case beside its CPU reference, prints the
 * table and exits 1 if any case failed. Device cases without a usable device are skipped with the reason.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = {"Run the registered validation cases beside their CPU references and print a table.",
                "Exits 1 when any case fails; skipped cases (no usable device) do not fail the run."})
final class ValidateCommand implements Callable<Integer> {
    private final Providers providers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--space", paramLabel = "SPACE", defaultValue = "all",
            description = "host, device or all (default: ${DEFAULT-VALUE}).")
    private String space;

    @Option(names = "--ops", paramLabel = "OP", split = ",", description = "Only these operations (comma-separated): a name"
            + " as exec --list prints it (matmul) selects all its variants (matmul[TN]+relu ...); an exact case name that one.")
    private List<String> ops = new ArrayList<>();

    @Option(names = "--quick", description = "Only the quick cases (together they still cover every operation).")
    private boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE ('-' for stdout).")
    private String json;

    @Option(names = "--sizes", paramLabel = "N", split = ",", description = "Only cases whose largest dimension is one of"
            + " these: N, A-B, -B or A- (comma-separated), e.g. --sizes 1-64.")
    private List<String> sizes = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE:"
            + " summary, plots of error/bound and time against problem size, the cases per operation.")
    private String html;

    @Option(names = "--progress", paramLabel = "HOW", defaultValue = "auto", description = "bar, lines, none or auto"
            + " (default: a bar on a terminal, else a line every tenth of the run), on stderr.")
    private String progress;

    ValidateCommand(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DeviceStatus device = DeviceStatus.from(providers.backends());
        ValidationRunner runner = new ValidationRunner(providers.suites(), device);
        Set<String> opFilter = new LinkedHashSet<>();
        for (String op : ops) {
            if (!op.isBlank()) {
                opFilter.add(op.trim());
            }
        }
        Set<String> known = runner.knownOps();
        Set<String> families = new TreeSet<>();
        known.forEach(op -> families.add(CaseSelection.family(op)));
        Set<String> unknown = new LinkedHashSet<>(opFilter);
        unknown.removeAll(known);
        unknown.removeAll(families);
        if (!unknown.isEmpty()) {
            throw new UsageException("--ops names no registered case: " + unknown + "; known operations: " + families
                    + " (or an exact case name such as " + known.stream().filter(op -> !families.contains(op)).findFirst()
                    .orElse(known.isEmpty() ? "-" : known.iterator().next()) + ")");
        }
        CaseSelection selection = new CaseSelection(spaces(space), opFilter, quick, SizeFilter.parse(sizes));
        List<ValidationRunner.Planned> planned = runner.plan(selection);

        boolean tableOnStdout = !"-".equals(json);
        PrintWriter tableOut = tableOnStdout ? out : spec.commandLine().getErr();
        ReportTable table = new ReportTable(tableOut, planned);
        String how = progress.trim().toLowerCase(Locale.ROOT);
        boolean bar = how.equals("bar") || how.equals("auto") && System.console() != null;
        List<CaseOutcome> outcomes;
        // A bar redraws its line: the table waits until the run is over instead of interleaving with it.
        try (ValidateProgress shown = progress(how, bar, planned.size())) {
            if (!bar) {
                table.header();
            }
            outcomes = runner.run(planned, o -> {
                if (!bar) {
                    table.row(o);
                }
                shown.completed(o);
            });
        }
        if (bar) {
            table.header();
            outcomes.forEach(table::row);
        }
        ValidationReport report = new ValidationReport(BuildInfo.version(), System.getProperty("java.runtime.version"),
                InfoReport.hostCallPath(), device, outcomes, ValidationReport.Summary.of(outcomes));
        table.footer(report.summary());
        table.legend(outcomes);
        for (String error : providers.loadErrors()) {
            tableOut.println("warning: " + error);
        }
        tableOut.flush();
        if (html != null || json != null && tableOnStdout) {
            try (OutputFiles files = new OutputFiles()) {
                if (json != null && tableOnStdout) {
                    files.write(Path.of(json), report::writeJson);
                }
                if (html != null) {
                    HtmlReport.Environment env = environment(InfoReport.collect(providers));
                    files.write(Path.of(html), stream -> HtmlReport.write(report, env, stream));
                }
                files.commit();
            }
        }
        if (json != null) {
            if (!tableOnStdout) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                report.writeJson(bytes);
                out.println(bytes.toString(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private ValidateProgress progress(String how, boolean bar, int total) {
        if (bar) {
            return ValidateProgress.bar(System.err, total);
        }
        return switch (how) {
            case "auto", "lines" -> ValidateProgress.lines(spec.commandLine().getErr(), total);
            case "none" -> ValidateProgress.none();
            default -> throw new InvalidArgumentException("--progress", "'" + progress + "'", "bar, lines, none or auto");
        };
    }

    /** The summary's facts, and which backend served a case: the one of its suite's domain and its space. */
    private static HtmlReport.Environment environment(InfoReport info) {
        List<String> lines = new ArrayList<>();
        java.util.Map<String, String> byDomainSpace = new java.util.HashMap<>();
        for (InfoReport.BackendInfo b : info.backends()) {
            lines.add(b.domain() + " " + b.space() + ": " + b.name() + (b.usable() ? " (usable)" : " (not usable: " + b.reason() + ")"));
            byDomainSpace.putIfAbsent(b.domain() + " " + b.space(), b.name());
        }
        String machine = info.os().name() + " " + info.os().version() + " " + info.os().arch() + ", " + info.cpu().model()
                + ", " + info.cpu().cores() + " processors";
        String java = info.java().version() + " (" + info.java().vendor() + ", " + info.java().vm() + ")";
        return new HtmlReport.Environment(machine, java, lines,
                o -> byDomainSpace.getOrDefault(o.suite() + " " + o.space(), o.suite()));
    }

    private static Set<Space> spaces(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "host" -> EnumSet.of(Space.HOST);
            case "device" -> EnumSet.of(Space.DEVICE);
            case "all" -> EnumSet.allOf(Space.class);
            default -> throw new InvalidArgumentException("--space", "'" + text + "'", "host, device or all");
        };
    }
}
