package org.fusemath.random.host.libm;

/**
 * glibc's double-precision {@code log}, {@code sin}, {@code cos} and {@code exp} as its x86-64 libm computes
 * them on a CPU with FMA (the {@code -mfma} builds glibc 2.28 to 2.42 select there), reproduced bit for bit.
 *
 * <p>See {@link GlibcFloat} for why. {@code sin} and {@code cos} follow IBM's Accurate Mathematical
 * Library ({@code s_sin.c}) for |x| &lt; 105414350, which covers every argument cuRAND's transforms pass
 * (|x| &lt;= 2 pi); beyond it glibc switches to a multi-precision reduction that is not ported, and these
 * methods fall back to {@link StrictMath}. {@code log} and {@code exp} are Arm's optimized-routines
 * algorithms as shipped in glibc. Thread-safe (stateless).
 */
public final class GlibcDouble {
    // log
    private static final double LN2HI = 0x1.62e42fefa3800p-1;
    private static final double LN2LO = 0x1.ef35793c76730p-45;
    private static final double[] LOG_A = {
        -0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb459p-3, 0x1.999b324f10111p-3,
        -0x1.55575e506c89fp-3,
    };
    private static final double[] LOG_B = {
        -0x1p-1, 0x1.5555555555577p-2, -0x1.ffffffffffdcbp-3, 0x1.999999995dd0cp-3, -0x1.55555556745a7p-3,
        0x1.24924a344de3p-3, -0x1.fffffa4423d65p-4, 0x1.c7184282ad6cap-4, -0x1.999eb43b068ffp-4,
        0x1.78182f7afd085p-4, -0x1.5521375d145cdp-4,
    };
    private static final long LOG_NEAR1_LO = Double.doubleToRawLongBits(1.0 - 0x1p-4);
    private static final long LOG_NEAR1_HI = Double.doubleToRawLongBits(1.0 + 0x1.09p-4);
    private static final long LOG_OFF = 0x3fe6000000000000L;

    // sin, cos (usncs.h, s_sin.c)
    private static final double TS1 = -0x1.5555555555555p-3;
    private static final double TS2 = 0x1.1111111110ECEp-7;
    private static final double TS3 = -0x1.A01A019DB08B8p-13;
    private static final double TS4 = 0x1.71DE27B9A7ED9p-19;
    private static final double TS5 = -0x1.ADDFFC2FCDF59p-26;
    private static final double BIG = 0x1.8000000000000p45;
    private static final double HP0 = 0x1.921FB54442D18p0;
    private static final double HP1 = 0x1.1A62633145C07p-54;
    private static final double MP1 = 0x1.921FB58000000p0;
    private static final double MP2 = -0x1.DDE973C000000p-27;
    private static final double PP3 = -0x1.CB3B398000000p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;
    private static final double HPINV = 0x1.45F306DC9C883p-1;
    private static final double TOINT = 0x1.8000000000000p52;
    private static final double SN3 = -1.66666666666664880952546298448555E-01;
    private static final double SN5 = 8.33333214285722277379541354343671E-03;
    private static final double CS2 = 4.99999999999999999999950396842453E-01;
    private static final double CS4 = -4.16666666666664434524222570944589E-02;
    private static final double CS6 = 1.38888874007937613028114285595617E-03;

    // exp (N = 128)
    private static final double EXP_INV_LN2_N = 0x1.71547652b82fep0 * 128;
    private static final double EXP_NEG_LN2_HI_N = -0x1.62e42fefa0000p-8;
    private static final double EXP_NEG_LN2_LO_N = -0x1.cf79abc9e3b3ap-47;
    private static final double EXP_SHIFT = 0x1.8p52;
    private static final double EXP_C2 = 0x1.ffffffffffdbdp-2;
    private static final double EXP_C3 = 0x1.555555555543cp-3;
    private static final double EXP_C4 = 0x1.55555cf172b91p-5;
    private static final double EXP_C5 = 0x1.1111167a4d017p-7;

    private GlibcDouble() {
    }

