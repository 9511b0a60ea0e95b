package org.fusemath.random;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/** The cuRAND pseudo-random generators fusemath reproduces, with cuRAND's {@code curandRngType_t} values. */
public enum RngType {
    /** {@code CURAND_RNG_PSEUDO_PHILOX4_32_10}: counter-based; 65,536 subsequences of 4-value blocks. */
    PHILOX4_32_10(161, "philox4_32_10"),
    /** {@code CURAND_RNG_PSEUDO_XORWOW}: cuRAND's default; 4,096 subsequences 2^67 apart. */
    XORWOW(101, "xorwow"),
    /** {@code CURAND_RNG_PSEUDO_MRG32K3A}: 81,920 subsequences 2^76 apart. */
    MRG32K3A(121, "mrg32k3a");

    private final int curandValue;
    private final String cliName;

    RngType(int curandValue, String cliName) {
        this.curandValue = curandValue;
        this.cliName = cliName;
    }

    /** The {@code curandRngType_t} value. */
    public int curandValue() {
        return curandValue;
    }

    /** The lower-case name the command line uses, e.g. {@code philox4_32_10}. */
    public String cliName() {
        return cliName;
    }

    /**
     * How far a call producing {@code count} values of {@code kind} moves the generator's offset: what
     * cuRAND's kernels count. {@code count} for every kind, except that XORWOW's and MRG32k3a's normal and
     * log-normal kernels count Box–Muller pairs ({@code count / 2}).
     */
    public long offsetAdvance(SampleKind kind, long count) {
        return this != PHILOX4_32_10 && kind.pairs() ? count / 2 : count;
    }

    /**
     * Parses a generator name case-insensitively: {@code philox4_32_10} (or {@code philox}), {@code xorwow},
     * {@code mrg32k3a}, with or without cuRAND's {@code CURAND_RNG_PSEUDO_} prefix.
     */
    public static RngType parse(String name) {
        Arguments.requireNonNull(name, "generator");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("curand_rng_pseudo_")) {
            n = n.substring("curand_rng_pseudo_".length());
        }
        switch (n) {
            case "philox4_32_10":
            case "philox4x32_10":
            case "philox":
                return PHILOX4_32_10;
            case "xorwow":
                return XORWOW;
            case "mrg32k3a":
                return MRG32K3A;
            default:
                throw new InvalidArgumentException("generator", "'" + name + "'", "one of philox4_32_10, xorwow, mrg32k3a");
        }
    }
}
