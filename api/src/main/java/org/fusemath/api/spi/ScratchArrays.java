package org.fusemath.api.spi;

import java.lang.ref.SoftReference;
import java.lang.reflect.Array;
import java.util.function.IntFunction;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * Reusable arrays for the host calls whose temporaries never outlive the call (the copy of A that LAPACK factors in
 * place, the pivots, column-major right-hand sides): without them a 1000×1000 solve would allocate and zero an 8 MB
 * array on every call. The arrays sit in numbered slots, one for each array a call holds at once; each grows to the
 * largest size asked for and is held softly, so memory pressure can reclaim it. Not thread-safe: each module keeps
 * one instance per thread of its own (a {@link ThreadLocal}), so that a call never receives an array that a caller
 * further up the same thread, in another module, still holds; a caller uses an array only within the call that
 * obtained it, and its contents are undefined.
 */
public final class ScratchArrays {
    private final SoftReference<double[]>[] doubles;
    private final SoftReference<float[]>[] floats;
    private final SoftReference<int[]>[] ints;

    /** Empty arrays in {@code slots} slots of each element type. */
    @SuppressWarnings("unchecked")
    public ScratchArrays(int slots) {
        Arguments.requireNonNegative("slots", slots);
        doubles = new SoftReference[slots];
        floats = new SoftReference[slots];
        ints = new SoftReference[slots];
    }

    /** The double array of {@code slot}, at least {@code length} long. */
    public double[] doubles(int slot, int length) {
        return array(doubles, slot, length, double[]::new);
    }

    /** The float array of {@code slot}, at least {@code length} long. */
    public float[] floats(int slot, int length) {
        return array(floats, slot, length, float[]::new);
    }

    /** The int array of {@code slot}, at least {@code length} long. */
    public int[] ints(int slot, int length) {
        return array(ints, slot, length, int[]::new);
    }

    private static <T> T array(SoftReference<T>[] slots, int slot, int length, IntFunction<T> allocate) {
        if (slot < 0 || slot >= slots.length) {
            throw new InvalidArgumentException("slot", slot, "a slot in [0, " + slots.length + ")");
        }
        Arguments.requireNonNegative("length", length);
        T a = slots[slot] == null ? null : slots[slot].get();
        if (a == null || Array.getLength(a) < length) {
            a = allocate.apply(length);
            slots[slot] = new SoftReference<>(a);
        }
        return a;
    }
}
