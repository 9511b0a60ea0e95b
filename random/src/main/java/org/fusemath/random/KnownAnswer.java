package org.fusemath.random;

import java.util.Arrays;
import org.fusemath.api.Arguments;

/**
 * One known-answer vector: the first {@code values.length} results of one cuRAND call on a fresh generator
 * of {@code generator} at {@code seed} and {@code offset}, each as its raw bit pattern (the unsigned value
 * for uint32, {@code Float.floatToRawIntBits} or {@code Double.doubleToRawLongBits} otherwise).
 */
public record KnownAnswer(RngType generator, long seed, long offset, SampleKind kind, long[] values) {
    /** Checks the fields. */
    public KnownAnswer {
        Arguments.requireNonNull(generator, "generator");
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(values, "values");
        Arguments.requireNonNegative("offset", offset);
        values = values.clone();
    }

    /** The expected bit patterns. */
    @Override
    public long[] values() {
        return values.clone();
    }

    /** A short label, e.g. {@code PHILOX4_32_10 uniform_float seed=1234 offset=0 n=64}. */
    public String label() {
        return generator + " " + kind.cliName() + " seed=" + Long.toUnsignedString(seed) + " offset=" + offset
                + " n=" + values.length;
    }

    /** Generates the same call with {@code generator} (fresh, positioned here) and returns its bit patterns. */
    public long[] actual(Generator fresh) {
        fresh.setSeed(seed).setOffset(offset);
        return Samples.bits(fresh, Distribution.standard(kind), values.length);
    }

    /** How many values of {@code actual} differ from the expected ones (a length difference counts as mismatches). */
    public long mismatches(long[] actual) {
        long bad = Math.abs((long) actual.length - values.length);
        for (int i = 0; i < Math.min(actual.length, values.length); i++) {
            if (actual[i] != values[i]) {
                bad++;
            }
        }
        return bad;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownAnswer k && k.generator == generator && k.seed == seed && k.offset == offset
                && k.kind == kind && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
        return ((generator.hashCode() * 31 + Long.hashCode(seed)) * 31 + Long.hashCode(offset)) * 31
                + kind.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return label();
    }
}
