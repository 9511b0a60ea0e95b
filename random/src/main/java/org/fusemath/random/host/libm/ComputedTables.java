package org.fusemath.random.host.libm;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The glibc libm tables that are correctly rounded values of sin, cos and powers of two, recomputed here
 * in decimal arithmetic once at class initialisation instead of being copied.
 */
final class ComputedTables {
    private static final MathContext MC = new MathContext(60);

    /*
     * IBM computed the tails of __sincostab with less than full precision: these 18 entries differ from the
     * correctly rounded tail by the given number of units in their raw bit pattern. Reproduced so that sin
     * and cos round exactly as glibc's do.
     */
    private static final int[][] SINCOS_TAIL_DEVIATIONS = {
        {9, 1}, {41, 1}, {93, 39}, {107, 1}, {109, 1}, {133, 1}, {137, 1}, {145, 1}, {161, -2},
        {179, 1}, {283, 1}, {301, 1}, {303, -2}, {319, 1}, {341, 1}, {361, -2}, {377, 1}, {429, 1},
    };

    /**
     * IBM's {@code __sincostab} (glibc {@code s_sin.c}): for k = 0..109, {sin(k/128), its tail, cos(k/128),
     * its tail}, each head the correctly rounded value and each tail the rounded remainder.
     */
    static final double[] SINCOS = sinCosTable();

    /**
     * {@code __exp_data.tab} (glibc {@code exp}, N = 128): entry 2k is the bits of the relative tail T[k] of
     * H[k] = RN(2^(k/128)), entry 2k+1 the bits of H[k] minus {@code k << 45}.
     */
    static final long[] EXP = expTable();

    /** {@code __exp2f_data.tab} (glibc {@code expf}, N = 32): the bits of RN(2^(i/32)) minus {@code i << 47}. */
    static final long[] EXP2F = exp2fTable();

    private ComputedTables() {
    }

    private static double[] sinCosTable() {
        double[] t = new double[440];
        for (int k = 0; k < 110; k++) {
            BigDecimal x = BigDecimal.valueOf(k).divide(BigDecimal.valueOf(128), MC);
            BigDecimal[] sc = sinCos(x);
            splitInto(sc[0], t, 4 * k);
            splitInto(sc[1], t, 4 * k + 2);
        }
        for (int[] d : SINCOS_TAIL_DEVIATIONS) {
            t[d[0]] = Double.longBitsToDouble(Double.doubleToRawLongBits(t[d[0]]) + d[1]);
        }
        return t;
    }

    private static long[] expTable() {
        long[] t = new long[256];
        BigDecimal[] powers = powersOfTwoRoot(128);
        for (int k = 0; k < 128; k++) {
            BigDecimal exact = powers[k];
            double h = nearest(exact);
            BigDecimal hd = new BigDecimal(h);
            double tail = nearest(exact.subtract(hd).divide(hd, MC));
            t[2 * k] = Double.doubleToRawLongBits(tail);
            t[2 * k + 1] = Double.doubleToRawLongBits(h) - ((long) k << 52) / 128;
        }
        return t;
    }

    private static long[] exp2fTable() {
        long[] t = new long[32];
        BigDecimal[] powers = powersOfTwoRoot(32);
        for (int i = 0; i < 32; i++) {
            t[i] = Double.doubleToRawLongBits(nearest(powers[i])) - ((long) i << 47);
        }
        return t;
    }

    /** 2^(k/n) for k = 0..n-1, n a power of two. */
    private static BigDecimal[] powersOfTwoRoot(int n) {
        BigDecimal root = BigDecimal.valueOf(2);
        for (int m = n; m > 1; m >>= 1) {
            root = root.sqrt(MC);
        }
        BigDecimal[] p = new BigDecimal[n];
        p[0] = BigDecimal.ONE;
        for (int k = 1; k < n; k++) {
            p[k] = p[k - 1].multiply(root, MC);
        }
        return p;
    }

    /** {sin x, cos x} by their Taylor series, for 0 <= x < 1. */
    private static BigDecimal[] sinCos(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal sin = BigDecimal.ZERO;
        BigDecimal cos = BigDecimal.ZERO;
        BigDecimal sinTerm = x;
        BigDecimal cosTerm = BigDecimal.ONE;
        BigDecimal eps = new BigDecimal("1e-55");
        for (int n = 0; sinTerm.abs().compareTo(eps) > 0 || cosTerm.abs().compareTo(eps) > 0; n++) {
            sin = sin.add(sinTerm, MC);
            cos = cos.add(cosTerm, MC);
            sinTerm = sinTerm.multiply(x2, MC).divide(BigDecimal.valueOf((2L * n + 2) * (2L * n + 3)), MC).negate();
            cosTerm = cosTerm.multiply(x2, MC).divide(BigDecimal.valueOf((2L * n + 1) * (2L * n + 2)), MC).negate();
        }
        return new BigDecimal[] {sin, cos};
    }

    private static void splitInto(BigDecimal v, double[] t, int at) {
        double head = nearest(v);
        t[at] = head;
        t[at + 1] = nearest(v.subtract(new BigDecimal(head), MC));
    }

    /** The double nearest to {@code v} (Double.parseDouble rounds to nearest, ties to even). */
    private static double nearest(BigDecimal v) {
        return Double.parseDouble(v.toString());
    }
}
