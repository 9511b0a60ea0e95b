package org.fusemath.random.host.libm;

/**
 * glibc's single-precision {@code logf}, {@code sinf}, {@code cosf} and {@code expf} as its x86-64 libm
 * computes them on a CPU with FMA (the {@code __logf_fma}-style variants glibc 2.28 to 2.42 select there),
 * reproduced bit for bit.
 *
 * <p>cuRAND's host-side generator computes its Box–Muller and log-normal transforms with the C library it
 * is linked against, so a Java port of those exact algorithms, with every multiply-add fused where GCC
 * fuses it, is what makes the host normal and log-normal outputs equal cuRAND's to the bit. Each method
 * follows the glibc source statement by statement; {@link Math#fma} marks each contraction GCC makes
 * with {@code -mfma}. Thread-safe (stateless).
 */
public final class GlibcFloat {
    static final double LN2 = 0x1.62e42fefa39efp-1;
    static final double LOGF_A0 = -0x1.00ea348b88334p-2;
    static final double LOGF_A1 = 0x1.5575b0be00b6ap-2;
    static final double LOGF_A2 = -0x1.ffffef20a4123p-2;

    // sinf/cosf: the x86 polynomial layout of sysdeps/x86/fpu/s_sincosf_data.c.
    static final double HPI_INV_2P24 = 0x1.45F306DC9C883p+23;
    static final double HPI = 0x1.921FB54442D18p0;
    private static final double PI63 = 0x1.921FB54442D18p-62;
    static final double S1 = -0x1.555545995a603p-3;
    static final double S2 = 0x1.1107605230bc4p-7;
    static final double S3 = -0x1.994eb3774cf24p-13;
    static final double C0 = 0x1p0;
    static final double C1 = -0x1.ffffffd0c621cp-2;
    static final double C2 = 0x1.55553e1068f19p-5;
    static final double C3 = -0x1.6c087e89a359dp-10;
    static final double C4 = 0x1.99343027bf8c3p-16;
    private static final int TOP_PIO4 = abstop12(0x1.921FB6p-1f);
    private static final int TOP_2M12 = abstop12(0x1p-12f);
    private static final int TOP_120 = abstop12(120.0f);
    private static final int TOP_INF = abstop12(Float.POSITIVE_INFINITY);
    private static final int[] INV_PIO4 = {
        0xa2, 0xa2f9, 0xa2f983, 0xa2f9836e, 0xf9836e4e, 0x836e4e44, 0x6e4e4415, 0x4e441529,
        0x441529fc, 0x1529fc27, 0x29fc2757, 0xfc2757d1, 0x2757d1f5, 0x57d1f534, 0xd1f534dd, 0xf534ddc0,
        0x34ddc0db, 0xddc0db62, 0xc0db6295, 0xdb629599, 0x6295993c, 0x95993c43, 0x993c4390, 0x3c439041,
    };

    // expf: N = 32 table, scaled polynomial.
    private static final double EXPF_INV_LN2_N = 0x1.71547652b82fep+0 * 32;
    private static final double EXPF_SHIFT = 0x1.8p+52;
    private static final double EXPF_P0 = 0x1.c6af84b912394p-5 / 32 / 32 / 32;
    private static final double EXPF_P1 = 0x1.ebfce50fac4f3p-3 / 32 / 32;
    private static final double EXPF_P2 = 0x1.62e42ff0c52d6p-1 / 32;

    private GlibcFloat() {
    }

