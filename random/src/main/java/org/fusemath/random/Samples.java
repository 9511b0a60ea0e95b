package org.fusemath.random;

import org.fusemath.api.Arguments;

/**
 * Kind-generic generation for callers that pick the kind at run time (the command line, known-answer
 * checks): the values as raw bit patterns, and their text forms.
 */
public final class Samples {
    private Samples() {
    }

    /**
     * Generates {@code count} values of {@code d} with {@code generator} and returns their raw bit patterns:
     * the unsigned value for integer kinds, {@code floatToRawIntBits} (as an unsigned int) for floats,
     * {@code doubleToRawLongBits} for doubles.
     */
    public static long[] bits(Generator generator, Distribution d, int count) {
        Arguments.requireNonNull(generator, "generator");
        Arguments.requireNonNull(d, "distribution");
        Arguments.requireNonNegative("count", count);
        long[] bits = new long[count];
        switch (d.kind().elementType()) {
            case INT: {
                int[] v = new int[count];
                generator.fill(d, v, 0, count);
                for (int i = 0; i < count; i++) {
                    bits[i] = v[i] & 0xffffffffL;
                }
                break;
            }
            case FLOAT: {
                float[] v = new float[count];
                generator.fill(d, v, 0, count);
                for (int i = 0; i < count; i++) {
                    bits[i] = Float.floatToRawIntBits(v[i]) & 0xffffffffL;
                }
                break;
            }
            default: {
                double[] v = new double[count];
                generator.fill(d, v, 0, count);
                for (int i = 0; i < count; i++) {
                    bits[i] = Double.doubleToRawLongBits(v[i]);
                }
                break;
            }
        }
        return bits;
    }

    /** The value with bit pattern {@code bits} as hexadecimal raw bits (8 digits for 32-bit kinds, 16 for doubles). */
    public static String hex(SampleKind kind, long bits) {
        return kind.elementType() == SampleKind.ElementType.DOUBLE
                ? String.format("%016x", bits) : String.format("%08x", bits & 0xffffffffL);
    }

    /** The value with bit pattern {@code bits} in decimal: unsigned for integer kinds, Java's shortest repr otherwise. */
    public static String decimal(SampleKind kind, long bits) {
        switch (kind.elementType()) {
            case INT:
                return Long.toString(bits & 0xffffffffL);
            case FLOAT:
                return Float.toString(Float.intBitsToFloat((int) bits));
            default:
                return Double.toString(Double.longBitsToDouble(bits));
        }
    }
}
