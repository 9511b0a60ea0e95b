package org.fusemath.validation.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;
import org.fusemath.random.Samples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fusemath random}: prints the values one cuRAND-compatible generator call produces, one per line,
 * as a fresh cuRAND generator with the same type, seed and offset would ({@code CURAND_ORDERING_PSEUDO_DEFAULT}).
 */
@Command(name = "random", mixinStandardHelpOptions = true,
        description = {"Print cuRAND-identical random numbers, one value per line.",
            "hex prints raw bits (Float.floatToRawIntBits / Double.doubleToRawLongBits, 32-bit values as 8 digits);",
            "decimal prints 32-bit values unsigned and floating-point values in Java's shortest round-trip form.",
            "Values are generated and printed in blocks of " + RandomCommand.BLOCK + ", so any --count runs in constant memory."})
public final class RandomCommand implements Callable<Integer> {
    /** The output format. */
    public enum Format {
        /** Raw bits in hexadecimal. */
        hex,
        /** Decimal values. */
        decimal
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--generator", required = true, paramLabel = "TYPE",
            description = "philox4_32_10, xorwow or mrg32k3a")
    private String generator;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "64-bit seed, unsigned decimal (default ${DEFAULT-VALUE})")
    private String seed;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "O", description = "generator offset, 0 to 2^63-1 (default ${DEFAULT-VALUE})")
    private String offset;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "required: uint32, uniform_float, uniform_double, normal_float, normal_double, log_normal_float, "
                    + "log_normal_double or poisson")
    private String kind;

    @Option(names = "--count", required = true, paramLabel = "N",
            description = "required: number of values, 0 to 2147483639 (even for normal kinds); printed as generated, in blocks")
    private String count;

    @Option(names = "--format", defaultValue = "decimal", paramLabel = "FORMAT", description = "hex or decimal (default ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = "--mean", defaultValue = "0", description = "mean of the normal (normal and log-normal kinds; default ${DEFAULT-VALUE})")
    private double mean;

    @Option(names = "--stddev", defaultValue = "1", description = "standard deviation of the normal (default ${DEFAULT-VALUE})")
    private double stddev;

    @Option(names = "--lambda", description = "Poisson mean (poisson kind)")
    private Double lambda;

    @Option(names = "--space", paramLabel = "SPACE", description = "host, device[:N] or auto (default host), as for exec")
    private String space;

    /** The option's former name, kept so that existing scripts run; hidden from --help. */
    @Option(names = "--execution", hidden = true, paramLabel = "SPACE")
    private String deprecatedExecution;

    /** Values generated and printed per block: memory stays constant whatever --count asks for. Even, for the normal kinds' pairs. */
    static final int BLOCK = 1 << 16;

    @Override
    public Integer call() {
        if (space != null && deprecatedExecution != null) {
            throw new ParameterException(spec.commandLine(), "--execution is the former name of --space: give one of them");
        }
        if (deprecatedExecution != null) {
            spec.commandLine().getErr().println("fusemath random: --execution is deprecated; use --space");
        }
        String where = space != null ? space : deprecatedExecution != null ? deprecatedExecution : "host";
        Distribution d;
        RngType type;
        int n;
        long seedValue;
        long offsetValue;
        FuseContext context;
        try {
            type = RngType.parse(generator);
            SampleKind k = SampleKind.parse(kind);
            n = parseCount(count);
            if (k.pairs() && n % 2 != 0) {
                // Checked before the first block is printed, which a later odd block would otherwise follow with an error.
                throw new InvalidArgumentException("length", n, "an even count: cuRAND generates " + k.cliName()
                        + " values in Box-Muller pairs");
            }
            d = distribution(k);
            seedValue = parseSeed(seed);
            offsetValue = parseOffset(offset);
            context = FuseContext.builder().execution(Execution.parse(where)).build();
        } catch (InvalidArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder text = new StringBuilder(64 * 1024);
        // Successive calls continue the sequence exactly as one call of the whole count would (cuRAND's offset rule).
        try (Generator g = Generator.create(type, seedValue, context).setOffset(offsetValue)) {
            for (int done = 0; done < n; ) {
                int length = Math.min(BLOCK, n - done);
                for (long b : Samples.bits(g, d, length)) {
                    text.append(format == Format.hex ? Samples.hex(d.kind(), b) : Samples.decimal(d.kind(), b)).append('\n');
                    if (text.length() > 60 * 1024) {
                        out.print(text);
                        text.setLength(0);
                    }
                }
                done += length;
            }
        } catch (InvalidArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (DeviceUnavailableException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        out.print(text);
        out.flush();
        return 0;
    }

    private Distribution distribution(SampleKind k) {
        if (k == SampleKind.POISSON) {
            if (lambda == null) {
                throw new InvalidArgumentException("--lambda", "missing", "a Poisson mean > 0 for --kind poisson");
            }
            return Distribution.poisson(lambda);
        }
        return new Distribution(k, mean, stddev, 0);
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("--seed", "'" + text + "'", "an unsigned 64-bit decimal integer");
        }
    }

    private static long parseOffset(String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgumentException("--offset", "'" + text + "'", "an integer from 0 to 9223372036854775807");
    }

    private static int parseCount(String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0 && v <= Integer.MAX_VALUE - 8) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgumentException("--count", "'" + text + "'", "an integer from 0 to " + (Integer.MAX_VALUE - 8));
    }
}
