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
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ResourceLimitException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.validation.npy.NpyHeader;
import org.fusemath.validation.npy.NpyReader;
import org.fusemath.validation.npy.NpyWriter;
import org.fusemath.validation.ops.Promotion;
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
 * <p>Options are checked against the operation's declared {@link ExecParameter}s before anything is read: an
 * undeclared one is a usage error listing the valid ones. Inputs are handed to the operation in the order and
 * storage order they were read (each operation reorders what it must), widened to their NumPy result type when
 * their types differ. {@link ExecParameter.Kind#ARRAY} options are also read as .npy files into
 * {@link ExecRequest#arrays()} (their path stays in {@link ExecRequest#options()}). The outputs are written to
 * the {@code --out} files all or nothing ({@link OutputFiles}), and only when their count matches.
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

    @Option(names = "--in", paramLabel = "[NAME=]FILE", parameterConsumer = FileListConsumer.class,
            description = "Input .npy files, in the order the operation takes them (repeat the option or list several); "
                    + "NAME=FILE names one (fuse reads inputs by name).")
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
        OperationOptions.check(op, parsed.options());
        Execution execution = Execution.parse(space);
        if (outputs.isEmpty()) {
            throw new InvalidArgumentException("--out", "no file", "at least one output file for '" + op.name() + "'");
        }

        List<HostTensor> in = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        for (String entry : inputs) {
            NamedInput named = NamedInput.parse(entry);
            inputNames.add(named.name());
            in.add(NpyReader.read(Path.of(named.file())));
        }
        Map<String, HostTensor> arrays = new LinkedHashMap<>();
        for (ExecParameter p : op.parameters()) {
            String file = p.kind() == ExecParameter.Kind.ARRAY ? parsed.options().get(p.name()) : null;
            if (file != null) {
                arrays.put(p.name(), NpyReader.read(Path.of(file)));
            }
        }
        if (op.promotesInputs()) {
            promote(op, in, arrays, log);
        }
        log.debug("exec {}: inputs {}, arrays {}, options {}, space {}", op.name(), in, arrays.keySet(), parsed.options(), execution);

        long start = System.nanoTime();
        List<HostTensor> results;
        try {
            results = op.execute(new ExecRequest(in, parsed.options(), arrays, execution, inputNames, out::println));
        } catch (OutOfMemoryError e) {
            // The operations check the sizes they allocate; this catches what slipped past (a temporary copy).
            throw new ResourceLimitException("'" + op.name() + "' ran out of memory (heap limit "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB): run java with a larger -Xmx, or use smaller inputs");
        }
        log.debug("exec {}: {} result(s) in {} ms", op.name(), results.size(), (System.nanoTime() - start) / 1e6);
        if (results.size() != outputs.size()) {
            throw new InvalidArgumentException("--out", outputs.size() + (outputs.size() == 1 ? " file" : " files"),
                    "exactly " + results.size() + " (one per result of '" + op.name() + "')");
        }
        // All or nothing: a second output that cannot be written leaves the first target untouched too.
        try (OutputFiles files = new OutputFiles()) {
            for (int i = 0; i < results.size(); i++) {
                HostTensor r = results.get(i);
                files.write(Path.of(outputs.get(i)), stream -> NpyWriter.write(stream, r, null));
            }
            files.commit();
        }
        for (int i = 0; i < results.size(); i++) {
            HostTensor r = results.get(i);
            out.println("wrote " + outputs.get(i) + ": " + NpyHeader.of(r).descr() + " shape "
                    + NpyHeader.shapeRepr(r.shape()) + (r.isFortranOrder() ? " (Fortran order)" : ""));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * NumPy's promotion: operands of mixed types are widened to their result type before the operation sees
     * them (float32 + float64 computes in float64, real + complex in complex), as {@code np.matmul} and friends do.
     */
    private static void promote(ExecOperation op, List<HostTensor> in, Map<String, HostTensor> arrays, Logger log) {
        List<DType> types = new ArrayList<>();
        in.forEach(t -> types.add(t.dtype()));
        arrays.values().forEach(t -> types.add(t.dtype()));
        DType common = Promotion.resultType(types);
        if (common == null || types.stream().allMatch(t -> t == common)) {
            return;
        }
        log.debug("exec {}: operands of {} promoted to {}", op.name(), types, common);
        for (int i = 0; i < in.size(); i++) {
            in.set(i, Promotion.widen(in.get(i), common, "--in #" + (i + 1)));
        }
        for (Map.Entry<String, HostTensor> e : arrays.entrySet()) {
            e.setValue(Promotion.widen(e.getValue(), common, "--" + e.getKey()));
        }
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
        for (ExecOperation op : ops) {
            out.println(op.name() + "  " + op.summary());
            List<ExecParameter> params = op.parameters();
            if (params.isEmpty()) {
                // Said outright, so that "takes none" is not read as "not documented".
                out.println("    no options");
            }
            int width = params.stream().mapToInt(p -> p.usage().length()).max().orElse(0);
            for (ExecParameter p : params) {
                String dflt = p.defaultValue() == null || p.kind() == ExecParameter.Kind.FLAG ? ""
                        : " (default " + p.defaultValue() + ")";
                String values = p.kind() == ExecParameter.Kind.CHOICE && p.allowed().size() > ExecParameter.MAX_LISTED_IN_USAGE
                        ? "; one of " + String.join(", ", p.allowed()) : "";
                out.printf("    %-" + width + "s  %s%s%s%n", p.usage(), p.help(), values, dflt);
            }
        }
        for (String error : providers.loadErrors()) {
            out.println("warning: " + error);
        }
        out.flush();
    }
}
