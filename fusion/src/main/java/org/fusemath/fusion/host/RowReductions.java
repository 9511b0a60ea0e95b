package org.fusemath.fusion.host;

import java.util.Arrays;
import java.util.Objects;

/**
 * The float row reductions of the generated row kernels as plain methods: the same lanes, filled in the same order
 * and combined the same way, so that a hand-written pass over a row gets bit for bit what a generated kernel's
 * {@code max(x, axis=-1)} or {@code sum(x, axis=-1)} gets, at the same speed (the fusion benchmarks' baselines use
 * them, so that fused and unfused code reduce with the same building blocks).
 *
 * <p>A row of n elements is read in chunks of {@link F32Lanes#CHUNK}; lane i accumulates elements i, i + CHUNK,
 * i + 2·CHUNK, ... (independent accumulations, which C2 vectorises), and the lanes are combined pairwise at the end
 * ({@link KernelScratch#maxLanes(float[], int)}, {@link KernelScratch#sumLanes}). Max is therefore exactly a serial
 * {@code Math.max} loop's result (NaN wins, +0 over -0); the sum accumulates in double and is within
 * (⌈n / CHUNK⌉ + log₂ CHUNK)·2⁻⁵³·Σ|x| of the exact sum before its rounding to float. Thread-safe: each thread has
 * its own scratch.
 */
public final class RowReductions {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private RowReductions() {
    }

    /** One thread's chunk and lane arrays. */
    private static final class Scratch {
        final float[] chunk = new float[F32Lanes.CHUNK];
        final float[] floatLanes = new float[F32Lanes.CHUNK];
        final double[] doubleLanes = new double[F32Lanes.CHUNK];
    }

    /**
     * max of x[off, off + n) as {@code Math.max} folds it (NaN if any element is NaN, +0 over -0); -∞ for n = 0.
     *
     * @throws IndexOutOfBoundsException when the range leaves x
     */
    public static float max(float[] x, int off, int n) {
        Objects.checkFromIndexSize(off, n, x.length);
        Scratch s = SCRATCH.get();
        float[] xs = s.chunk;
        float[] p = s.floatLanes;
        int lanes = HostSourceGenerator.lanes(n);
        Arrays.fill(p, 0, lanes, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j += F32Lanes.CHUNK) {
            int c = Math.min(F32Lanes.CHUNK, n - j);
            System.arraycopy(x, off + j, xs, 0, c);
            for (int i = 0; i < c; i++) {
                p[i] = Math.max(p[i], xs[i]);
            }
        }
        return KernelScratch.maxLanes(p, lanes);
    }

    /**
     * Σ x[off, off + n), accumulated in double lanes and rounded once to float; 0 for n = 0.
     *
     * @throws IndexOutOfBoundsException when the range leaves x
     */
    public static float sum(float[] x, int off, int n) {
        Objects.checkFromIndexSize(off, n, x.length);
        Scratch s = SCRATCH.get();
        float[] xs = s.chunk;
        double[] p = s.doubleLanes;
        int lanes = HostSourceGenerator.lanes(n);
        Arrays.fill(p, 0, lanes, 0.0);
        for (int j = 0; j < n; j += F32Lanes.CHUNK) {
            int c = Math.min(F32Lanes.CHUNK, n - j);
            System.arraycopy(x, off + j, xs, 0, c);
            for (int i = 0; i < c; i++) {
                p[i] = p[i] + xs[i];
            }
        }
        return (float) KernelScratch.sumLanes(p, lanes);
    }
}
