package org.fusemath.random.device;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.global.curand;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * One cuRAND generation described before it is made: which generator, whether it must first be moved to
 * {@code seed}/{@code offset} (only when the generator's own position is not already there), in the default
 * ordering, and which {@code curandGenerate*} with what count and parameters, laid out as that function's
 * positional arguments ({@link #arguments}, named by {@link #parameters} in curand.h's terms). Tests execute the
 * same record on the CPU through {@link CurandApi}, reading the arguments by the header's parameter names, and
 * check {@link #parameters} against the header; {@link JavaCppCurand} makes it on a GPU.
 *
 * @param type      the generator type ({@code curandRngType_t} from {@link RngType#curandValue()})
 * @param seed      the seed to set, when {@code reposition}
 * @param offset    the offset to set, when {@code reposition}
 * @param reposition whether to call {@code curandSetPseudoRandomGeneratorSeed} and {@code curandSetGeneratorOffset}
 * @param distribution what to generate
 * @param count     how many values (the call's {@code size_t} count); even for normal and log-normal kinds
 */
public record CurandCall(RngType type, long seed, long offset, boolean reposition, Distribution distribution, long count) {
    /** {@code CURAND_ORDERING_PSEUDO_DEFAULT} (the preset's compile-time constant, inlined: nothing native loads). */
    public static final int ORDERING_PSEUDO_DEFAULT = curand.CURAND_ORDERING_PSEUDO_DEFAULT;

    /** Checks the call as cuRAND would, before any native memory is touched. */
    public CurandCall {
        Arguments.requireNonNull(type, "type");
        Arguments.requireNonNull(distribution, "distribution");
        Arguments.requireNonNegative("count", count);
        Arguments.requireNonNegative("offset", offset);
        if (distribution.kind().pairs() && count % 2 != 0) {
            throw new InvalidArgumentException("count", count, "an even count (cuRAND: CURAND_STATUS_LENGTH_NOT_MULTIPLE)");
        }
    }

    /** The {@code curandRngType_t} value. */
    public int rngType() {
        return type.curandValue();
    }

    /** Bytes of output: 4 per value for integer and float kinds, 8 for double kinds. */
    public long outputBytes() {
        return Math.multiplyExact(count, distribution.kind().elementType() == SampleKind.ElementType.DOUBLE ? 8L : 4L);
    }

    /** The cuRAND entry point that generates, e.g. {@code curandGenerateNormalDouble}. */
    public String function() {
        switch (distribution.kind()) {
            case UINT32:
                return "curandGenerate";
            case UNIFORM_FLOAT:
                return "curandGenerateUniform";
            case UNIFORM_DOUBLE:
                return "curandGenerateUniformDouble";
            case NORMAL_FLOAT:
                return "curandGenerateNormal";
            case NORMAL_DOUBLE:
                return "curandGenerateNormalDouble";
            case LOG_NORMAL_FLOAT:
                return "curandGenerateLogNormal";
            case LOG_NORMAL_DOUBLE:
                return "curandGenerateLogNormalDouble";
            default:
                return "curandGeneratePoisson";
        }
    }

    /**
     * The C parameters of {@link #function()} in order, by curand.h's names: {@code generator, outputPtr}, the
     * count ({@code num} for the integer and uniform calls, {@code n} for the others, as curand.h names it), then
     * {@code mean, stddev} (normal and log-normal kinds) or {@code lambda} (Poisson).
     */
    public List<String> parameters() {
        SampleKind k = distribution.kind();
        List<String> names = new ArrayList<>(List.of("generator", "outputPtr", k.pairs() || k == SampleKind.POISSON ? "n" : "num"));
        if (k.pairs()) {
            names.add("mean");
            names.add("stddev");
        } else if (k == SampleKind.POISSON) {
            names.add("lambda");
        }
        return names;
    }

    /**
     * The arguments of {@link #function()} in {@link #parameters()} order: the generator handle, the output's
     * device address and the count as {@code Long}; mean and stddev as {@code Float} for float kinds and
     * {@code Double} for double kinds; lambda as {@code Double}.
     */
    public List<Object> arguments(long generator, long output) {
        List<Object> args = new ArrayList<>(List.of(generator, output, count));
        SampleKind k = distribution.kind();
        if (k.pairs()) {
            boolean single = k.elementType() == SampleKind.ElementType.FLOAT;
            args.add(single ? (Object) (float) distribution.mean() : (Object) distribution.mean());
            args.add(single ? (Object) (float) distribution.stddev() : (Object) distribution.stddev());
        } else if (k == SampleKind.POISSON) {
            args.add(distribution.lambda());
        }
        return args;
    }

    /** Makes the call through {@code api} on generator {@code generator}, writing to device address {@code output}. */
    public void execute(CurandApi api, long generator, long output) {
        if (reposition) {
            api.setSeed(generator, seed);
            api.setOffset(generator, offset);
            api.setOrdering(generator, ORDERING_PSEUDO_DEFAULT);
        }
        api.generate(generator, this, output);
    }

    /** The call as text, for logs. */
    public String describe() {
        return (reposition ? "curandSetPseudoRandomGeneratorSeed(" + Long.toUnsignedString(seed) + "), curandSetGeneratorOffset("
                + offset + "), curandSetGeneratorOrdering(CURAND_ORDERING_PSEUDO_DEFAULT), " : "")
                + function() + "(" + type + ", n=" + count + paramsText() + ")";
    }

    private String paramsText() {
        SampleKind k = distribution.kind();
        if (k.pairs()) {
            return ", mean=" + distribution.mean() + ", stddev=" + distribution.stddev();
        }
        return k == SampleKind.POISSON ? ", lambda=" + distribution.lambda() : "";
    }
}
