package org.fusemath.random;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/** What a generation call produces: cuRAND's {@code curandGenerate*} functions, one constant each. */
public enum SampleKind {
    /** {@code curandGenerate}: raw 32-bit integers (Java ints holding unsigned values). */
    UINT32("uint32", ElementType.INT, false),
    /** {@code curandGenerateUniform}: floats in (0, 1]. */
    UNIFORM_FLOAT("uniform_float", ElementType.FLOAT, false),
    /** {@code curandGenerateUniformDouble}: doubles in (0, 1]. */
    UNIFORM_DOUBLE("uniform_double", ElementType.DOUBLE, false),
    /** {@code curandGenerateNormal}: Box–Muller normal floats, generated in pairs. */
    NORMAL_FLOAT("normal_float", ElementType.FLOAT, true),
    /** {@code curandGenerateNormalDouble}: Box–Muller normal doubles, generated in pairs. */
    NORMAL_DOUBLE("normal_double", ElementType.DOUBLE, true),
    /** {@code curandGenerateLogNormal}: {@code exp} of normal floats, generated in pairs. */
    LOG_NORMAL_FLOAT("log_normal_float", ElementType.FLOAT, true),
    /** {@code curandGenerateLogNormalDouble}: {@code exp} of normal doubles, generated in pairs. */
    LOG_NORMAL_DOUBLE("log_normal_double", ElementType.DOUBLE, true),
    /** {@code curandGeneratePoisson}: Poisson counts (Java ints holding unsigned values). */
    POISSON("poisson", ElementType.INT, false);

    /** The Java array type a kind fills. */
    public enum ElementType {
        /** {@code int[]}. */
        INT,
        /** {@code float[]}. */
        FLOAT,
        /** {@code double[]}. */
        DOUBLE
    }

    private final String cliName;
    private final ElementType elementType;
    private final boolean pairs;

    SampleKind(String cliName, ElementType elementType, boolean pairs) {
        this.cliName = cliName;
        this.elementType = elementType;
        this.pairs = pairs;
    }

    /** The lower-case name the command line and the known-answer files use, e.g. {@code uniform_float}. */
    public String cliName() {
        return cliName;
    }

    /** The array type this kind fills. */
    public ElementType elementType() {
        return elementType;
    }

    /** Whether values come in Box–Muller pairs, so that cuRAND requires an even count. */
    public boolean pairs() {
        return pairs;
    }

    /** Parses a kind name case-insensitively ({@code uint32}, {@code uniform_float}, ...). */
    public static SampleKind parse(String name) {
        Arguments.requireNonNull(name, "kind");
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SampleKind k : values()) {
            if (k.cliName.equals(n)) {
                return k;
            }
        }
        throw new InvalidArgumentException("kind", "'" + name + "'",
                "one of uint32, uniform_float, uniform_double, normal_float, normal_double, log_normal_float, "
                        + "log_normal_double, poisson");
    }
}
