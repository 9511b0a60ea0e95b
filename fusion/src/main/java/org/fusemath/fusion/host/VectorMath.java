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
        F32Lanes lanes = F32.get();
        for (int i = 0; i < x.length; i += F32Lanes.CHUNK) {
            int n = Math.min(F32Lanes.CHUNK, x.length - i);
            switch (f) {
                case EXP -> lanes.exp(x, i, out, i, n);
                case LOG -> lanes.log(x, i, out, i, n);
                case TANH -> lanes.tanh(x, i, out, i, n);
                case SIGMOID -> lanes.sigmoid(x, i, out, i, n);
                case ERF -> lanes.erf(x, i, out, i, n);
                case GELU -> lanes.gelu(x, i, out, i, n);
                case GELU_TANH -> lanes.geluTanh(x, i, out, i, n);
            }
        }
    }

    /** {@code out[i] = f(x[i])} for every i; {@code out} must be as long as {@code x}, and may be {@code x}. */
    public static void apply(Function f, double[] x, double[] out) {
        checkLengths(x.length, out.length);
        F64Lanes lanes = F64.get();
        for (int i = 0; i < x.length; i += F64Lanes.CHUNK) {
            int n = Math.min(F64Lanes.CHUNK, x.length - i);
            switch (f) {
                case EXP -> lanes.exp(x, i, out, i, n);
                case LOG -> lanes.log(x, i, out, i, n);
                case TANH -> lanes.tanh(x, i, out, i, n);
                case SIGMOID -> lanes.sigmoid(x, i, out, i, n);
                case ERF -> lanes.erf(x, i, out, i, n);
                case GELU -> lanes.gelu(x, i, out, i, n);
                case GELU_TANH -> lanes.geluTanh(x, i, out, i, n);
            }
        }
    }

    private static void checkLengths(int x, int out) {
        if (x != out) {
            throw new IllegalArgumentException("out has length " + out + ", expected the length of x, " + x);
        }
    }
}
