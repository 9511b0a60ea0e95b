package org.fusemath.fusion.host;

/**
 * Vectorised exp, log, tanh, sigmoid, erf and the two GELU forms over whole float and double arrays: the host
 * transcendentals of fused kernels, as fast array functions with stated accuracy.
 *
 * <p>Each call runs the chunk kernels of {@link F32Lanes} / {@link F64Lanes} (short branch-free loops that C2
 * compiles to SIMD code) over the array with one scratch instance per thread, so the methods are thread-safe and
 * allocate nothing after a thread's first call. Outputs may alias inputs.
 *
 * <p>Accuracy: the largest error, in ulps of the exact result (the float's or double's own ulp, so subnormal
 * results are measured in units of {@code MIN_VALUE}), over dense samples of the whole domain with ±0, ±∞, NaN,
 * subnormals and the overflow and underflow thresholds; the tests assert each bound below. Float results are
 * measured against double-precision references, double results against 60-digit BigDecimal evaluations.
 * IEEE special values: NaN in gives NaN out; exp(-∞) = 0, exp(+∞) = +∞, log(0) = -∞, log(x &lt; 0) = NaN,
 * tanh(±∞) = ±1, sigmoid(-∞) = 0, erf(±∞) = ±1, gelu(-∞) = -0 (the limit), gelu(+∞) = +∞.
 */
public final class VectorMath {
    /** Max error of {@code exp} in ulps, float. */
    public static final double EXP_F32_ULPS = 1.5;
    /** Max error of {@code log} in ulps, float. */
    public static final double LOG_F32_ULPS = 1;
    /** Max error of {@code tanh} in ulps, float. */
    public static final double TANH_F32_ULPS = 1.5;
    /** Max error of {@code sigmoid} in ulps, float. */
    public static final double SIGMOID_F32_ULPS = 2.5;
    /** Max error of {@code erf} in ulps, float. */
    public static final double ERF_F32_ULPS = 3;
    /** Max error of {@code gelu} (erf form) in ulps, float, for x &gt;= -4. */
    public static final double GELU_F32_ULPS = 6;
    /** Max error of {@code geluTanh} in ulps, float, for x &gt;= -4. */
    public static final double GELU_TANH_F32_ULPS = 4.5;
    /**
     * Max error of both GELU forms in ulps, float, for x &lt; -4, where the result is below 1e-4 and, from
     * x = -13 (erf form) or -10 (tanh form) down, is formed from a subnormal erfc or sigmoid.
     */
    public static final double GELU_TAIL_F32_ULPS = 11;

    /** Max error of {@code exp} in ulps, double. */
    public static final double EXP_F64_ULPS = 1.5;
    /** Max error of {@code log} in ulps, double. */
    public static final double LOG_F64_ULPS = 1;
    /** Max error of {@code tanh} in ulps, double. */
    public static final double TANH_F64_ULPS = 2;
    /** Max error of {@code sigmoid} in ulps, double. */
    public static final double SIGMOID_F64_ULPS = 2.5;
    /** Max error of {@code erf} in ulps, double. */
    public static final double ERF_F64_ULPS = 3;
    /** Max error of {@code gelu} (erf form) in ulps, double, for x &gt;= -4. */
    public static final double GELU_F64_ULPS = 7;
    /** Max error of {@code geluTanh} in ulps, double, for x &gt;= -4. */
    public static final double GELU_TANH_F64_ULPS = 4.5;
    /** Max error of both GELU forms in ulps, double, for x &lt; -4. */
    public static final double GELU_TAIL_F64_ULPS = 11;

    private static final ThreadLocal<F32Lanes> F32 = ThreadLocal.withInitial(F32Lanes::new);
    private static final ThreadLocal<F64Lanes> F64 = ThreadLocal.withInitial(F64Lanes::new);

    private VectorMath() {
    }

    /** The functions, by the name fused expressions use. */
    public enum Function {
        /** e^x. */
        EXP,
        /** Natural logarithm. */
        LOG,
        /** Hyperbolic tangent. */
        TANH,
        /** 1 / (1 + e^-x). */
        SIGMOID,
        /** The error function. */
        ERF,
        /** x Φ(x), the erf form of GELU. */
        GELU,
        /** x (1 + tanh(√(2/π)(x + 0.044715 x³))) / 2. */
        GELU_TANH
    }

