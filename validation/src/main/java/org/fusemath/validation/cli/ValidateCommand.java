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
import org.fusemath.validation.harness.ValidationReport;
import org.fusemath.validation.harness.ValidationRunner;
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
        CaseSelection selection = new CaseSelection(spaces(space), opFilter, quick);
        List<ValidationRunner.Planned> planned = runner.plan(selection);

        boolean tableOnStdout = !"-".equals(json);
        PrintWriter tableOut = tableOnStdout ? out : spec.commandLine().getErr();
        ReportTable table = new ReportTable(tableOut, planned);
        table.header();
        List<CaseOutcome> outcomes = runner.run(planned, table::row);
        ValidationReport report = new ValidationReport(BuildInfo.version(), System.getProperty("java.runtime.version"),
                InfoReport.hostCallPath(), device, outcomes, ValidationReport.Summary.of(outcomes));
        table.footer(report.summary());
        for (String error : providers.loadErrors()) {
            tableOut.println("warning: " + error);
        }
        tableOut.flush();
        if (json != null) {
            if (tableOnStdout) {
                try (OutputFiles files = new OutputFiles()) {
                    files.write(Path.of(json), report::writeJson);
                    files.commit();
                }
            } else {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                report.writeJson(bytes);
                out.println(bytes.toString(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
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
