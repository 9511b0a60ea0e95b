package org.fusemath.fusion.host;

// lanes-type-specific: doc begin
/**
 * Float transcendentals over chunks of at most {@link #CHUNK} elements, written as short branch-free loops that
 * HotSpot's C2 turns into SIMD code; the generated host kernels call these once per chunk.
 *
 * <p>Why stages: C2 vectorises a loop only when every operation in it has a vector form. Range reduction and
 * polynomials (multiply, add, fma, min, max, abs, divide) have one; the bit casts that build 2^k or read an
 * exponent ({@code Float.intBitsToFloat} of a computed value) do not. Each function is therefore a few loops over
 * scratch arrays that stay in L1: the vector loops carry the arithmetic, and one short stage does the bit work. exp's
 * stage has no scalar loop left: its bit patterns are formed in int arrays by vector loops and move between the int
 * and float arrays in bulk ({@link BitsCopy}: one heap-segment copy on Java 22+, one {@code Unsafe.copyMemory} on
 * Java 17); on JDK 25 k comes from a vectorised {@code (int)} cast, elsewhere from t's copied bits. Branches become
 * exact 0/1 weights: {@code step(d) = min(max(d * 2^149, 0), 1)} (on JDK 25 the same values from
 * {@code Math.signum}, which C2 vectorises there) is 1 for every positive float d and 0 otherwise, so
 * {@code step·a + (1−step)·b} selects a or b exactly (both finite) and propagates NaN (of either sign: Java leaves a
 * computed NaN's sign open).
 *
 * <p>Accuracy (max error in ulps of the correctly rounded float result, measured against double-precision
 * references over dense samples of every float bit pattern, subnormals, ±0, ±∞ and NaN included; tests assert
 * these bounds): see each method and {@link VectorMath}. Outputs may alias inputs. Not thread-safe: an instance
 * owns its scratch arrays, so each thread uses its own (instances are cheap).
 *
 * <p>{@link F64Lanes} is generated from this file: the stage structure (everything outside the
 * {@code lanes-type-specific} regions) is shared, the regions (constants, polynomials, bit stages) are each type's own.
 */
// lanes-type-specific: doc end
public final class F32Lanes {
    /** The most elements one call takes. */
    public static final int CHUNK = 512;

    // lanes-type-specific: constants begin
    private static final float SHIFT = 0x1.8p23f;            // adding it rounds |v| < 2^22 to an integer
    private static final int SHIFT_BITS = 0x4B400000;        // Float.floatToRawIntBits(SHIFT)
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0x1.62e4p-1f;        // 0.693145752; few bits, so k * LN2_HI is exact
    private static final float LN2_LO = 1.42860677e-6f;      // ln 2 - LN2_HI
    private static final float EXP_MIN = -104f;               // below: e^x < MIN_VALUE / 2, rounds to 0
    private static final float EXP_MAX = 89f;                 // above: e^x > MAX_VALUE, rounds to +inf
    private static final float STEP = 0x1p100f;              // times STEP2: 2^149 maps every positive float to >= 1
    private static final float STEP2 = 0x1p49f;

    // e^r on |r| <= ln2/2: 1 + r + r^2 (1/2 + r/6 + ... + r^5/7!), truncation below 0.1 ulp.
    private static final float E2 = 1f / 2, E3 = 1f / 6, E4 = 1f / 24, E5 = 1f / 120, E6 = 1f / 720, E7 = 1f / 5040;

    // log(1+f) = f - f^2/2 + s (f^2/2 + R), s = f / (2 + f), R = s^2 (L1 + L2 s^2 + ...): minimax on s^2 <= 0.0295.
    private static final float L1 = 0.66666666554497091551f, L2 = 0.40000121839806126714f,
            L3 = 0.28550820815960663296f, L4 = 0.23330467216303836299f;
    private static final int SQRT_HALF_BITS = 0x3f3504f3;

