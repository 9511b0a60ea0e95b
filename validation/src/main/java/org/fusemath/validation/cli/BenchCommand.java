package org.fusemath.validation.cli;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * in this JVM and prints the speed-up (baseline time / fusemath time), so a user sees on their own machine what the
 * JMH suites in {@code bench/} measure. A row below the case's stated target is marked {@code BELOW TARGET}; one whose
 * rounds spread beyond ±{@value BenchRunner#NOISY_PERCENT}% of the median is marked {@code noisy}. Exits 1 when a case
 * could not run (a row below target does not fail the run: the figures are indicative).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = {"Time fusemath beside its baselines (raw OpenBLAS, EJML, ...) in this JVM and print the speed-up"
                        + " (baseline time / fusemath time) of each; rows below their target are marked BELOW TARGET,"
                        + " rows whose rounds spread beyond ±" + BenchRunner.NOISY_PERCENT + "%% are marked noisy.",
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
                + "speed-up = baseline time / fusemath time (above 1: fusemath is faster)%n", quick ? "quick" : "full",
                Runtime.version(), InfoReport.hostCallPath(), settings.rounds());
        String format = "%-8s %-40s %-8s %12s %7s  %-34s %12s %7s  %-9s %-22s %s%n";
        out.printf(Locale.ROOT, format, "domain", "case", "size", "fusemath", "spread", "baseline", "baseline", "speed-up",
                "target", "rate", "");
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
                            target(o), Double.isNaN(o.rate()) ? "-" : String.format(Locale.ROOT, "%.1f %s", o.rate(), o.rateUnit()),
                            marks(o));
                }
                out.flush();
            }
        }
        long below = outcomes.stream().filter(BenchOutcome::belowTarget).count();
        long noisy = outcomes.stream().filter(BenchOutcome::noisy).count();
        if (below > 0 || noisy > 0) {
            out.printf(Locale.ROOT, "%d row(s) BELOW TARGET, %d noisy (rounds beyond ±%d%% of the median: rerun on a quiet"
                    + " machine, or without --quick, before reading them)%n", below, noisy, BenchRunner.NOISY_PERCENT);
        }
        if (json != null) {
            Report report = new Report(BuildInfo.version(), System.getProperty("java.runtime.version"),
                    InfoReport.hostCallPath(), settings, outcomes);
            try (OutputFiles files = new OutputFiles()) {
                files.write(json, stream -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(stream, report));
                files.commit();
            }
        }
        return outcomes.stream().anyMatch(o -> o.error() != null) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** ">= 0.95x" or ">= 500" (a rate), "-" without a target. */
    static String target(BenchOutcome o) {
        if (!Double.isNaN(o.speedupTarget())) {
            return String.format(Locale.ROOT, ">= %.2fx", o.speedupTarget());
        }
        if (!Double.isNaN(o.rateTarget())) {
            return String.format(Locale.ROOT, ">= %.0f", o.rateTarget());
        }
        return "-";
    }

    /** The marks at the end of a row: below its target, noisy. */
    static String marks(BenchOutcome o) {
        String below = o.belowTarget() ? "BELOW TARGET" : "";
        String noisy = o.noisy() ? "noisy" : "";
        return (below + (below.isEmpty() || noisy.isEmpty() ? "" : ", ") + noisy).trim();
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
