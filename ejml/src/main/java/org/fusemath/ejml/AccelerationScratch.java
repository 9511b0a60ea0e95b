package org.fusemath.ejml;

import java.lang.ref.SoftReference;

/**
 * One thread's reusable arrays for the acceleration classes: the copy of A that LAPACK factors in place (EJML's
 * inputs are not to be modified), the pivots and column-major right-hand sides. Without them a 1000×1000 solve
 * would allocate and zero an 8 MB array on every call. Each array grows to the largest size asked for and is held
 * softly, so memory pressure can reclaim it. Confined to its thread: a caller uses an array only within the call
 * that obtained it.
 */
final class AccelerationScratch {
    /** The factors of A. */
    static final int FACTORS = 0;
    /** Right-hand sides or solutions in column-major order. */
    static final int COLUMNS = 1;

    private static final ThreadLocal<AccelerationScratch> PER_THREAD = ThreadLocal.withInitial(AccelerationScratch::new);

    @SuppressWarnings("unchecked")
    private final SoftReference<double[]>[] doubles = new SoftReference[] {new SoftReference<>(null),
            new SoftReference<>(null)};
    @SuppressWarnings("unchecked")
    private final SoftReference<float[]>[] floats = new SoftReference[] {new SoftReference<>(null),
            new SoftReference<>(null)};
    private SoftReference<int[]> ints = new SoftReference<>(null);

    private AccelerationScratch() {
    }

    static AccelerationScratch current() {
        return PER_THREAD.get();
    }

    /** A double array of at least {@code length} elements for {@code slot} (contents undefined). */
    double[] doubleArray(int slot, int length) {
        double[] a = doubles[slot].get();
        if (a == null || a.length < length) {
            a = new double[length];
            doubles[slot] = new SoftReference<>(a);
        }
        return a;
    }

    /** A float array of at least {@code length} elements for {@code slot} (contents undefined). */
    float[] floatArray(int slot, int length) {
        float[] a = floats[slot].get();
        if (a == null || a.length < length) {
            a = new float[length];
            floats[slot] = new SoftReference<>(a);
        }
        return a;
    }

    /** An int array of at least {@code length} entries (contents undefined). */
    int[] pivots(int length) {
        int[] a = ints.get();
        if (a == null || a.length < length) {
            a = new int[length];
            ints = new SoftReference<>(a);
        }
        return a;
    }
}