    // tanh(x) = x + x^3 T(x^2) on |x| <= TANH_SMALL (Chebyshev fit, relative error of T 4.8e-9).
    private static final float TANH_SMALL = 0.625f;
    private static final float T0 = -0.33333333172140361638f, T1 = 0.13333303556915741766f,
            T2 = -0.053959259577204542744f, T3 = 0.021768918651028210152f, T4 = -0.008343945515839152048f,
            T5 = 0.0022927448161781423431f;
    private static final float TANH_CLAMP = 10f;              // tanh(10) rounds to 1 in float

    // erf(x) = x P(x^2) on |x| <= 1 (Chebyshev fit, relative error 1.3e-9).
    private static final float P0 = 1.128379165848350946f, P1 = -0.37612626666720331023f,
            P2 = 0.11283594715160217732f, P3 = -0.026854212010626412443f, P4 = 0.0051890874234339739861f,
            P5 = -0.00080168642871658695293f, P6 = 0.000078758750626854883411f;
    // erfc(z) = t exp(-z^2 + Q(t)), t = 1 / (1 + z/2), used for z >= 0.5: the Numerical Recipes form refitted on z in [0.5, 10].
    private static final float Q0 = -1.2655415298229360192f, Q1 = 1.0008396650317547784f,
            Q2 = 0.36455266353688264473f, Q3 = 0.1578199549711206617f, Q4 = -0.42183260125871322985f,
            Q5 = 0.84964989856719134536f, Q6 = -2.0085417265491109478f, Q7 = 2.3069198412657433594f,
            Q8 = -1.2507577911817856817f, Q9 = 0.26693490491526958988f;
    private static final float ERF_SPLIT = 0.5f;               // erf(x) = x P(x^2) below, 1 - erfc(x) above
    private static final float ERFC_CLAMP = 14.2f;            // exp(-z^2) underflows to 0 well before
    private static final float GELU_MIN = -20f;               // gelu(x) rounds to -0 below
    private static final float INV_SQRT2 = 0.70710678118654752440f;
    private static final float GELU_TANH_K = 1.5957691216057307117f; // 2 sqrt(2/pi)
    private static final float GELU_TANH_C = 0.044715f;
    private static final float GELU_TANH_K_LO = -4.534068042105272e-08f;  // 2 sqrt(2/pi) - GELU_TANH_K
    private static final float GELU_TANH_C_LO = 1.5461444854736329e-09f;  // 0.044715 - GELU_TANH_C
    // lanes-type-specific: constants end

    private final float[] s0 = new float[CHUNK];
    private final float[] s1 = new float[CHUNK];
    private final float[] s2 = new float[CHUNK];
    private final float[] s3 = new float[CHUNK];
    private final float[] s4 = new float[CHUNK];
    private final float[] s5 = new float[CHUNK];

    // Every loop below runs over a whole chunk of scratch from index 0 and is a method of its own: C2 (JDK 17 and
    // 25) vectorises a compiled loop only when its count and offsets are constants (a stage over n elements at
    // offset xo measured 5.0 ns per element, the same stage over CHUNK at 0: 0.76). The public methods copy the
    // caller's n elements in and out; the tail of a short chunk is computed on stale values and never copied out.

