package org.fusemath.fusion.host;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One thread's scratch for generated host kernels: the transcendental lanes and chunk-sized arrays for values
 * that cross from one staged loop to the next. Public only because hidden classes defined next to it call it.
 */
public final class KernelScratch {
    private static final ThreadLocal<KernelScratch> CURRENT = ThreadLocal.withInitial(KernelScratch::new);

    /** The float lanes of this thread. */
    public final F32Lanes f32 = new F32Lanes();
    /** The double lanes of this thread. */
    public final F64Lanes f64 = new F64Lanes();
    private final List<float[]> floats = new ArrayList<>();
    private final List<double[]> doubles = new ArrayList<>();
    private final List<float[][]> rowFloats = new ArrayList<>();
    private final List<double[][]> rowDoubles = new ArrayList<>();

    private double touched;

    private KernelScratch() {
    }

    /**
     * Keeps the sum of a row kernel's touch-ahead loads (values loaded only so that the next row is in cache when
     * it is needed): a value that is stored is one whose loads the JIT cannot remove.
     */
    public void touched(double sum) {
        touched = sum;
    }

    /** The calling thread's scratch. */
    public static KernelScratch get() {
        return CURRENT.get();
    }

    /** Σ p[0, lanes) for a power of two {@code lanes}, pairwise (halving, so each step vectorises); overwrites p. */
    public static double sumLanes(double[] p, int lanes) {
        for (int h = lanes >> 1; h > 0; h >>= 1) {
            for (int i = 0; i < h; i++) {
                p[i] += p[i + h];
            }
        }
        return p[0];
    }

    /** max of p[0, lanes) (as Math.max: NaN wins, +0 over -0) for a power of two {@code lanes}; overwrites p. */
    public static double maxLanes(double[] p, int lanes) {
        for (int h = lanes >> 1; h > 0; h >>= 1) {
            for (int i = 0; i < h; i++) {
                p[i] = Math.max(p[i], p[i + h]);
            }
        }
        return p[0];
    }

    /** min of p[0, lanes) (as Math.min: NaN wins, -0 over +0) for a power of two {@code lanes}; overwrites p. */
    public static double minLanes(double[] p, int lanes) {
        for (int h = lanes >> 1; h > 0; h >>= 1) {
            for (int i = 0; i < h; i++) {
                p[i] = Math.min(p[i], p[i + h]);
            }
        }
        return p[0];
    }

    /** {@link #maxLanes(double[], int)} over float lanes. */
    public static float maxLanes(float[] p, int lanes) {
        for (int h = lanes >> 1; h > 0; h >>= 1) {
            for (int i = 0; i < h; i++) {
                p[i] = Math.max(p[i], p[i + h]);
            }
        }
        return p[0];
    }

    /** {@link #minLanes(double[], int)} over float lanes. */
    public static float minLanes(float[] p, int lanes) {
        for (int h = lanes >> 1; h > 0; h >>= 1) {
            for (int i = 0; i < h; i++) {
                p[i] = Math.min(p[i], p[i + h]);
            }
        }
        return p[0];
    }

    /** Float array number {@code k} of {@link F32Lanes#CHUNK} elements. */
    public float[] f(int k) {
        while (floats.size() <= k) {
            floats.add(new float[F32Lanes.CHUNK]);
        }
        return floats.get(k);
    }

    /** Double array number {@code k} of {@link F64Lanes#CHUNK} elements. */
    public double[] d(int k) {
        while (doubles.size() <= k) {
            doubles.add(new double[F64Lanes.CHUNK]);
        }
        return doubles.get(k);
    }

    /**
     * Float row buffer number {@code k}: {@code chunks} arrays of {@link F32Lanes#CHUNK} elements, one per chunk of a
     * row (grown, never shrunk, by this thread). A row kernel's loops index a chunk array at {@code [i]} only, which C2
     * vectorises, so a stage writes a kept chunk and a later stage reads it in place, with no copy in or out.
     */
    public float[][] rowChunksF(int k, int chunks) {
        return rowChunks(rowFloats, k, chunks, float[][]::new, () -> new float[F32Lanes.CHUNK]);
    }

    /** {@link #rowChunksF} of {@link F64Lanes#CHUNK} doubles. */
    public double[][] rowChunksD(int k, int chunks) {
        return rowChunks(rowDoubles, k, chunks, double[][]::new, () -> new double[F64Lanes.CHUNK]);
    }

    /** Row buffer k of {@code rows}, grown to at least {@code chunks} chunk arrays (the arrays it had are kept). */
    private static <C> C[] rowChunks(List<C[]> rows, int k, int chunks, IntFunction<C[]> newRow, Supplier<C> newChunk) {
        while (rows.size() <= k) {
            rows.add(newRow.apply(0));
        }
        C[] row = rows.get(k);
        if (row.length < chunks) {
            C[] grown = java.util.Arrays.copyOf(row, chunks);
            for (int c = row.length; c < chunks; c++) {
                grown[c] = newChunk.get();
            }
            rows.set(k, grown);
            row = grown;
        }
        return row;
    }
}
