package org.fusemath.solver;

import java.lang.ref.SoftReference;
import org.fusemath.api.DType;

/**
 * One thread's reusable arrays for the one-shot function forms ({@code Linalg.solve}, {@code det}, ...), whose
 * factors never outlive the call: a solve of a 1000×1000 system would otherwise allocate (and zero) an 8 MB copy
 * of A on every call. Each array is grown to the largest size seen and held softly, so memory pressure can
 * reclaim it. Confined to its thread; a caller must not keep a scratch array past the call that obtained it.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private SoftReference<double[]> doubles = new SoftReference<>(null);
    private SoftReference<float[]> floats = new SoftReference<>(null);
    private SoftReference<int[]> ints = new SoftReference<>(null);

    private Scratch() {
    }

    static Scratch current() {
        return PER_THREAD.get();
    }

    /** An array of t's type with at least {@code elements} elements (contents undefined). */
    Object array(DType t, int elements) {
        int slots = elements * t.slotsPerElement();
        if (t.isSinglePrecision()) {
            float[] f = floats.get();
            if (f == null || f.length < slots) {
                f = new float[slots];
                floats = new SoftReference<>(f);
            }
            return f;
        }
        double[] d = doubles.get();
        if (d == null || d.length < slots) {
            d = new double[slots];
            doubles = new SoftReference<>(d);
        }
        return d;
    }

    /** An int array of at least {@code count} entries (contents undefined). */
    int[] ints(int count) {
        int[] i = ints.get();
        if (i == null || i.length < count) {
            i = new int[count];
            ints = new SoftReference<>(i);
        }
        return i;
    }
}