    /** e^x; within {@link VectorMath#EXP_F32_ULPS} (subnormal results included); exp(-inf) = 0, exp(+inf) = +inf, NaN stays NaN. */
    public void exp(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s5, 0, n);
        expInto(s5, s4);   // into another array: the fast form then writes its result in place (see expInto)
        System.arraycopy(s4, 0, out, oo, n);
    }

    /**
     * {@link #exp} of one whole chunk, {@code out[i] = e^x[i]} for i in [0, CHUNK), without copying through the
     * lanes' own scratch: the form the generated kernels call, whose operands are already chunk arrays. {@code out}
     * may be {@code x}.
     */
    public void expChunk(float[] x, float[] out) {
        checkChunk(x, out);
        expInto(x, out);
    }

    /**
     * {@link #tanh} of one whole chunk, i in [0, CHUNK), the same bits, without copying the operands through the
     * lanes' scratch (see {@link #expChunk}). {@code out} may be {@code x}.
     */
    public void tanhChunk(float[] x, float[] out) {
        checkChunk(x, out);
        tanhArgument(x, s3);
        expInto(s3, s2);   // into another array: no copy out of the fast form (see expInto)
        tanhCombine(x, s2, out);
    }

    /**
     * {@link #sigmoid} of one whole chunk, i in [0, CHUNK), the same bits, without copying the operands through the
     * lanes' scratch (see {@link #expChunk}). {@code out} may be {@code x}.
     */
    public void sigmoidChunk(float[] x, float[] out) {
        checkChunk(x, out);
        negativeAbs(x, s3);
        expInto(s3, s2);
        sigmoidCombine(x, s2, out);
    }

    /**
     * Softmax's and logsumexp's step over one whole chunk, i in [0, CHUNK): {@code out[i] = e^(x[i] - shift)} (the
     * bits of {@link #expChunk} of the float differences {@code x[i] - shift}) and {@code sum[i] += out[i]} (in
     * double lanes, the bits of that loop written out), without a pass over scratch for the differences or a second
     * pass over out for the sum. {@code out} may be {@code x}.
     */
    public void expShiftedSumChunk(float[] x, float shift, float[] out, double[] sum) {
        checkChunk(x, out);
        requireChunk("sum.length", sum.length);
        expInto(x, shift, out, sum);
    }

    /**
     * {@code out[i] = e^(x[i] - shift)} for one whole chunk, i in [0, CHUNK): the bits of {@link #expChunk} of the
     * float differences, without a pass over scratch for them. {@code out} may be {@code x}.
     */
    public void expShiftedChunk(float[] x, float shift, float[] out) {
        checkChunk(x, out);
        expInto(x, shift, out, null);
    }

    private static void checkChunk(float[] x, float[] out) {
        requireChunk("x.length", x.length);
        requireChunk("out.length", out.length);
    }

    private static void requireChunk(String name, int length) {
        if (length < CHUNK) {
            throw new org.fusemath.api.InvalidArgumentException(name, length, "at least CHUNK (" + CHUNK + ")");
        }
    }

    /** log(x); within {@link VectorMath#LOG_F32_ULPS}; log(0) = -inf, log(x &lt; 0) = NaN, subnormals, +inf and NaN as IEEE says. */
    public void log(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s2, 0, n);
        boolean special = logSplit(s2, s0, s1, n);
        logPolynomial(s0, s1, s5);
        if (special) {
            logSpecial(s2, s5, n);
        }
        System.arraycopy(s5, 0, out, oo, n);
    }

    // lanes-type-specific: log bits begin
    /**
     * The scalar stage: x = 2^e m with m in [sqrt(1/2), sqrt 2), f = m - 1 (exact); true when one of the first n
     * inputs is zero, negative, subnormal, infinite or NaN.
     */
    private static boolean logSplit(float[] x, float[] f, float[] e, int n) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < CHUNK; i++) {
            int ix = Float.floatToRawIntBits(x[i]);
            int tmp = ix - SQRT_HALF_BITS;
            f[i] = Float.intBitsToFloat(ix - (tmp & 0xff800000)) - 1f;
            e[i] = (float) (tmp >> 23);
        }
        for (int i = 0; i < n; i++) {
            int ix = Float.floatToRawIntBits(x[i]);
            lo = Math.min(lo, ix);
            hi = Math.max(hi, ix);
        }
        return lo < 0x00800000 || hi >= 0x7f800000;
    }

    // lanes-type-specific: log bits end

    private static void logPolynomial(float[] f, float[] e, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            float fi = f[i];
            float k = e[i];
            float s = fi / (2f + fi);
            float z = s * s;
            float r = logPoly(z);
            float hfsq = 0.5f * fi * fi;
            out[i] = k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - fi);
        }
    }

    // lanes-type-specific: log special begin
    /** The special inputs take the scalar path (a double log rounded once more to float). */
    private static void logSpecial(float[] x, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            int ix = Float.floatToRawIntBits(x[i]);
            if (ix < 0x00800000 || ix >= 0x7f800000) {
                out[i] = (float) Math.log(x[i]);
            }
        }
    }

    // lanes-type-specific: log special end

    /** tanh(x); within {@link VectorMath#TANH_F32_ULPS}; tanh(±0) = ±0, tanh(±inf) = ±1. */
    public void tanh(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s5, 0, n);
        tanhArgument(s5, s3);
        expInto(s3, s3);
        tanhCombine(s5, s3, s5);
        System.arraycopy(s5, 0, out, oo, n);
    }

    private static void tanhArgument(float[] x, float[] e) {
        for (int i = 0; i < CHUNK; i++) {
            e[i] = 2f * Math.min(Math.abs(x[i]), TANH_CLAMP);
        }
    }

    private static void tanhCombine(float[] x, float[] e, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            float v = x[i];
            float a = Math.abs(v);
            float as = Math.min(a, TANH_SMALL);
            float u = as * as;
            float small = Math.fma(as * u, tanhPoly(u), as);
            float large = 1f - 2f / (e[i] + 1f);
            float w = step(a - TANH_SMALL);
            out[i] = sign(v) * Math.fma(w, large, (1f - w) * small);
        }
    }

    /** 1 / (1 + e^-x); within {@link VectorMath#SIGMOID_F32_ULPS} (subnormal results included). */
    public void sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s5, 0, n);
        sigmoidInto(s5, s5);
        System.arraycopy(s5, 0, out, oo, n);
    }

    /** sigmoid of a whole chunk; uses s0, s1 and s3. */
    private void sigmoidInto(float[] x, float[] out) {
        negativeAbs(x, s3);
        expInto(s3, s3);
        sigmoidCombine(x, s3, out);
    }

    private static void negativeAbs(float[] x, float[] e) {
        for (int i = 0; i < CHUNK; i++) {
            e[i] = -Math.abs(x[i]);
        }
    }

    private static void sigmoidCombine(float[] x, float[] e, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            // x > 0: 1 / (1 + e^-x); x <= 0: e^x / (1 + e^x), which keeps its accuracy where e^x is tiny.
            float w = step(x[i]);
            float ei = e[i];
            out[i] = Math.fma(1f - w, ei, w) / (1f + ei);
        }
    }

    /** erf(x); within {@link VectorMath#ERF_F32_ULPS}; erf(±0) = ±0, erf(±inf) = ±1. */
    public void erf(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s5, 0, n);
        absInto(s5, s4);
        erfcLarge(s4, 1f, 1f);
        erfCombine(s5, s4, s5);
        System.arraycopy(s5, 0, out, oo, n);
    }

    private static void absInto(float[] x, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            out[i] = Math.abs(x[i]);
        }
    }

    private static void erfCombine(float[] x, float[] c, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            float v = x[i];
            float a = Math.abs(v);
            float w = step(a - ERF_SPLIT);
            out[i] = sign(v) * Math.fma(w, 1f - c[i], (1f - w) * erfSmall(a));
        }
    }

    /**
     * GELU in its erf form, x Φ(x) = x erfc(-x/√2) / 2, computed through erfc so that it keeps its relative
     * accuracy for negative x; within {@link VectorMath#GELU_F32_ULPS} for x &gt;= -4 and
     * {@link VectorMath#GELU_TAIL_F32_ULPS} below; gelu(-inf) = -0, gelu(+inf) = +inf.
     */
    public void gelu(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s5, 0, n);
        absInto(s5, s4);
        erfcLarge(s4, INV_SQRT2, 0.5f);
        geluCombine(s5, s4, s5);
        System.arraycopy(s5, 0, out, oo, n);
    }

    private static void geluCombine(float[] x, float[] c, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            float v = x[i];
            float a = Math.abs(v) * INV_SQRT2;           // |z|, z = -x/√2
            float w = step(a - ERF_SPLIT);
            float neg = step(-v);                        // z > 0: erfc(z) = C or 1 - erf; z < 0: 2 - C or 1 + erf
            float ci = c[i];
            float es = erfSmall(a);
            float whenNeg = Math.fma(w, ci, (1f - w) * (1f - es));
            float whenPos = Math.fma(w, 2f - ci, (1f - w) * (1f + es));
            float erfc = Math.fma(neg, whenNeg, (1f - neg) * whenPos);
            out[i] = 0.5f * Math.max(v, GELU_MIN) * erfc;
        }
    }

    /**
     * GELU in its tanh form, x (1 + tanh(√(2/π)(x + 0.044715 x³))) / 2, computed as x σ(2√(2/π)(x + 0.044715 x³))
     * (the same function, without the cancellation for negative x); within
     * {@link VectorMath#GELU_TANH_F32_ULPS} for x &gt;= -4 and {@link VectorMath#GELU_TAIL_F32_ULPS} below; gelu_tanh(-inf) = -0.
     */
    public void geluTanh(float[] x, int xo, float[] out, int oo, int n) {
        check(x, xo, out, oo, n);
        System.arraycopy(x, xo, s5, 0, n);
        geluTanhArgument(s5, s2, s4);
        sigmoidInto(s2, s2);
        geluTanhCombine(s5, s2, s4, s5);
        System.arraycopy(s5, 0, out, oo, n);
    }

    private static void geluTanhArgument(float[] x, float[] y, float[] ye) {
        for (int i = 0; i < CHUNK; i++) {
            // y = K v (1 + C v^2) as y + ye (error-free products and sum, K and C as two-term constants): y reaches
            // |y| ~ 100 where e^y's relative error is |y| times y's, so a plainly rounded y would cost tens of ulps.
            float v = Math.min(Math.max(x[i], GELU_MIN), -GELU_MIN);
            float v2 = v * v;
            float v2e = Math.fma(v, v, -v2);
            float g = GELU_TANH_C * v2;
            float ge = Math.fma(GELU_TANH_C, v2, -g) + Math.fma(GELU_TANH_C, v2e, GELU_TANH_C_LO * v2);
            float h = 1f + g;
            float hb = h - 1f;
            float he = ((1f - (h - hb)) + (g - hb)) + ge;
            float m = v * h;
            float me = Math.fma(v, h, -m) + v * he;
            float yi = GELU_TANH_K * m;
            y[i] = yi;
            ye[i] = Math.fma(GELU_TANH_K, m, -yi) + Math.fma(GELU_TANH_K, me, GELU_TANH_K_LO * m);
        }
    }

    private static void geluTanhCombine(float[] x, float[] s, float[] ye, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            float sg = s[i];                                 // sigma(y + ye) = sigma(y) (1 + (1 - sigma(y)) ye)
            out[i] = Math.max(x[i], GELU_MIN) * Math.fma(sg * (1f - sg), ye[i], sg);
        }
    }

    /**
     * exp of a whole chunk; uses s0 and s1, never s2..s5. First without the clamp and with one power of two, which
     * gives the same bits as the clamped two-power form whenever every k of the chunk is a normal exponent (the
     * clamp then changes nothing, and p 2^k rounds once either way); a chunk with any other k (|x| beyond about 87
     * for F32, 708 for F64, infinities, NaN) is computed again in the clamped form. Why: the clamp's two
     * Math.min/max and the second bit stage cost about a third of the whole (F32, JDK 17: 1.9 against 1.3 ns per element).
     */
    private void expInto(float[] x, float[] out) {
        expInto(x, 0, out, null);
    }

    /**
     * e^(x - shift) of a whole chunk, as {@link #expInto(float[], float[])} of the rounded differences, each result
     * also added into {@code sum}'s double lanes unless sum is null.
     */
    private void expInto(float[] x, float shift, float[] out, double[] sum) {
        float[] fast = out == x ? s0 : out;
        if (expNormal(x, shift, fast, sum)) {
            if (fast != out) {
                System.arraycopy(fast, 0, out, 0, CHUNK);
            }
            return;
        }
        expReduce(x, shift, s0, s1);
        expScale(s0, s1, out);
        if (sum != null) {
            accumulate(out, sum);
        }
    }

    /** sum[i] += v[i] in double, i in [0, CHUNK). */
    private static void accumulate(float[] v, double[] sum) {
        for (int i = 0; i < CHUNK; i++) {
            sum[i] = sum[i] + v[i];
        }
    }

    /** {@link #expReduce} without the clamp: garbage (never an exception) where |x| is large, which the scale stage detects. */
    private static void expReduceUnclamped(float[] x, float shift, float[] p, float[] t) {
        for (int i = 0; i < CHUNK; i++) {
            float v = x[i] - shift;
            float ti = v * LOG2E + SHIFT;
            float k = ti - SHIFT;
            p[i] = expOfRemainder(v, k);
            t[i] = ti;
        }
    }

    /** p = e^r and t = k + SHIFT for x - shift = k ln2 + r (the difference rounded, then clamped). */
    private static void expReduce(float[] x, float shift, float[] p, float[] t) {
        for (int i = 0; i < CHUNK; i++) {
            float v = Math.min(Math.max(x[i] - shift, EXP_MIN), EXP_MAX);
            float ti = v * LOG2E + SHIFT;
            float k = ti - SHIFT;
            p[i] = expOfRemainder(v, k);
            t[i] = ti;
        }
    }

    /** e^r for r = v - k ln2 (k an integer in float, |r| &lt;= ln2/2 where k is v/ln2 rounded), ln2 in two parts. */
    private static float expOfRemainder(float v, float k) {
        float r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, v));
        return Math.fma(r * r, expPoly(r), r) + 1f;
    }

    // lanes-type-specific: exp bits begin
    /**
     * The scalar stage: 2^k as two normal powers of two (k in [-150, 128]), so that overflow and gradual underflow
     * round once, in the last multiply.
     */
    private static void expScale(float[] p, float[] t, float[] out) {
        for (int i = 0; i < CHUNK; i++) {
            int k = Float.floatToRawIntBits(t[i]) - SHIFT_BITS;
            int k1 = k >> 1;
            float half1 = Float.intBitsToFloat((k1 + 127) << 23);
            float half2 = Float.intBitsToFloat((k - k1 + 127) << 23);
            out[i] = p[i] * half1 * half2;
        }
    }

    /**
     * The fast form of exp: out = e^(x - shift) as p 2^k with one power of two (p = e^r, x - shift = k ln2 + r,
     * reduced without the clamp; out may be x); true when every k of the chunk is in [-126, 127], the exponents of
     * normal floats, and otherwise out may hold garbage that {@link #expInto} recomputes; a non-null {@code sum} gets
     * out's values added into its double lanes in the fast form only. The check is on the wrapped differences
     * k + 126 and 127 - k: both non-negative exactly when k is in range, whatever bits t holds (their exact sum is
     * 253). Uses s0 and s1. Two forms, the same bits: the cast form where C2 vectorises float-to-int casts (JDK 25),
     * the copied form elsewhere, whose bit patterns move in bulk ({@link BitsCopy}; by scalar loops on a Java 17-21
     * runtime that hides {@code sun.misc.Unsafe}).
     */
    private boolean expNormal(float[] x, float shift, float[] out, double[] sum) {
        expReduceUnclamped(x, shift, s0, s1);
        if (CASTS_VECTORISE) {
            return expScaleCast(s0, s1, out, kbits, kcopy, kpowers, sum);
        }
        if (!expScaleCopied(s0, out, tcopy, tbits, kbits, kcopy, kpowers)) {
            return false;
        }
        if (sum != null) {
            // its own loop: inside the multiply's, the float-to-double conversion (which C2 17 does not vectorise)
            // would make that loop scalar
            accumulate(out, sum);
        }
        return true;
    }

    /**
     * {@link #expNormal} with t's bits copied in bulk into {@code tBits} ({@code toInts}, bound to the t
     * scratch), k and the bits of 2^k formed by a vector loop over ints, and those copied in bulk into
     * {@code powers} ({@code toFloats}) for a vector multiply: a scalar bit loop's work (k from
     * {@code Float.floatToRawIntBits(t)}, 2^k by {@code Float.intBitsToFloat}) without a scalar loop (JDK 17: the
     * scale stage's 1.1 ns per element in that loop falls to 0.5).
     */
    private static boolean expScaleCopied(float[] p, float[] out, BitsCopy toInts, int[] tBits, int[] bits,
            BitsCopy toFloats, float[] powers) {
        toInts.run();
        int outside = 0;
        for (int i = 0; i < CHUNK; i++) {
            int k = tBits[i] - SHIFT_BITS;
            outside |= (k + 126) | (127 - k);
            bits[i] = (k + 127) << 23;
        }
        if (outside < 0) {
            return false;
        }
        toFloats.run();
        for (int i = 0; i < CHUNK; i++) {
            out[i] = p[i] * powers[i];
        }
        return true;
    }

    /**
     * {@link #expNormal} with k = (int) (t - SHIFT), the same integer wherever k is in range (t - SHIFT is then
     * exact), cast and checked in a vector loop; the bits of 2^k go from {@code bits} to {@code powers} through
     * {@code copy} (one bulk copy, see {@link BitsCopy}), and a vector loop multiplies. NaN casts to k = 0 and stays
     * NaN through p; an infinite or huge t saturates the cast and fails the check. (Casting inside the reduction's
     * loop instead, which saves this loop's pass over t, measured no faster on JDK 25.) With a {@code sum}, the
     * multiply's loop also adds each result into its double lanes.
     */
    private static boolean expScaleCast(float[] p, float[] t, float[] out, int[] bits, BitsCopy copy,
            float[] powers, double[] sum) {
        int outside = 0;
        for (int i = 0; i < CHUNK; i++) {
            int k = (int) (t[i] - SHIFT);
            outside |= (k + 126) | (127 - k);
            bits[i] = (k + 127) << 23;
        }
        if (outside < 0) {
            return false;
        }
        copy.run();
        if (sum == null) {
            for (int i = 0; i < CHUNK; i++) {
                out[i] = p[i] * powers[i];
            }
        } else {
            // the sum in the multiply's loop (C2 25 vectorises the conversion): no second pass over out
            for (int i = 0; i < CHUNK; i++) {
                float o = p[i] * powers[i];
                out[i] = o;
                sum[i] = sum[i] + o;
            }
        }
        return true;
    }

    /**
     * Whether this JVM's C2 vectorises {@code (int)} casts of floats: it does on JDK 25 (the scale stage's CPU time
     * 0.56 ns per element in the cast form against 0.8-0.9 in the bit form, on the loaded 2-core dev machine; 0.3 with
     * the bulk bit copy), not on JDK 17 (2.0-2.4 against 0.8); versions between are untested and take the copied form.
     */
    private static final boolean CASTS_VECTORISE = Runtime.version().feature() >= 25;
    private final int[] kbits = new int[CHUNK];
    private final float[] kpowers = new float[CHUNK];
    private final BitsCopy kcopy = BitsCopy.toFloats(kbits, kpowers);
    private final int[] tbits = new int[CHUNK];
    private final BitsCopy tcopy = BitsCopy.toInts(s1, tbits);   // expInto's t is always s1
    // lanes-type-specific: exp bits end

    /**
     * c[i] = erfc(z) for z = max(c[i] scale, ERF_SPLIT), c[i] &gt;= 0 assumed, with square = scale^2 exact (1 or 1/2), so
     * that z^2 = (c[i]^2) square is formed exactly and exp(-z^2) keeps its accuracy; uses s0..s3.
     */
    private void erfcLarge(float[] c, float scale, float square) {
        erfcArguments(c, scale, square, s2, s3);
        expInto(s2, s2);
        expInto(s3, s3);
        product3(c, s2, s3);
    }

    private static void erfcArguments(float[] c, float scale, float square, float[] q, float[] g) {
        for (int i = 0; i < CHUNK; i++) {
            float a = Math.min(Math.max(c[i], ERF_SPLIT / scale), ERFC_CLAMP / scale);
            float z = a * scale;
            float t = 1f / Math.fma(0.5f, z, 1f);
            float sq = a * a;
            float hi = sq * square;
            float lo = Math.fma(a, a, -sq) * square;   // z^2 = hi + lo exactly
            q[i] = erfcPoly(t) - lo;
            g[i] = -hi;
            c[i] = t;
        }
    }

    private static void product3(float[] c, float[] q, float[] g) {
        for (int i = 0; i < CHUNK; i++) {
            c[i] = c[i] * q[i] * g[i];
        }
    }

    // lanes-type-specific: polynomials begin
    // Horner in fma steps (one rounding each, and half the instructions of multiply-then-add): measured 0.55 -> 0.48 ns
    // per element for exp's reduce stage and 1.27 -> 1.10 for tanh's combine stage (JDK 25).
    private static float expPoly(float r) {
        float q = Math.fma(r, E7, E6);
        q = Math.fma(r, q, E5);
        q = Math.fma(r, q, E4);
        q = Math.fma(r, q, E3);
        return Math.fma(r, q, E2);
    }

    private static float logPoly(float z) {
        return z * (L1 + z * (L2 + z * (L3 + z * L4)));
    }

    private static float tanhPoly(float u) {
        float q = Math.fma(u, T5, T4);
        q = Math.fma(u, q, T3);
        q = Math.fma(u, q, T2);
        q = Math.fma(u, q, T1);
        return Math.fma(u, q, T0);
    }

    private static float erfcPoly(float t) {
        float p = Q9;
        p = Math.fma(p, t, Q8);
        p = Math.fma(p, t, Q7);
        p = Math.fma(p, t, Q6);
        p = Math.fma(p, t, Q5);
        p = Math.fma(p, t, Q4);
        p = Math.fma(p, t, Q3);
        p = Math.fma(p, t, Q2);
        p = Math.fma(p, t, Q1);
        p = Math.fma(p, t, Q0);
        return p;
    }

    private static float erfSmall(float a) {
        float as = Math.min(a, ERF_SPLIT);
        float u = as * as;
        return as * (P0 + u * (P1 + u * (P2 + u * (P3 + u * (P4 + u * (P5 + u * P6))))));
    }
    // lanes-type-specific: polynomials end

    /** 1 for d &gt; 0, 0 for d &lt;= 0 (both zeros), NaN for NaN. */
    private static float step(float d) {
        if (SIGNUM_VECTORISES) {
            float s = Math.signum(d);
            return 0.5f * (s + Math.abs(s));   // the same values: signum is ±1, ±0 or NaN
        }
        return Math.min(Math.max(d * STEP * STEP2, 0f), 1f);
    }

    /** ±1 with the sign of v, ±0 for ±0, NaN for NaN. */
    private static float sign(float v) {
        return SIGNUM_VECTORISES ? Math.signum(v) : Math.min(Math.max(v * STEP * STEP2, -1f), 1f);
    }

    /**
     * Whether this JVM's C2 vectorises {@code Math.signum}: it does on JDK 25, where signum, add and abs cost less
     * than the clamps' Java-semantics vector min and max (tanh's combine stage, F32: 1.10 against 0.93 ns per
     * element; a signum loop over doubles 0.15 ns against a clamp's 0.42), and not on JDK 17 (4-7 ns, scalar); a
     * constant, so C2 keeps one of the two forms. Versions between take the clamps.
     */
    private static final boolean SIGNUM_VECTORISES = Runtime.version().feature() >= 25;

    private static void check(float[] x, int xo, float[] out, int oo, int n) {
        if (n < 0 || n > CHUNK) {
            throw new IllegalArgumentException("n must be in [0, " + CHUNK + "], got " + n);
        }
        if (xo < 0 || xo > x.length - n) {
            throw new IndexOutOfBoundsException("x: offset " + xo + " + n " + n + " exceeds length " + x.length);
        }
        if (oo < 0 || oo > out.length - n) {
            throw new IndexOutOfBoundsException("out: offset " + oo + " + n " + n + " exceeds length " + out.length);
        }
    }
}