    /** glibc {@code logf(x)}. */
    public static float logf(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0f;
        }
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
            if (ix * 2 == 0) {
                return Float.NEGATIVE_INFINITY;
            }
            if (ix == 0x7f800000) {
                return x;
            }
            if ((ix & 0x80000000) != 0 || Integer.compareUnsigned(ix * 2, 0xff000000) >= 0) {
                return Float.NaN;
            }
            ix = Float.floatToRawIntBits(x * 0x1p23f) - (23 << 23);
        }
        int tmp = ix - 0x3f330000;
        int i = (tmp >>> 19) & 15;
        int k = tmp >> 23;
        int iz = ix - (tmp & 0xff800000);
        double invc = LogTables.LOGF[2 * i];
        double logc = LogTables.LOGF[2 * i + 1];
        // iz is a normal float in [0x1.66p-1, 0x1.66p0): widen it through its bits.
        double z = Double.longBitsToDouble(((long) iz << 29) + ((long) (1023 - 127) << 52));
        double r = Math.fma(z, invc, -1.0);
        double y0 = Math.fma(small(k), LN2, logc);
        double r2 = r * r;
        double y = Math.fma(LOGF_A1, r, LOGF_A2);
        y = Math.fma(LOGF_A0, r2, y);
        y = Math.fma(y, r2, y0 + r);
        return (float) y;
    }

    /** glibc {@code sinf(y)}. */
    public static float sinf(float y) {
        int top = abstop12(y);
        double x = y;
        if (top < TOP_PIO4) {
            if (top < TOP_2M12) {
                return y;
            }
            return poly(x, x * x, false, 0);
        }
        int n;
        double s;
        boolean negated;
        if (top < TOP_120) {
            n = ((int) (x * HPI_INV_2P24) + 0x800000) >> 24;
            x = Math.fma(-(double) n, HPI, x);
            s = sign(n);
            negated = (n & 2) != 0;
        } else if (top < TOP_INF) {
            int xi = Float.floatToRawIntBits(y);
            long reduced = reduceLarge(xi);
            n = quadrant(reduced);
            x = remainder(reduced);
            int q = n + (xi >>> 31);
            s = sign(q);
            negated = (q & 2) != 0;
        } else {
            return Float.NaN;
        }
        return poly(x * s, x * x, negated, n);
    }

    /** glibc {@code cosf(y)}. */
    public static float cosf(float y) {
        int top = abstop12(y);
        double x = y;
        if (top < TOP_PIO4) {
            if (top < TOP_2M12) {
                return 1.0f;
            }
            return poly(x, x * x, false, 1);
        }
        int n;
        double s;
        boolean negated;
        if (top < TOP_120) {
            n = ((int) (x * HPI_INV_2P24) + 0x800000) >> 24;
            x = Math.fma(-(double) n, HPI, x);
            s = sign(n);
            negated = (n & 2) != 0;
        } else if (top < TOP_INF) {
            int xi = Float.floatToRawIntBits(y);
            long reduced = reduceLarge(xi);
            n = quadrant(reduced);
            x = remainder(reduced);
            int q = n + (xi >>> 31);
            s = sign(q);
            negated = (q & 2) != 0;
        } else {
            return Float.NaN;
        }
        return poly(x * s, x * x, negated, n ^ 1);
    }

    /**
     * Writes {@code sinf(y)} to {@code out[pos]} and {@code cosf(y)} to {@code out[pos + 1]}, equal to the two
     * separate calls bit for bit but sharing the reduction and choosing the quadrant's polynomial without
     * branches (a Box–Muller angle lands in a random quadrant, which defeats branch prediction).
     */
    public static void sinCos(float y, float[] out, int pos) {
        int top = abstop12(y);
        if (top < TOP_2M12 || top >= TOP_120) {
            out[pos] = sinf(y);
            out[pos + 1] = cosf(y);
            return;
        }
        double x = widen(y);
        // For |y| < pi/4 this gives n = 0 and x = y exactly, which is the small-argument path.
        int n = ((int) (x * HPI_INV_2P24) + 0x800000) >> 24;
        x = Math.fma(-small(n), HPI, x);
        double x2 = x * x;
        double x3 = x * x2;
        double s1 = Math.fma(x2, S3, S2);
        double x7 = x3 * x2;
        double sinPoly = Math.fma(x7, s1, Math.fma(x3, S1, x));
        double x4 = x2 * x2;
        double c2 = Math.fma(x2, C4, C3);
        double c1 = Math.fma(x2, C1, C0);
        double x6 = x4 * x2;
        double cosPoly = Math.fma(x6, c2, Math.fma(x4, C2, c1));
        // Quadrant q: sin = (+s, +c, -s, -c)[q], cos = (+c, -s, -c, +s)[q]; negating a polynomial's
        // coefficients or its argument negates its value exactly, so this equals glibc's table choice.
        // Selected on the bits, without branches.
        long sinBits = Double.doubleToRawLongBits(sinPoly);
        long cosBits = Double.doubleToRawLongBits(cosPoly);
        long swap = -(long) (n & 1);
        long sinAbs = (sinBits & ~swap) | (cosBits & swap);
        long cosAbs = (cosBits & ~swap) | (sinBits & swap);
        out[pos] = (float) Double.longBitsToDouble(sinAbs ^ ((long) (n & 2) << 62));
        out[pos + 1] = (float) Double.longBitsToDouble(cosAbs ^ ((long) ((n + 1) & 2) << 62));
    }

    /** glibc {@code expf(x)}. */
    public static float expf(float x) {
        int abstop = (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
        if (abstop >= (Float.floatToRawIntBits(88.0f) >>> 20)) {
            if (Float.floatToRawIntBits(x) == Float.floatToRawIntBits(Float.NEGATIVE_INFINITY)) {
                return 0.0f;
            }
            if (abstop >= (Float.floatToRawIntBits(Float.POSITIVE_INFINITY) >>> 20)) {
                return x + x;
            }
            if (x > 0x1.62e42ep6f) {
                return Float.POSITIVE_INFINITY;
            }
            if (x < -0x1.9fe368p6f) {
                return 0.0f;
            }
        }
        double xd = x;
        double kd = Math.fma(EXPF_INV_LN2_N, xd, EXPF_SHIFT);
        long ki = Double.doubleToRawLongBits(kd);
        kd -= EXPF_SHIFT;
        double r = Math.fma(EXPF_INV_LN2_N, xd, -kd);
        long t = ComputedTables.EXP2F[(int) (ki & 31)] + (ki << 47);
        double s = Double.longBitsToDouble(t);
        double z = Math.fma(EXPF_P0, r, EXPF_P1);
        double r2 = r * r;
        double y = Math.fma(EXPF_P2, r, 1.0);
        y = Math.fma(z, r2, y);
        return (float) (y * s);
    }

    /**
     * {@code (double) x}, exactly. For normal floats the double is assembled from the bits, because HotSpot
     * 17's cvtss2sd only writes the low half of its register and so waits on whatever last wrote it (often
     * the end of the previous sample's polynomial), which serialises sampling loops.
     */
    public static double widen(float x) {
        int b = Float.floatToRawIntBits(x);
        int e = b & 0x7f800000;
        if (e == 0 || e == 0x7f800000) {
            return x;
        }
        long sign = (long) (b & 0x80000000) << 32;
        return Double.longBitsToDouble(sign | (((long) (b & 0x7fffffff) << 29) + ((long) (1023 - 127) << 52)));
    }

    /** {@code (double) n} for |n| &lt; 2^51 through the bits, for the same reason as {@link #widen}. */
    static double small(int n) {
        return Double.longBitsToDouble(0x4338000000000000L + n) - 0x1.8p52;
    }

    private static int abstop12(float x) {
        return (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
    }

    private static double sign(int n) {
        return ((n + 1) & 2) == 0 ? 1.0 : -1.0;
    }

    /**
     * glibc's x86 {@code sinf_poly}: the sine polynomial for even quadrants, the cosine one for odd;
     * {@code negated} selects the second table, whose cosine coefficients carry the opposite sign.
     */
    private static float poly(double x, double x2, boolean negated, int n) {
        if ((n & 1) == 0) {
            double x3 = x * x2;
            double s1 = Math.fma(x2, S3, S2);
            double x7 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return (float) Math.fma(x7, s1, s);
        }
        double c0 = negated ? -C0 : C0;
        double c1 = negated ? -C1 : C1;
        double c2 = negated ? -C2 : C2;
        double c3 = negated ? -C3 : C3;
        double c4 = negated ? -C4 : C4;
        double x4 = x2 * x2;
        double cc2 = Math.fma(x2, c4, c3);
        double cc1 = Math.fma(x2, c1, c0);
        double x6 = x4 * x2;
        double c = Math.fma(x4, c2, cc1);
        return (float) Math.fma(x6, cc2, c);
    }

    /**
     * glibc's {@code reduce_large} for |x| >= 120: the 2.62 fixed-point remainder of x modulo pi/2 from a
     * 192-bit 4/pi, packed as the signed 64-bit remainder; {@link #quadrant} and {@link #remainder} unpack it.
     */
    private static long reduceLarge(int xi) {
        int base = (xi >>> 26) & 15;
        int shift = (xi >>> 23) & 7;
        long m = (long) (((xi & 0xffffff) | 0x800000) << shift) & 0xffffffffL;
        long res0 = (m * (INV_PIO4[base] & 0xffffffffL)) & 0xffffffffL;
        long res1 = m * (INV_PIO4[base + 4] & 0xffffffffL);
        long res2 = m * (INV_PIO4[base + 8] & 0xffffffffL);
        res0 = (res2 >>> 32) | (res0 << 32);
        res0 += res1;
        return res0;
    }

    private static int quadrant(long res0) {
        return (int) ((res0 + (1L << 61)) >>> 62);
    }

    private static double remainder(long res0) {
        long n = (res0 + (1L << 61)) >>> 62;
        return (double) (res0 - (n << 62)) * PI63;
    }
}