    /** glibc {@code log(x)}. */
    public static double log(double x) {
        long ix = Double.doubleToRawLongBits(x);
        int top = (int) (ix >>> 48);
        if (Long.compareUnsigned(ix - LOG_NEAR1_LO, LOG_NEAR1_HI - LOG_NEAR1_LO) < 0) {
            return logNearOne(x, ix);
        }
        if (Integer.compareUnsigned(top - 0x0010, 0x7ff0 - 0x0010) >= 0) {
            if (ix * 2 == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (ix == Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)) {
                return x;
            }
            if ((top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0) {
                return Double.NaN;
            }
            ix = Double.doubleToRawLongBits(x * 0x1p52) - (52L << 52);
        }
        long tmp = ix - LOG_OFF;
        int i = (int) ((tmp >>> 45) & 127);
        int k = (int) (tmp >> 52);
        long iz = ix - (tmp & (0xfffL << 52));
        double invc = LogTables.LOG[2 * i];
        double logc = LogTables.LOG[2 * i + 1];
        double z = Double.longBitsToDouble(iz);
        double r = Math.fma(z, invc, -1.0);
        double kd = k;
        double w = Math.fma(kd, LN2HI, logc);
        double hi = w + r;
        double lo = Math.fma(kd, LN2LO, (w - hi) + r);
        double r2 = r * r;
        double a = Math.fma(r, LOG_A[2], LOG_A[1]);
        double b = Math.fma(r, LOG_A[4], LOG_A[3]);
        double p = Math.fma(r2, b, a);
        double y = Math.fma(r2, LOG_A[0], lo);
        y = Math.fma(r * r2, p, y);
        return y + hi;
    }

    private static double logNearOne(double x, long ix) {
        if (ix == Double.doubleToRawLongBits(1.0)) {
            return 0;
        }
        double[] b = LOG_B;
        double r = x - 1.0;
        double r2 = r * r;
        double r3 = r * r2;
        double inner = Math.fma(r3, b[10], Math.fma(r2, b[9], Math.fma(r, b[8], b[7])));
        double middle = Math.fma(r3, inner, Math.fma(r2, b[6], Math.fma(r, b[5], b[4])));
        double outer = Math.fma(r3, middle, Math.fma(r2, b[3], Math.fma(r, b[2], b[1])));
        // r * 2^27 and rhi * rhi * -0.5 are exact, so GCC's fusing of their uses changes nothing.
        double w = r * 0x1p27;
        double rhi = r + w - w;
        double rlo = r - rhi;
        w = rhi * rhi * b[0];
        double hi = r + w;
        double lo = r - hi + w;
        lo = Math.fma(b[0] * rlo, rhi + r, lo);
        double y = Math.fma(r3, outer, lo);
        return y + hi;
    }

    /** glibc {@code sin(x)}. */
    public static double sin(double x) {
        int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e500000) {
            return x;
        }
        if (k < 0x3feb6000) {
            return doSin(x, 0);
        }
        if (k < 0x400368fd) {
            double t = HP0 - Math.abs(x);
            return Math.copySign(doCos(t, HP1), x);
        }
        if (k < 0x419921FB) {
            return reduceAndEvaluate(x, 0);
        }
        return k < 0x7ff00000 ? StrictMath.sin(x) : Double.NaN;
    }

