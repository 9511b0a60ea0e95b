package org.fusemath.random.host.libm;

/**
 * glibc's {@code logf} and {@code sincosf} applied to whole arrays, bit-identical to {@link GlibcFloat} for every
 * input, in short branch-free loops that HotSpot's C2 can auto-vectorize.
 *
 * <p>Why stages: C2 turns a loop into SIMD code only when every operation in it has a vector form (no table
 * lookups, no {@code floatToRawIntBits} of a computed value, no conditional selects) and, as measured on
 * JDK 25, only when no commutative operation joins two long dependency chains. One long loop per function
 * therefore stays scalar; split into the stages below each loop vectorizes (JDK 25 on AVX-512: about
 * 1.5 ns per logf and 1.5 ns per sin/cos pair, against 2.8 and 6.5 ns for the scalar functions). The one
 * step that needs a table lookup, logf's subinterval, is a scalar stage of its own. On JDK 17 the stages
 * stay scalar and cost about what the scalar functions cost.
 *
 * <p>Inputs the fast formulas do not cover (for logf: zero, negative, subnormal, infinite and NaN inputs;
 * for sincosf: |y| &gt;= 120, -0, infinities and NaN) are detected per call and recomputed with the scalar
 * functions, so no caller has to know the ranges. An instance owns scratch arrays of {@link #capacity()}
 * elements and is not thread-safe: each worker uses its own.
 */
public final class GlibcFloatLanes {
    private static final int TOP_120_BITS = Float.floatToRawIntBits(120.0f);

    private final int capacity;
    private final int[] bits;
    private final int[] quadrant;
    private final double[] first;
    private final double[] second;

    /** Scratch for calls of up to {@code capacity} elements. */
    public GlibcFloatLanes(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.bits = new int[capacity];
        this.quadrant = new int[capacity];
        this.first = new double[capacity];
        this.second = new double[capacity];
    }

    /** The largest {@code n} a call accepts. */
    public int capacity() {
        return capacity;
    }

    /** {@code out[i] = GlibcFloat.logf(x[i])} for i in [0, n); {@code out} may be {@code x}. */
    public void logf(float[] x, float[] out, int n) {
        checkLength(n);
        if (logGather(x, n)) {
            logReduce(n);
            logPolynomial(out, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = GlibcFloat.logf(x[i]);
            }
        }
    }

    /**
     * {@code sin[i] = GlibcFloat.sinf(y[i])}, {@code cos[i] = GlibcFloat.cosf(y[i])} for i in [0, n); the outputs
     * may not alias {@code y}.
     */
    public void sinCos(float[] y, float[] sin, float[] cos, int n) {
        checkLength(n);
        sinCosReduce(y, n);
        cosPolynomial(n);
        sinPolynomial(n);
        sinCosCombine(sin, cos, n);
        if (!inFastRange(y, n)) {
            for (int i = 0; i < n; i++) {
                float v = y[i];
                int b = Float.floatToRawIntBits(v);
                if ((b & 0x7fffffff) >= TOP_120_BITS || b == 0x80000000) {
                    sin[i] = GlibcFloat.sinf(v);
                    cos[i] = GlibcFloat.cosf(v);
                }
            }
        }
    }

