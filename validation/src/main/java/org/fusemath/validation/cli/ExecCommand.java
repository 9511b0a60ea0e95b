package org.fusemath.validation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.validation.npy.NpyHeader;
import org.fusemath.validation.npy.NpyReader;
import org.fusemath.validation.npy.NpyWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fusemath exec OP --in A.npy ... --out R.npy ... [--space host|device|auto] [--name value ...]}:
 * runs one registered {@link ExecOperation} on .npy files.
 *
 * <p>Inputs are handed to the operation exactly as read, Fortran-ordered ones included (each operation
 * reorders what it must, so one that can consume column-major data directly need not copy it). Options
 * the operation lists in {@link ExecOperation#arrayOptions()} are also read as .npy files into
 * {@link ExecRequest#arrays()} (their path stays in {@link ExecRequest#options()}). The outputs are written
 * to the {@code --out} files in order, nothing being written unless their counts match.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = {"Run one operation on .npy files with NumPy semantics.",
                "The operation name comes first; its own options follow as --name value.",
                "Inputs reach the operation as read (Fortran order kept); each output is written in the order the "
                        + "operation produced it."})
final class ExecCommand implements Callable<Integer> {
    private final Providers providers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", paramLabel = "FILE", parameterConsumer = FileListConsumer.class,
            description = "Input .npy files, in the order the operation takes them (repeat the option or list several).")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", parameterConsumer = FileListConsumer.class,
            description = "Output .npy files, one per result, in order.")
    private List<String> outputs = new ArrayList<>();

    @Option(names = "--space", paramLabel = "SPACE", defaultValue = "host",
            description = "host, device, device:N or auto (default: ${DEFAULT-VALUE}).")
    private String space;

    @Option(names = "--list", description = "List the operations and exit.")
    private boolean list;

    @Parameters(paramLabel = "OP", arity = "0..*",
            description = "The operation, then its own options as --name value (see --list).")
    private List<String> words = new ArrayList<>();

    ExecCommand(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out);
            return ExitCodes.OK;
        }
        // Not a static field: loggers must not exist before FusemathCli has applied --verbose.
        Logger log = LoggerFactory.getLogger(ExecCommand.class);
        OperationWords parsed = OperationWords.parse(words);
        if (parsed.op() == null) {
            throw new UsageException("missing operation; one of " + names() + " (fusemath exec --list describes them)");
        }
        ExecOperation op = find(parsed.op());
        Execution execution = Execution.parse(space);
        if (outputs.isEmpty()) {
            throw new InvalidArgumentException("--out", "no file", "at least one output file for '" + op.name() + "'");
        }

        List<HostTensor> in = new ArrayList<>();
        for (String file : inputs) {
            in.add(NpyReader.read(Path.of(file)));
        }
        Map<String, HostTensor> arrays = new LinkedHashMap<>();
        for (String name : op.arrayOptions()) {
            String file = parsed.options().get(name);
            if (file != null) {
                arrays.put(name, NpyReader.read(Path.of(file)));
            }
        }
        log.debug("exec {}: inputs {}, arrays {}, options {}, space {}", op.name(), in, arrays.keySet(), parsed.options(), execution);

        long start = System.nanoTime();
        List<HostTensor> results = op.execute(new ExecRequest(in, parsed.options(), arrays, execution));
        log.debug("exec {}: {} result(s) in {} ms", op.name(), results.size(), (System.nanoTime() - start) / 1e6);
        if (results.size() != outputs.size()) {
            throw new InvalidArgumentException("--out", outputs.size() + (outputs.size() == 1 ? " file" : " files"),
                    "exactly " + results.size() + " (one per result of '" + op.name() + "')");
        }
        for (int i = 0; i < results.size(); i++) {
            HostTensor r = results.get(i);
            NpyWriter.write(Path.of(outputs.get(i)), r);
            out.println("wrote " + outputs.get(i) + ": " + NpyHeader.of(r).descr() + " shape "
                    + NpyHeader.shapeRepr(r.shape()) + (r.isFortranOrder() ? " (Fortran order)" : ""));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ExecOperation find(String name) {
        for (ExecOperation op : providers.operations()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new UsageException("unknown operation '" + name + "'; known: " + names());
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (ExecOperation op : providers.operations()) {
            names.add(op.name());
        }
        return names;
    }

    private void printList(PrintWriter out) {
        List<ExecOperation> ops = new ArrayList<>(providers.operations());
        ops.sort(Comparator.comparing(ExecOperation::name));
        if (ops.isEmpty()) {
            out.println("no operations registered");
        }
        int width = ops.stream().mapToInt(o -> o.name().length()).max().orElse(0);
        for (ExecOperation op : ops) {
            String arrays = op.arrayOptions().isEmpty() ? "" : " [.npy options: --" + String.join(", --", new TreeSet<>(op.arrayOptions())) + "]";
            out.printf("%-" + width + "s  %s%s%n", op.name(), op.summary(), arrays);
        }
        for (String error : providers.loadErrors()) {
            out.println("warning: " + error);
        }
        out.flush();
    }
}
