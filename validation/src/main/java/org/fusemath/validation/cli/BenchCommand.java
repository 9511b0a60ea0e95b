package org.fusemath.validation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.validation.bench.BenchOutcome;
import org.fusemath.validation.bench.BenchRunner;
import org.fusemath.validation.bench.BenchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fusemath bench}: times every registered benchmark case beside its baseline (raw OpenBLAS, EJML, ...)
 * in this JVM and prints the ratio, so a user sees on their own machine what the JMH suites in {@code bench/}
 * measure. Exits 1 when a case could not run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = {"Time fusemath beside its baselines (raw OpenBLAS, EJML, ...) in this JVM and print the ratios.",
                "Indicative: the JMH suites in bench/ (bench/README.md) take the measurements."})
final class BenchCommand implements Callable<Integer> {
    private final Providers providers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--domains", paramLabel = "DOMAIN", split = ",", description = "Only these domains (e.g. blas,random).")
    private List<String> domains = new ArrayList<>();

    @Option(names = "--quick", description = "Only the quick cases, with short warm-up and few rounds.")
    private boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the outcomes as JSON to FILE.")
    private Path json;

    BenchCommand(Providers providers) {
        this.providers = providers;
    }

    /** The JSON document: where it ran and what came out. */
    record Report(String version, String java, String callPath, BenchSettings settings, List<BenchOutcome> outcomes) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> wanted = new LinkedHashSet<>();
        domains.forEach(d -> wanted.add(d.trim().toLowerCase(Locale.ROOT)));
        Set<String> known = new LinkedHashSet<>();
        providers.benchmarks().forEach(s -> known.add(s.domain()));
        Set<String> unknown = new LinkedHashSet<>(wanted);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new UsageException("--domains names no benchmark suite: " + unknown + "; known: " + known);
        }
        BenchSettings settings = quick ? BenchSettings.QUICK : BenchSettings.FULL;
        BenchRunner runner = new BenchRunner(settings);
        out.printf(Locale.ROOT, "fusemath bench (%s; Java %s, host call path %s): median of %d rounds in this JVM; "
                + "speed = baseline time / fusemath time%n", quick ? "quick" : "full", Runtime.version(),
                InfoReport.hostCallPath(), settings.rounds());
        String format = "%-8s %-40s %-8s %12s %7s  %-34s %12s %7s  %s%n";
        out.printf(Locale.ROOT, format, "domain", "case", "size", "fusemath", "spread", "baseline", "baseline", "speed", "rate");
        List<BenchOutcome> outcomes = new ArrayList<>();
        for (BenchmarkSuite suite : providers.benchmarks()) {
            if (!wanted.isEmpty() && !wanted.contains(suite.domain())) {
                continue;
            }
            for (BenchmarkCase c : suite.cases()) {
                if (quick && !c.quick()) {
                    continue;
                }
                BenchOutcome o = runner.run(suite.domain(), c);
                outcomes.add(o);
                if (o.error() != null) {
                    out.printf(Locale.ROOT, "%-8s %-40s %-8s FAILED: %s%n", o.domain(), o.name(), o.size(), o.error());
                } else {
                    out.printf(Locale.ROOT, format, o.domain(), o.name(), o.size(), time(o.fusemathNanos()),
                            String.format(Locale.ROOT, "±%.0f%%", 50 * o.fusemathSpread()),
                            o.baseline() == null ? "-" : o.baseline(), time(o.baselineNanos()),
                            Double.isNaN(o.speedup()) ? "-" : String.format(Locale.ROOT, "%.2fx", o.speedup()),
                            Double.isNaN(o.rate()) ? "-" : String.format(Locale.ROOT, "%.1f %s", o.rate(), o.rateUnit()));
                }
                out.flush();
            }
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
                    new Report(BuildInfo.version(), System.getProperty("java.runtime.version"), InfoReport.hostCallPath(),
                            settings, outcomes));
        }
        return outcomes.stream().anyMatch(o -> o.error() != null) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** Nanoseconds in the unit that keeps three or four digits. */
    static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        if (nanos < 1e4) {
            return String.format(Locale.ROOT, "%.1f ns", nanos);
        }
        if (nanos < 1e7) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