    /** {@code out[i] = f(x[i])} for every i; {@code out} must be as long as {@code x}, and may be {@code x}. */
    public static void apply(Function f, float[] x, float[] out) {
        checkLengths(x.length, out.length);
        apply(f, x, 0, out, 0, x.length);
    }

    /**
     * {@code out[oo + i] = f(x[xo + i])} for i in [0, n): the range form, for arrays longer than the data they
     * hold (a matrix's backing array). {@code out} may be {@code x} at the same offset; other overlaps are rejected.
     *
     * @throws IndexOutOfBoundsException when a range leaves its array
     * @throws org.fusemath.api.InvalidArgumentException when n is negative or the ranges overlap at different offsets
     */
    public static void apply(Function f, float[] x, int xo, float[] out, int oo, int n) {
        checkRange(x.length, xo, out.length, oo, n, x == out);
        F32Lanes lanes = F32.get();
        for (int i = 0; i < n; i += F32Lanes.CHUNK) {
            int c = Math.min(F32Lanes.CHUNK, n - i);
            switch (f) {
                case EXP -> lanes.exp(x, xo + i, out, oo + i, c);
                case LOG -> lanes.log(x, xo + i, out, oo + i, c);
                case TANH -> lanes.tanh(x, xo + i, out, oo + i, c);
                case SIGMOID -> lanes.sigmoid(x, xo + i, out, oo + i, c);
                case ERF -> lanes.erf(x, xo + i, out, oo + i, c);
                case GELU -> lanes.gelu(x, xo + i, out, oo + i, c);
                case GELU_TANH -> lanes.geluTanh(x, xo + i, out, oo + i, c);
            }
        }
    }

    /** {@code out[i] = f(x[i])} for every i; {@code out} must be as long as {@code x}, and may be {@code x}. */
    public static void apply(Function f, double[] x, double[] out) {
        checkLengths(x.length, out.length);
        apply(f, x, 0, out, 0, x.length);
    }

    /**
     * {@code out[oo + i] = f(x[xo + i])} for i in [0, n): the range form, for arrays longer than the data they
     * hold (a matrix's backing array). {@code out} may be {@code x} at the same offset; other overlaps are rejected.
     *
     * @throws IndexOutOfBoundsException when a range leaves its array
     * @throws org.fusemath.api.InvalidArgumentException when n is negative or the ranges overlap at different offsets
     */
    public static void apply(Function f, double[] x, int xo, double[] out, int oo, int n) {
        checkRange(x.length, xo, out.length, oo, n, x == out);
        F64Lanes lanes = F64.get();
        for (int i = 0; i < n; i += F64Lanes.CHUNK) {
            int c = Math.min(F64Lanes.CHUNK, n - i);
            switch (f) {
                case EXP -> lanes.exp(x, xo + i, out, oo + i, c);
                case LOG -> lanes.log(x, xo + i, out, oo + i, c);
                case TANH -> lanes.tanh(x, xo + i, out, oo + i, c);
                case SIGMOID -> lanes.sigmoid(x, xo + i, out, oo + i, c);
                case ERF -> lanes.erf(x, xo + i, out, oo + i, c);
                case GELU -> lanes.gelu(x, xo + i, out, oo + i, c);
                case GELU_TANH -> lanes.geluTanh(x, xo + i, out, oo + i, c);
            }
        }
    }

    private static void checkRange(int xLength, int xo, int outLength, int oo, int n, boolean same) {
        if (n < 0) {
            throw new org.fusemath.api.InvalidArgumentException("n", n, "a count >= 0");
        }
        java.util.Objects.checkFromIndexSize(xo, n, xLength);
        java.util.Objects.checkFromIndexSize(oo, n, outLength);
        // A chunk is read before it is written, so out = x at one offset is safe; a shifted overlap would read
        // results of the previous chunk as inputs.
        if (same && xo != oo && n > 0 && xo < oo + n && oo < xo + n) {
            throw new org.fusemath.api.InvalidArgumentException("oo", oo,
                    "xo (" + xo + ") or a range of out not overlapping x's [" + xo + ", " + (xo + n) + ")");
        }
    }

    private static void checkLengths(int x, int out) {
        if (x != out) {
            throw new IllegalArgumentException("out has length " + out + ", expected the length of x, " + x);
        }
    }
}