    /** glibc {@code cos(x)}. */
    public static double cos(double x) {
        int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e400000) {
            return 1.0;
        }
        if (k < 0x3feb6000) {
            return doCos(x, 0);
        }
        if (k < 0x400368fd) {
            double y = HP0 - Math.abs(x);
            double a = y + HP1;
            double da = (y - a) + HP1;
            return doSin(a, da);
        }
        if (k < 0x419921FB) {
            return reduceAndEvaluate(x, 1);
        }
        return k < 0x7ff00000 ? StrictMath.cos(x) : Double.NaN;
    }

    /** glibc {@code exp(x)}. */
    public static double exp(double x) {
        int abstop = (int) (Double.doubleToRawLongBits(x) >>> 52) & 0x7ff;
        boolean special = false;
        if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) {
            if (Integer.compareUnsigned(abstop - 0x3c9, 0x80000000) >= 0) {
                return 1.0 + x;
            }
            if (abstop >= 0x409) {
                if (x == Double.NEGATIVE_INFINITY) {
                    return 0.0;
                }
                if (abstop >= 0x7ff) {
                    return 1.0 + x;
                }
                return x < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            }
            special = true;
        }
        double kd = Math.fma(EXP_INV_LN2_N, x, EXP_SHIFT);
        long ki = Double.doubleToRawLongBits(kd);
        kd -= EXP_SHIFT;
        double r = Math.fma(kd, EXP_NEG_LN2_HI_N, x);
        r = Math.fma(kd, EXP_NEG_LN2_LO_N, r);
        int idx = 2 * (int) (ki & 127);
        long top = ki << 45;
        double tail = Double.longBitsToDouble(ComputedTables.EXP[idx]);
        long sbits = ComputedTables.EXP[idx + 1] + top;
        double r2 = r * r;
        double tmp = Math.fma(r2, Math.fma(r, EXP_C3, EXP_C2), tail + r);
        tmp = Math.fma(r2 * r2, Math.fma(r, EXP_C5, EXP_C4), tmp);
        if (special) {
            return expSpecialCase(tmp, sbits, ki);
        }
        double scale = Double.longBitsToDouble(sbits);
        return Math.fma(scale, tmp, scale);
    }

    private static double expSpecialCase(double tmp, long sbits, long ki) {
        if ((ki & 0x80000000L) == 0) {
            double scale = Double.longBitsToDouble(sbits - (1009L << 52));
            return 0x1p1009 * Math.fma(scale, tmp, scale);
        }
        double scale = Double.longBitsToDouble(sbits + (1022L << 52));
        // GCC computes scale * tmp once here: its second use sits in another basic block, so neither fuses.
        double scaledTmp = scale * tmp;
        double y = scale + scaledTmp;
        if (y < 1.0) {
            double lo = (scale - y) + scaledTmp;
            double hi = 1.0 + y;
            lo = 1.0 - hi + y + lo;
            y = (hi + lo) - 1.0;
            if (y == 0.0) {
                y = 0.0;
            }
        }
        return 0x1p-1022 * y;
    }

    private static double reduceAndEvaluate(double x, int quadrantShift) {
        double t = Math.fma(x, HPINV, TOINT);
        double xn = t - TOINT;
        int n = (int) Double.doubleToRawLongBits(t) & 3;
        double y = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
        double t2 = Math.fma(-xn, PP3, y);
        double db = Math.fma(-xn, PP3, y - t2);
        double b = Math.fma(-xn, PP4, t2);
        db += Math.fma(-xn, PP4, t2 - b);
        n += quadrantShift;
        double v = (n & 1) != 0 ? doCos(b, db) : doSin(b, db);
        return (n & 2) != 0 ? -v : v;
    }

    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        double ax = Math.abs(x);
        double u = BIG + ax;
        int k = ((int) Double.doubleToRawLongBits(u)) << 2;
        x = ax - (u - BIG) + dx;
        double xx = x * x;
        double s = Math.fma(x * xx, Math.fma(xx, SN5, SN3), x);
        double c = xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2);
        double[] tab = ComputedTables.SINCOS;
        double sn = tab[k];
        double ssn = tab[k + 1];
        double cs = tab[k + 2];
        double ccs = tab[k + 3];
        double cor = Math.fma(-s, ssn, ccs);
        cor = Math.fma(-cs, c, cor);
        cor = Math.fma(-sn, s, cor);
        return cs + cor;
    }

    private static double doSin(double x, double dx) {
        double xold = x;
        if (Math.abs(x) < 0.126) {
            double xx = x * x;
            double p = Math.fma(Math.fma(Math.fma(Math.fma(TS5, xx, TS4), xx, TS3), xx, TS2), xx, TS1);
            double t = Math.fma(xx, Math.fma(p, x, -(0.5 * dx)), dx);
            return x + t;
        }
        if (x <= 0) {
            dx = -dx;
        }
        double ax = Math.abs(x);
        double u = BIG + ax;
        int k = ((int) Double.doubleToRawLongBits(u)) << 2;
        x = ax - (u - BIG);
        double xx = x * x;
        double s = x + Math.fma(x * xx, Math.fma(xx, SN5, SN3), dx);
        double c = Math.fma(x, dx, xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2));
        double[] tab = ComputedTables.SINCOS;
        double sn = tab[k];
        double ssn = tab[k + 1];
        double cs = tab[k + 2];
        double ccs = tab[k + 3];
        double cor = Math.fma(s, ccs, ssn);
        cor = Math.fma(-sn, c, cor);
        cor = Math.fma(cs, s, cor);
        return Math.copySign(sn + cor, xold);
    }
}
