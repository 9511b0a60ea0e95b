package org.fusemath.blas.host;

import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.api.DType;

/**
 * One thread's off-heap staging buffers for the JavaCPP call path: a few numbered slots per element type,
 * each grown (to at least double its size) when a call needs more and otherwise reused, so that a call
 * copies the caller's arrays in and out but never allocates native memory once the sizes have been seen.
 *
 * <p>Confined to its thread through {@link #current()}. The buffers are JavaCPP pointers, which JavaCPP frees
 * when they become unreachable (its deallocator reference queue), so a thread that ends releases its
 * staging without an explicit close; a growing slot frees its old buffer at once.
 */
final class Staging {
    static final int SLOTS = 8;
    private static final ThreadLocal<Staging> PER_THREAD = ThreadLocal.withInitial(Staging::new);
    private static final AtomicLong ALLOCATIONS = new AtomicLong();

    private final DoublePointer[] doubles = new DoublePointer[SLOTS];
    private final FloatPointer[] floats = new FloatPointer[SLOTS];
    private IntPointer ints;
    /** alpha, beta and a complex result, two parts each. */
    private final DoublePointer doubleScalars = new DoublePointer(6);
    private final FloatPointer floatScalars = new FloatPointer(6);

    private Staging() {
        ALLOCATIONS.addAndGet(2);
    }

    static Staging current() {
        return PER_THREAD.get();
    }

    /** Native allocations made by every thread's staging so far (grows only when a slot grows). */
    static long allocations() {
        return ALLOCATIONS.get();
    }

    /** Slot {@code slot} sized for {@code span} slots of {@code array}'s type, filled from array[from, from + span). */
    Pointer in(int slot, Object array, int from, int span) {
        if (array instanceof double[] d) {
            return doubles(slot, span).put(d, from, span);
        }
        return floats(slot, span).put((float[]) array, from, span);
    }

    /** Slot {@code slot} sized for {@code span} slots of {@code array}'s type, contents undefined. */
    Pointer space(int slot, Object array, int span) {
        return array instanceof double[] ? doubles(slot, span) : floats(slot, span);
    }

    /** Copies slot {@code slot}'s first {@code span} values back to array[from, from + span). */
    void out(int slot, Object array, int from, int span) {
        if (array instanceof double[] d) {
            doubles[slot].get(d, from, span);
        } else {
            floats[slot].get((float[]) array, from, span);
        }
    }

    private DoublePointer doubles(int slot, int span) {
        DoublePointer p = doubles[slot];
        if (p == null || p.capacity() < span) {
            long size = Math.max(Math.max(span, 64), p == null ? 0 : 2 * p.capacity());
            if (p != null) {
                p.close();
            }
            p = new DoublePointer(size);
            ALLOCATIONS.incrementAndGet();
            doubles[slot] = p;
        }
        return p;
    }

    private FloatPointer floats(int slot, int span) {
        FloatPointer p = floats[slot];
        if (p == null || p.capacity() < span) {
            long size = Math.max(Math.max(span, 64), p == null ? 0 : 2 * p.capacity());
            if (p != null) {
                p.close();
            }
            p = new FloatPointer(size);
            ALLOCATIONS.incrementAndGet();
            floats[slot] = p;
        }
        return p;
    }

    /** An int buffer of {@code count} entries, filled from src[from, from + count) when {@code copy}. */
    IntPointer ints(int[] src, int from, int count, boolean copy) {
        if (ints == null || ints.capacity() < count) {
            long size = Math.max(Math.max(count, 64), ints == null ? 0 : 2 * ints.capacity());
            if (ints != null) {
                ints.close();
            }
            ints = new IntPointer(size);
            ALLOCATIONS.incrementAndGet();
        }
        if (copy && count > 0) {
            ints.put(src, from, count);
        }
        return ints;
    }

    void intsOut(int[] dst, int from, int count) {
        if (count > 0) {
            ints.get(dst, from, count);
        }
    }

    /** A pointer to a complex scalar of t's component type in scalar slot {@code which} (0 alpha, 1 beta, 2 result). */
    Pointer complexScalar(DType t, int which, double re, double im) {
        if (t.isSinglePrecision()) {
            floatScalars.put(2L * which, (float) re).put(2L * which + 1, (float) im);
            return floatScalars.getPointer(2L * which);
        }
        doubleScalars.put(2L * which, re).put(2L * which + 1, im);
        return doubleScalars.getPointer(2L * which);
    }

    /** Reads the complex scalar in scalar slot {@code which}. */
    double[] readComplexScalar(DType t, int which) {
        if (t.isSinglePrecision()) {
            return new double[] {floatScalars.get(2L * which), floatScalars.get(2L * which + 1)};
        }
        return new double[] {doubleScalars.get(2L * which), doubleScalars.get(2L * which + 1)};
    }
}
