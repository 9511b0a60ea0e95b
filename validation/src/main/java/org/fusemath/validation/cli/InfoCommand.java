package org.fusemath.validation.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fusemath.validation.harness.DeviceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fusemath info}: the machine, the host call path, every backend and whether a device is usable. Exits 0 either way. */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Print the Java runtime, OS, CPU, host call path, every registered backend and the device status.")
final class InfoCommand implements Callable<Integer> {
    private final Providers providers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    InfoCommand(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() throws Exception {
        InfoReport report = InfoReport.collect(providers);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
            out.println();
        } else {
            printText(report, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(InfoReport r, PrintWriter out) {
        out.println("fusemath " + r.fusemath());
        out.printf(Locale.ROOT, "Java       %s (%s), %s%n", r.java().version(), r.java().vendor(), r.java().vm());
        out.printf(Locale.ROOT, "Java home  %s%n", r.java().home());
        out.printf(Locale.ROOT, "OS         %s %s (%s)%n", r.os().name(), r.os().version(), r.os().arch());
        out.printf(Locale.ROOT, "CPU        %s, %d cores available%n", r.cpu().model(), r.cpu().cores());
        String notInUse = r.jar().ffmNotInUseReason(Runtime.version().feature(), r.foreignFunctions());
        out.printf(Locale.ROOT, "Host calls %s (Foreign Function & Memory API %s)%n", r.nativeCallPath(),
                notInUse.isEmpty() ? "in use" : "not in use: " + notInUse);
        if (r.jar().jar()) {
            out.printf(Locale.ROOT, "Jar        %s (Java releases %s)%n", r.jar().location(),
                    r.jar().javaReleases().isEmpty() ? "not recorded" : r.jar().javaReleases());
        }
        DeviceStatus d = r.device();
        if (d.usable()) {
            out.println("Device     usable");
        } else if (d.reason().equals(DeviceStatus.NO_BACKEND)) {
            out.println("Device     none: " + DeviceStatus.NO_BACKEND + " (the fusemath-cuda module provides it)");
        } else {
            out.println("Device     not usable: " + d.reason());
        }
        out.println();
        if (r.backends().isEmpty()) {
            out.println("Backends: none registered");
        } else {
            out.println("Backends:");
            for (InfoReport.BackendInfo b : r.backends()) {
                out.printf(Locale.ROOT, "  %-12s %-8s %-6s %s%n", b.name(), b.domain(), b.space(),
                        b.usable() ? "usable" : "not usable: " + b.reason());
                if (!b.usable() && !b.remedy().isEmpty()) {
                    out.println("      remedy: " + b.remedy());
                }
                for (Map.Entry<String, String> e : b.details().entrySet()) {
                    out.println("      " + e.getKey() + ": " + e.getValue());
                }
            }
        }
        for (String error : r.providerErrors()) {
            out.println("warning: " + error);
        }
    }
}
