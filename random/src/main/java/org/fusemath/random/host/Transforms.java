package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.SampleKind;
import org.fusemath.random.host.libm.GlibcDouble;
import org.fusemath.random.host.libm.GlibcFloat;

/**
 * cuRAND's conversions from raw generator words to samples ({@code curand_uniform.h},
 * {@code curand_normal.h}, {@code curand_lognormal.h}, {@code curand_poisson.h}), applied to runs of raw
 * words laid out in the order one cuRAND thread draws them.
 *
 * <p>Two families of raw words exist: {@link Family#BITS} (Philox and XORWOW: uniform 32-bit words) and
 * {@link Family#MRG} (MRG32k3a: the combination {@code r} in [1, m1], which cuRAND scales by
 * {@code 1/(m1+1)} itself). Normal kinds consume raw words in Box–Muller pairs and write both results.
 * These element-wise forms are the reference: bulk normal-float fills go through {@link BoxMullerFloats},
 * which equals them bit for bit. Thread-safe (stateless).
 */
final class Transforms {
    /** Where raw words come from. */
    enum Family {
        /** Uniform 32-bit words (Philox4x32-10, XORWOW). */
        BITS,
        /** MRG32k3a combinations in [1, m1]. */
        MRG
    }

    static final float INV32 = 0x1p-32f;
    static final float HALF_INV32 = 0x1p-33f;
    static final float TWO_PI_F = 6.2831855f;
    /** CURAND_2POW32_INV_2PI: 2^-32 * 2 pi, evaluated in float as cuRAND's macro is. */
    static final float INV32_2PI = 0x1p-32f * TWO_PI_F;
    static final double PI = 3.1415926535897932;
    static final double MRG_NORM = 2.3283065498378288e-10;
    static final double MRG_BITS_NORM = 1.000000048662;
    private static final long MASK = 0xffffffffL;

    private Transforms() {
    }

    /** Raw words that {@code n} outputs of {@code kind} consume. */
    static int rawWords(Family family, SampleKind kind, int n) {
        switch (kind) {
            case UNIFORM_DOUBLE:
            case NORMAL_DOUBLE:
            case LOG_NORMAL_DOUBLE:
                return family == Family.BITS ? 2 * n : n;
            default:
                return n;
        }
    }

    /*
     * Why the conversions below avoid Java's long-to-float and long-to-double casts: HotSpot 17 compiles
     * them to cvtsi2ss/cvtsi2sd with a 64-bit source and no dependency-breaking xor, so each conversion
     * waits for the last write of its destination register, which in these loops is the end of the
     * previous sample's logf/sinf chain. That serialises the loop (measured 12 ns instead of 2.5 ns per
     * logf). The int forms below give the same correctly rounded values.
     */

    /** The unsigned value of {@code x}, rounded to float as C's {@code (float)} of an unsigned int. */
    static float toFloat(int x) {
        // Both halves and their scaling are exact, so the one rounding is the sum's.
        return (float) (x >>> 16) * 65536f + (float) (x & 0xffff);
    }

    /** The unsigned value of {@code x} as a double (exact). */
    static double toDouble(int x) {
        return (double) (x ^ 0x80000000) + 0x1p31;
    }

    /** A value below 2^53 as a double (exact). */
    static double toDouble(long z) {
        return (double) (int) (z >>> 32) * 0x1p32 + toDouble((int) z);
    }

    /** {@code _curand_uniform}: an unsigned word to a float in (0, 1]. */
    static float uniformFloat(int x) {
        return toFloat(x) * INV32 + HALF_INV32;
    }

    /** {@code _curand_uniform_double_hq}: two words to a double in (0, 1] with 53 random bits. */
    static double uniformDouble(int x, int y) {
        long z = (x & MASK) ^ ((y & MASK) << 21);
        return toDouble(z) * 0x1p-53 + 0x1p-54;
    }

    /** MRG32k3a's {@code curand()}: the combination scaled to an unsigned word. */
    static int mrgBits(int r) {
        return (int) (long) (toDouble(r) * MRG_BITS_NORM);
    }

    /** MRG32k3a's {@code curand_uniform_double}: the combination times 1/(m1+1). */
    static double mrgUniformDouble(int r) {
        return toDouble(r) * MRG_NORM;
    }

    /** Writes {@code n} integer samples from {@code raw[rp..]} to {@code out[op..]}. */
    static void toInts(Family family, Distribution d, int[] raw, int rp, int[] out, int op, int n) {
        switch (d.kind()) {
            case UINT32:
                if (family == Family.BITS) {
                    System.arraycopy(raw, rp, out, op, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = mrgBits(raw[rp + i]);
                    }
                }
                return;
            case POISSON:
                double lambda = d.lambda();
                for (int i = 0; i < n; i++) {
                    int x = family == Family.BITS ? raw[rp + i] : mrgBits(raw[rp + i]);
                    out[op + i] = Poisson.sample(x, lambda);
                }
                return;
            default:
                throw new IllegalArgumentException(d.kind() + " does not produce integers");
        }
    }

