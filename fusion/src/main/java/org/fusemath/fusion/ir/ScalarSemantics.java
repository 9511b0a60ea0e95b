package org.fusemath.fusion.ir;

/**
 * The arithmetic of every {@link OpKind}, once: what the interpreter computes and what generated code must
 * reproduce. Values travel as doubles; an F32 result is rounded to float after each operation, which for
 * + − · / √ and casts gives exactly IEEE binary32 arithmetic (a double holds a binary32 operation's exact
 * result closely enough that rounding it again to float is correctly rounded). BOOL is 1.0 (true) or 0.0.
 *
 * <p>Transcendentals use {@link Math} (exp, log, tanh, pow: within 1 ulp of the double result) and
 * {@link #erf(double)} (within 8 ulps of double, tested), so an F32 value from this class is within 1 ulp of the
 * correctly rounded float; the generators state their own bounds against it.
 */
public final class ScalarSemantics {
    private static final double SQRT1_2 = 0.7071067811865476;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private ScalarSemantics() {
    }

    /** {@code v} rounded to {@code type} (float for F32; BOOL and F64 unchanged). */
    public static double round(ScalarType type, double v) {
        return type == ScalarType.F32 ? (double) (float) v : v;
    }

    /** A unary kind (including CAST, whose target is {@code type}) of {@code x}, rounded to {@code type}. */
    public static double unary(OpKind kind, ScalarType type, double x) {
        double r = switch (kind) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> Math.sqrt(x);
            case RSQRT -> 1.0 / Math.sqrt(x);
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> x > 0 || x != x ? x : 0.0;   // NaN stays NaN; -0 and negatives become +0 as maximum(x, 0)
            case GELU_ERF -> 0.5 * x * (1.0 + erf(x * SQRT1_2));
            case GELU_TANH -> 0.5 * x * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
            case SQUARE -> x * x;
            case CAST -> x;
            default -> throw new IllegalArgumentException(kind + " is not unary");
        };
        return round(type, r);
    }

    /** A binary kind of {@code a} and {@code b} (comparisons give 1.0/0.0), rounded to {@code type}. */
    public static double binary(OpKind kind, ScalarType type, double a, double b) {
        double r = switch (kind) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MIN -> a != a || b != b ? Double.NaN : Math.min(a, b);
            case MAX -> a != a || b != b ? Double.NaN : Math.max(a, b);
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            default -> throw new IllegalArgumentException(kind + " is not binary");
        };
        return round(type, r);
    }

    /** The identity a reduction's accumulator starts from. */
    public static double identity(OpKind kind) {
        return switch (kind) {
            case REDUCE_SUM -> 0.0;
            case REDUCE_MAX -> Double.NEGATIVE_INFINITY;
            case REDUCE_MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException(kind + " is not a reduction");
        };
    }

    /** One accumulation step (unrounded: sums accumulate in double; the result is rounded once at the end). */
    public static double accumulate(OpKind kind, double acc, double x) {
        return switch (kind) {
            case REDUCE_SUM -> acc + x;
            case REDUCE_MAX -> acc != acc || x != x ? Double.NaN : Math.max(acc, x);
            case REDUCE_MIN -> acc != acc || x != x ? Double.NaN : Math.min(acc, x);
            default -> throw new IllegalArgumentException(kind + " is not a reduction");
        };
    }

    /** 1/(1 + e⁻ˣ), written so that neither branch overflows. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** e^(−x²) with x² split exactly into hi + lo (an FMA), so that its rounding does not grow with x². */
    private static double expMinusSquare(double x) {
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return Math.exp(-hi) * (1 - lo);
    }

    /**
     * The error function, within 8 ulps (measured worst on a grid over [−6, 6]: 8): for |x| &lt; 2.5 the series erf x = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1))
     * (positive terms, no cancellation); beyond, 1 − erfc x with erfc from its continued fraction; ±1 from 6 on.
     */
    public static double erf(double x) {
        if (x != x) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= 6) {
            return Math.copySign(1.0, x);
        }
        if (ax < 2.5) {
            double x2 = ax * ax;
            double term = ax;
            double sum = ax;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x2 / (2 * n + 1);
                double next = sum + term;
                if (next == sum) {
                    break;
                }
                sum = next;
            }
            return Math.copySign(TWO_OVER_SQRT_PI * expMinusSquare(ax) * sum, x);
        }
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up with 60 terms
        // (plenty for x ≥ 2.5, where it converges in a few dozen).
        double f = ax;
        for (int k = 60; k >= 1; k--) {
            f = ax + (k / 2.0) / f;
        }
        double erfc = expMinusSquare(ax) / (f * 1.7724538509055159);
        return Math.copySign(1.0 - erfc, x);
    }
}
