package org.fusemath.random;

import org.fusemath.api.FuseContext;

/**
 * One-shot function forms: each call creates a generator of {@code type} at {@code seed}, moves it to
 * {@code offset} and returns {@code count} values, exactly what a fresh cuRAND generator set up the same
 * way returns from one call. Thin wrappers over {@link Generator}; thread-safe.
 */
public final class RandomNumbers {
    private RandomNumbers() {
    }

    /** {@code curandGenerate}: 32-bit values (unsigned, in Java ints). */
    public static int[] uint32(RngType type, long seed, long offset, int count) {
        int[] out = new int[nonNegative(count)];
        at(type, seed, offset).generate(out);
        return out;
    }

    /** {@code curandGenerateUniform}: floats in (0, 1]. */
    public static float[] uniformFloat(RngType type, long seed, long offset, int count) {
        float[] out = new float[nonNegative(count)];
        at(type, seed, offset).generateUniform(out);
        return out;
    }

    /** {@code curandGenerateUniformDouble}: doubles in (0, 1]. */
    public static double[] uniformDouble(RngType type, long seed, long offset, int count) {
        double[] out = new double[nonNegative(count)];
        at(type, seed, offset).generateUniformDouble(out);
        return out;
    }

    /** {@code curandGenerateNormal}: an even {@code count} of normal floats. */
    public static float[] normalFloat(RngType type, long seed, long offset, int count, float mean, float stddev) {
        float[] out = new float[nonNegative(count)];
        at(type, seed, offset).generateNormal(out, mean, stddev);
        return out;
    }

    /** {@code curandGenerateNormalDouble}: an even {@code count} of normal doubles. */
    public static double[] normalDouble(RngType type, long seed, long offset, int count, double mean, double stddev) {
        double[] out = new double[nonNegative(count)];
        at(type, seed, offset).generateNormalDouble(out, mean, stddev);
        return out;
    }

    /** {@code curandGenerateLogNormal}: an even {@code count} of log-normal floats. */
    public static float[] logNormalFloat(RngType type, long seed, long offset, int count, float mean, float stddev) {
        float[] out = new float[nonNegative(count)];
        at(type, seed, offset).generateLogNormal(out, mean, stddev);
        return out;
    }

    /** {@code curandGenerateLogNormalDouble}: an even {@code count} of log-normal doubles. */
    public static double[] logNormalDouble(RngType type, long seed, long offset, int count, double mean, double stddev) {
        double[] out = new double[nonNegative(count)];
        at(type, seed, offset).generateLogNormalDouble(out, mean, stddev);
        return out;
    }

    /** {@code curandGeneratePoisson}: Poisson counts of mean {@code lambda} in (0, {@link Distribution#MAX_POISSON_LAMBDA}]. */
    public static int[] poisson(RngType type, long seed, long offset, int count, double lambda) {
        int[] out = new int[nonNegative(count)];
        at(type, seed, offset).generatePoisson(out, lambda);
        return out;
    }

    /** Fills all of {@code out} with float samples of {@code d}, on the host or where {@code context} says. */
    public static void fill(RngType type, long seed, long offset, Distribution d, float[] out, FuseContext context) {
        Generator.create(type, seed, context).setOffset(offset).fill(d, out, 0, out == null ? 0 : out.length);
    }

    /** Fills all of {@code out} with double samples of {@code d}, on the host or where {@code context} says. */
    public static void fill(RngType type, long seed, long offset, Distribution d, double[] out, FuseContext context) {
        Generator.create(type, seed, context).setOffset(offset).fill(d, out, 0, out == null ? 0 : out.length);
    }

    /** Fills all of {@code out} with integer samples of {@code d}, on the host or where {@code context} says. */
    public static void fill(RngType type, long seed, long offset, Distribution d, int[] out, FuseContext context) {
        Generator.create(type, seed, context).setOffset(offset).fill(d, out, 0, out == null ? 0 : out.length);
    }

    private static Generator at(RngType type, long seed, long offset) {
        return Generator.create(type, seed).setOffset(offset);
    }

    private static int nonNegative(int count) {
        return org.fusemath.api.Arguments.requireNonNegative("count", count);
    }
}