    /** Writes {@code n} float samples (n even for paired kinds) from {@code raw[rp..]} to {@code out[op..]}. */
    static void toFloats(Family family, Distribution d, int[] raw, int rp, float[] out, int op, int n) {
        switch (d.kind()) {
            case UNIFORM_FLOAT:
                if (family == Family.BITS) {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = uniformFloat(raw[rp + i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = (float) mrgUniformDouble(raw[rp + i]);
                    }
                }
                return;
            case NORMAL_FLOAT:
            case LOG_NORMAL_FLOAT:
                if (family == Family.BITS) {
                    boxMullerFloats(raw, rp, out, op, n, (float) d.mean(), (float) d.stddev());
                } else {
                    mrgBoxMullerFloats(raw, rp, out, op, n, (float) d.mean(), (float) d.stddev());
                }
                if (d.kind() == SampleKind.LOG_NORMAL_FLOAT) {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = GlibcFloat.expf(out[op + i]);
                    }
                }
                return;
            default:
                throw new IllegalArgumentException(d.kind() + " does not produce floats");
        }
    }

    /** Writes {@code n} double samples (n even for paired kinds) from {@code raw[rp..]} to {@code out[op..]}. */
    static void toDoubles(Family family, Distribution d, int[] raw, int rp, double[] out, int op, int n) {
        switch (d.kind()) {
            case UNIFORM_DOUBLE:
                if (family == Family.BITS) {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = uniformDouble(raw[rp + 2 * i], raw[rp + 2 * i + 1]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = mrgUniformDouble(raw[rp + i]);
                    }
                }
                return;
            case NORMAL_DOUBLE:
            case LOG_NORMAL_DOUBLE:
                boxMullerDoubles(family, raw, rp, out, op, n, d.mean(), d.stddev());
                if (d.kind() == SampleKind.LOG_NORMAL_DOUBLE) {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = GlibcDouble.exp(out[op + i]);
                    }
                }
                return;
            default:
                throw new IllegalArgumentException(d.kind() + " does not produce doubles");
        }
    }

    /**
     * {@code _curand_box_muller} on word pairs, then {@code mean + stddev * z} in float: {@code sinf} of the
     * angle to even outputs, {@code cosf} to odd ones (cuRAND's {@code curand_normal2} order).
     */
    private static void boxMullerFloats(int[] raw, int rp, float[] out, int op, int n, float mean, float stddev) {
        float[] sc = new float[2];
        for (int i = 0; i < n; i += 2) {
            float u = uniformFloat(raw[rp + i]);
            float v = toFloat(raw[rp + i + 1]) * INV32_2PI + INV32_2PI / 2;
            float s = (float) Math.sqrt(-2.0f * GlibcFloat.logf(u));
            GlibcFloat.sinCos(v, sc, 0);
            out[op + i] = mean + stddev * (sc[0] * s);
            out[op + i + 1] = mean + stddev * (sc[1] * s);
        }
    }

    /** {@code curand_box_muller_mrg}: the angle is the float uniform times 2 pi in float. */
    private static void mrgBoxMullerFloats(int[] raw, int rp, float[] out, int op, int n, float mean, float stddev) {
        float[] sc = new float[2];
        for (int i = 0; i < n; i += 2) {
            float u = (float) mrgUniformDouble(raw[rp + i]);
            float v = (float) mrgUniformDouble(raw[rp + i + 1]) * TWO_PI_F;
            float s = (float) Math.sqrt(-2.0f * GlibcFloat.logf(u));
            GlibcFloat.sinCos(v, sc, 0);
            out[op + i] = mean + stddev * (sc[0] * s);
            out[op + i + 1] = mean + stddev * (sc[1] * s);
        }
    }

    /**
     * {@code _curand_box_muller_double} (four words per pair, 53-bit uniforms, {@code sin/cos(v * pi)}) or
     * {@code curand_box_muller_mrg_double} (two combinations per pair), then {@code mean + stddev * z}.
     */
    private static void boxMullerDoubles(Family family, int[] raw, int rp, double[] out, int op, int n, double mean,
            double stddev) {
        int step = family == Family.BITS ? 4 : 2;
        for (int i = 0, r = rp; i < n; i += 2, r += step) {
            double u;
            double v;
            if (family == Family.BITS) {
                u = uniformDouble(raw[r], raw[r + 1]);
                long zy = (raw[r + 2] & MASK) ^ ((raw[r + 3] & MASK) << 21);
                v = toDouble(zy) * 0x1p-52 + 0x1p-53;
            } else {
                u = mrgUniformDouble(raw[r]);
                v = mrgUniformDouble(raw[r + 1]) * 2.0;
            }
            double s = Math.sqrt(-2.0 * GlibcDouble.log(u));
            out[op + i] = mean + stddev * (GlibcDouble.sin(v * PI) * s);
            out[op + i + 1] = mean + stddev * (GlibcDouble.cos(v * PI) * s);
        }
    }
}