    private void checkLength(int n) {
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("n must be in [0, " + capacity + "], got " + n);
        }
    }

    /**
     * The scalar stage: the bits of each input, and 1/c and log(c) of its subinterval (glibc's
     * {@code __logf_data.tab}) in {@code first} and {@code second}. False when some input is not a positive
     * normal finite float (glibc's special cases), so that the caller takes the scalar path.
     */
    private boolean logGather(float[] x, int n) {
        double[] table = LogTables.LOGF;
        int[] ix = bits;
        double[] invc = first;
        double[] logc = second;
        boolean special = false;
        for (int i = 0; i < n; i++) {
            int b = Float.floatToRawIntBits(x[i]);
            ix[i] = b;
            if (Integer.compareUnsigned(b - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
                special = true; // never taken for Box-Muller inputs, so the branch costs nothing
            }
            int j = ((b - 0x3f330000) >>> 19) & 15;
            invc[i] = table[2 * j];
            logc[i] = table[2 * j + 1];
        }
        return !special;
    }

    /** r = z/c - 1 and y0 = k ln2 + log(c), where x = 2^k z with z in [0x1.66p-1, 0x1.66p0). */
    private void logReduce(int n) {
        int[] ix = bits;
        double[] r = first;
        double[] y0 = second;
        for (int i = 0; i < n; i++) {
            int b = ix[i];
            int tmp = b - 0x3f330000;
            int iz = b - (tmp & 0xff800000);
            // z from its bits without a bit cast (which has no vector form): mantissa times 2^-24 or 2^-23.
            double z = (double) ((iz & 0x7fffff) | 0x800000) * (0x1p-24 * (double) (1 + ((iz >>> 23) & 1)));
            r[i] = Math.fma(z, r[i], -1.0);
            y0[i] = Math.fma((double) (tmp >> 23), GlibcFloat.LN2, y0[i]);
        }
    }

    /**
     * glibc's polynomial. Its special case x == 1 needs no stage: 1 falls in the subinterval whose table entry
     * is exactly (1, 0), so r = 0 and the polynomial gives +0 as well.
     */
    private void logPolynomial(float[] out, int n) {
        double[] rs = first;
        double[] y0 = second;
        for (int i = 0; i < n; i++) {
            double r = rs[i];
            double r2 = r * r;
            double y = Math.fma(GlibcFloat.LOGF_A1, r, GlibcFloat.LOGF_A2);
            y = Math.fma(GlibcFloat.LOGF_A0, r2, y);
            out[i] = (float) Math.fma(y, r2, y0[i] + r);
        }
    }

    /** The quadrant n and the reduced argument y - n pi/2 of glibc's fast reduction (|y| &lt; 120). */
    private void sinCosReduce(float[] y, int n) {
        int[] q = quadrant;
        double[] x = first;
        for (int i = 0; i < n; i++) {
            double v = y[i];
            int k = ((int) (v * GlibcFloat.HPI_INV_2P24) + 0x800000) >> 24;
            q[i] = k;
            x[i] = Math.fma(-(double) k, GlibcFloat.HPI, v);
        }
    }

    private void cosPolynomial(int n) {
        double[] xs = first;
        double[] c = second;
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double x2 = x * x;
            double x4 = x2 * x2;
            double c2 = Math.fma(x2, GlibcFloat.C4, GlibcFloat.C3);
            double c1 = Math.fma(x2, GlibcFloat.C1, GlibcFloat.C0);
            double x6 = x4 * x2;
            c[i] = Math.fma(x6, c2, Math.fma(x4, GlibcFloat.C2, c1));
        }
    }

    /** Overwrites the reduced argument with the sine polynomial. */
    private void sinPolynomial(int n) {
        double[] xs = first;
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double x2 = x * x;
            double x3 = x * x2;
            double s1 = Math.fma(x2, GlibcFloat.S3, GlibcFloat.S2);
            double x7 = x3 * x2;
            xs[i] = Math.fma(x7, s1, Math.fma(x3, GlibcFloat.S1, x));
        }
    }

    /**
     * Quadrant n: sin = (+s, +c, -s, -c)[n mod 4], cos = (+c, -s, -c, +s)[n mod 4], as glibc's table choice.
     * The choice is a sum of the two polynomials weighted by 0 and +-1, exact because one weight is 0 and
     * neither polynomial is 0 here; written with fma, which C2 never reorders, because a commutative add of
     * the two chains defeats JDK 25's vectorizer.
     */
    private void sinCosCombine(float[] sin, float[] cos, int n) {
        int[] q = quadrant;
        double[] sp = first;
        double[] cp = second;
        for (int i = 0; i < n; i++) {
            int k = q[i];
            int odd = k & 1;
            int even = odd ^ 1;
            int sinSign = 1 - (k & 2);
            int cosSign = 1 - ((k + 1) & 2);
            double s = sp[i];
            double c = cp[i];
            sin[i] = (float) Math.fma(s, (double) (even * sinSign), Math.fma(c, (double) (odd * sinSign), 0.0));
            cos[i] = (float) Math.fma(c, (double) (even * cosSign), Math.fma(s, (double) (odd * cosSign), 0.0));
        }
    }

    /**
     * True when every input takes glibc's fast reduction with results the stages reproduce: |y| &lt; 120 and
     * not -0 (for which the sum above would give +0). Two reductions, one pass.
     */
    private static boolean inFastRange(float[] y, int n) {
        int maxAbs = 0;
        int minSigned = 0;
        for (int i = 0; i < n; i++) {
            int b = Float.floatToRawIntBits(y[i]);
            maxAbs = Math.max(maxAbs, b & 0x7fffffff);
            minSigned = Math.min(minSigned, b);
        }
        return maxAbs < TOP_120_BITS && minSigned != 0x80000000;
    }
}
