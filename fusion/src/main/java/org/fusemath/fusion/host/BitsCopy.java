package org.fusemath.fusion.host;

import java.lang.reflect.Field;

/**
 * Reinterprets one fixed chunk of 32-bit patterns between an int and a float array, {@code dst[i] = src[i]} bit for
 * bit for i in [0, {@link F32Lanes#CHUNK}): the stage of the float lanes that C2 does not vectorise (it has no
 * vector form of the int/float bit moves). This Java 17 version copies the chunk's bytes with one
 * {@code sun.misc.Unsafe.copyMemory} between the two heap arrays (a memory copy, which C2 intrinsifies: exp's scale
 * stage with two such copies and two vector loops costs 0.5 ns per element on JDK 17, against 1.1 for its scalar
 * bit loop), and falls back to scalar loops where {@code sun.misc.Unsafe} cannot be reached ({@link #BULK} then
 * false); the Java 22+ version copies through heap memory segments instead. Not thread-safe: an instance belongs to
 * one {@link F32Lanes}.
 */
final class BitsCopy {
    /** Whether {@link #run} is one bulk copy (otherwise a scalar loop, which the lanes avoid where they can). */
    static final boolean BULK;
    private static final sun.misc.Unsafe UNSAFE;
    private static final long INT_BASE;
    private static final long FLOAT_BASE;
    private static final long BYTES = (long) Integer.BYTES * F32Lanes.CHUNK;

    static {
        sun.misc.Unsafe u = null;
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            u = (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            u = null;   // a JVM or security setting that hides it: the scalar loops below
        }
        UNSAFE = u;
        BULK = u != null;
        INT_BASE = u == null ? 0 : u.arrayBaseOffset(int[].class);
        FLOAT_BASE = u == null ? 0 : u.arrayBaseOffset(float[].class);
    }

    private final int[] ints;
    private final float[] floats;
    private final boolean toFloats;
    private final boolean bulk;

    private BitsCopy(int[] ints, float[] floats, boolean toFloats, boolean bulk) {
        if (ints.length < F32Lanes.CHUNK || floats.length < F32Lanes.CHUNK) {
            throw new IllegalArgumentException("chunk arrays of at least " + F32Lanes.CHUNK + " elements expected, got "
                    + ints.length + " and " + floats.length);
        }
        this.ints = ints;
        this.floats = floats;
        this.toFloats = toFloats;
        this.bulk = bulk && BULK;
    }

    /** {@code dst[i] = Float.intBitsToFloat(src[i])}. */
    static BitsCopy toFloats(int[] src, float[] dst) {
        return new BitsCopy(src, dst, true, true);
    }

    /** {@code dst[i] = Float.floatToRawIntBits(src[i])}. */
    static BitsCopy toInts(float[] src, int[] dst) {
        return new BitsCopy(dst, src, false, true);
    }

    /**
     * The scalar form of {@link #toFloats} ({@code toFloats} true) or {@link #toInts}, whatever {@link #BULK} says:
     * for its tests (Java 17 tree only).
     */
    static BitsCopy scalar(int[] ints, float[] floats, boolean toFloats) {
        return new BitsCopy(ints, floats, toFloats, false);
    }

    void run() {
        if (bulk) {
            if (toFloats) {
                UNSAFE.copyMemory(ints, INT_BASE, floats, FLOAT_BASE, BYTES);
            } else {
                UNSAFE.copyMemory(floats, FLOAT_BASE, ints, INT_BASE, BYTES);
            }
        } else if (toFloats) {
            for (int i = 0; i < F32Lanes.CHUNK; i++) {
                floats[i] = Float.intBitsToFloat(ints[i]);
            }
        } else {
            for (int i = 0; i < F32Lanes.CHUNK; i++) {
                ints[i] = Float.floatToRawIntBits(floats[i]);
            }
        }
    }
}
