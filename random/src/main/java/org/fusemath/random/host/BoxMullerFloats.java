package org.fusemath.random.host;

import org.fusemath.random.host.libm.GlibcFloatLanes;

/**
 * cuRAND's float Box–Muller ({@code _curand_box_muller}, {@code curand_box_muller_mrg}) and the scaling
 * {@code mean + stddev * z}, for up to {@link #CAPACITY} pairs at a time: the fast path of normal and
 * log-normal float fills, equal bit for bit to the element-wise {@link Transforms#toFloats}.
 *
 * <p>A call loads the pairs' raw words ({@code load*}), runs {@link #transform} (each step one loop over
 * the block, so that C2 vectorizes it; see {@link GlibcFloatLanes}) and then writes the results in the
 * caller's order ({@code write*}): z0 of pair i (the sine) and z1 (the cosine). Owns its scratch; one
 * instance per worker, not thread-safe.
 */
final class BoxMullerFloats {
    /** Pairs per block: the scratch (about 20 KiB with its {@link GlibcFloatLanes}) stays in the first-level cache. */
    static final int CAPACITY = 512;

    private final GlibcFloatLanes libm = new GlibcFloatLanes(CAPACITY);
    private final float[] radius = new float[CAPACITY];
    private final float[] angle = new float[CAPACITY];
    private final float[] z0 = new float[CAPACITY];
    private final float[] z1 = new float[CAPACITY];

    /** Pairs [at, at + n) from uniform 32-bit words (Philox, XORWOW): u from {@code uw[uFrom..]}, angle from {@code vw[vFrom..]}. */
    void loadBits(int[] uw, int uFrom, int[] vw, int vFrom, int at, int n) {
        float[] u = radius;
        for (int i = 0; i < n; i++) {
            u[at + i] = Transforms.uniformFloat(uw[uFrom + i]);
        }
        float[] a = angle;
        for (int i = 0; i < n; i++) {
            a[at + i] = Transforms.toFloat(vw[vFrom + i]) * Transforms.INV32_2PI + Transforms.INV32_2PI / 2;
        }
    }

    /** Pairs [at, at + n) from MRG32k3a combinations: u and v are the float uniforms, the angle is v * 2 pi in float. */
    void loadMrg(int[] uc, int uFrom, int[] vc, int vFrom, int at, int n) {
        float[] u = radius;
        for (int i = 0; i < n; i++) {
            u[at + i] = (float) Transforms.mrgUniformDouble(uc[uFrom + i]);
        }
        float[] a = angle;
        for (int i = 0; i < n; i++) {
            a[at + i] = (float) Transforms.mrgUniformDouble(vc[vFrom + i]) * Transforms.TWO_PI_F;
        }
    }

    /** z = mean + stddev * (sincos(angle) * sqrt(-2 logf(u))) for pairs [0, n), in float as cuRAND computes it. */
    void transform(int n, float mean, float stddev) {
        float[] r = radius;
        libm.logf(r, r, n);
        for (int i = 0; i < n; i++) {
            r[i] = (float) Math.sqrt(-2.0f * r[i]);
        }
        float[] s = z0;
        float[] c = z1;
        libm.sinCos(angle, s, c, n);
        for (int i = 0; i < n; i++) {
            s[i] = mean + stddev * (s[i] * r[i]);
        }
        for (int i = 0; i < n; i++) {
            c[i] = mean + stddev * (c[i] * r[i]);
        }
    }

    /** Writes pairs [0, n) as z0, z1, z0, z1, ... to {@code out[op..]} (one pair per XORWOW/MRG32k3a work item). */
    void writePairs(float[] out, int op, int n) {
        for (int i = 0; i < n; i++) {
            out[op + 2 * i] = z0[i];
            out[op + 2 * i + 1] = z1[i];
        }
    }

    /**
     * Writes {@code groups} Philox groups to {@code out[op..]}: group i is pair i then pair {@code groups + i}
     * (the block's words 0, 1 and 2, 3, as loaded by the caller).
     */
    void writeGroups(float[] out, int op, int groups) {
        for (int i = 0; i < groups; i++) {
            out[op + 4 * i] = z0[i];
            out[op + 4 * i + 1] = z1[i];
            out[op + 4 * i + 2] = z0[groups + i];
            out[op + 4 * i + 3] = z1[groups + i];
        }
    }
}
