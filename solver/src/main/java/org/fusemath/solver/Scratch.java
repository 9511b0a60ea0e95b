package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.spi.ScratchArrays;

/**
 * One thread's reusable arrays for the one-shot function forms ({@code Linalg.solve}, {@code det}, ...), whose
 * factors never outlive the call: a solve of a 1000×1000 system would otherwise allocate (and zero) an 8 MB copy
 * of A on every call. The arrays are {@link ScratchArrays}' (one slot of each type), the solver's own per thread.
 * Confined to its thread; a caller must not keep a scratch array past the call that obtained it.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private final ScratchArrays arrays = new ScratchArrays(1);

    private Scratch() {
    }

    static Scratch current() {
        return PER_THREAD.get();
    }

    /** An array of t's type with at least {@code elements} elements (contents undefined). */
    Object array(DType t, int elements) {
        int slots = elements * t.slotsPerElement();
        return t.isSinglePrecision() ? arrays.floats(0, slots) : arrays.doubles(0, slots);
    }

    /** An int array of at least {@code count} entries (contents undefined). */
    int[] ints(int count) {
        return arrays.ints(0, count);
    }
}
