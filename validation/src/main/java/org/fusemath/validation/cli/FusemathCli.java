package org.fusemath.validation.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.fusemath.api.FusemathException;
import org.fusemath.api.ResourceLimitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code fusemath} command: parses the command line, configures logging, and runs one of the
 * subcommands listed below. A new subcommand is a small class added to {@code subcommands}.
 *
 * <p>Exit statuses are those of {@link ExitCodes}. Errors print one line naming what was wrong;
 * {@code --verbose} adds the stack trace and debug logging of {@code org.fusemath}.
 *
 * <p>Each {@link #commandLine} call builds independent command objects; one {@code CommandLine} runs
 * one command at a time and is not to be shared between threads.
 */
@Command(name = "fusemath", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Dense linear algebra, FFT, solvers and random numbers on the CPU or an NVIDIA GPU: "
                + "inspect the machine, run one operation on .npy files, or validate every registered operation.",
        subcommands = {InfoCommand.class, ExecCommand.class, ValidateCommand.class, RandomCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class FusemathCli implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log org.fusemath at debug level to stderr and print stack traces of errors.")
    private boolean verbose;

    /** Entry point of the fat jar: runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command with the class path's providers on the process's stdout and stderr; returns the exit status. */
    public static int run(String... args) {
        return commandLine(Providers.fromClassPath()).execute(args);
    }

    /** A configured command line over {@code providers}; set its out/err writers to capture output. */
    public static CommandLine commandLine(Providers providers) {
        FusemathCli root = new FusemathCli();
        CommandLine cl = new CommandLine(root, new CommandFactory(providers));
        // exec collects the operation's own options (--alpha 2) in order beside the operation name.
        cl.getSubcommands().get("exec").setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionStrategy(parseResult -> {
            LoggingSetup.apply(root.verbose);
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError e) {
                // Commands check the sizes they allocate; one line instead of a stack trace for what slipped past.
                List<CommandLine> chain = parseResult.asCommandLineList();
                throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), "out of memory",
                        new ResourceLimitException("out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20)
                                + " MiB): run java with a larger -Xmx, or ask for less"));
            }
        });
        // A value error names the option and what was expected; the whole usage text would bury that line.
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            String name = failed.getCommandSpec().qualifiedName();
            err.println(name + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + name + " --help' for usage.");
            err.flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.io.IOException) {
            return "I/O error: " + e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof UsageException
                || e instanceof FusemathException) {
            return e.getMessage();
        }
        return e.toString();
    }

    /** Creates the subcommands, handing the providers to those whose constructor takes them. */
    private static final class CommandFactory implements CommandLine.IFactory {
        private final Providers providers;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        CommandFactory(Providers providers) {
            this.providers = providers;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Providers.class).newInstance(providers);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
