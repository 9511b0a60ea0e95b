package org.fusemath.fft;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * A block of native (off-heap) memory holding doubles or floats, allocated by fusemath on a 64-byte boundary, that
 * FFT plans read and write where it lies ({@link org.fusemath.fft.spi.FftPlan#execute(NativeArray, NativeArray)}):
 * the FFTW provider passes its address straight to FFTW, with plans made for the address's alignment, so a transform
 * runs at the speed FFTW has in a C program (heap arrays cannot be aligned beyond what the JVM gives them). Complex
 * values are interleaved (re, im) as in fusemath's heap arrays; {@link #slice} gives a view at any slot offset.
 *
 * <p>Allocated zero-filled; {@link #close()} frees the memory (a block not closed is freed by a {@link Cleaner} once
 * unreachable); a view's {@code close} does nothing, and a view of a closed block throws. Copies in and out
 * ({@link #put}, {@link #get}) check every index. Distinct ranges may be read and written from several threads at
 * once; the block must not be closed while a transform or copy uses it.
 */
public final class NativeArray implements AutoCloseable {
    /** The alignment of every block's first slot, in bytes. */
    public static final int ALIGNMENT = 64;
    private static final Cleaner CLEANER = Cleaner.create();

    /** The allocation and its open flag, shared by a block and its views (and the Cleaner, which holds no view). */
    private static final class Memory implements Runnable {
        private final Pointer raw;
        private volatile boolean freed;

        Memory(long bytes) {
            this.raw = Pointer.malloc(bytes);
            if (raw == null || raw.isNull()) {
                throw new OutOfMemoryError("malloc of " + bytes + " bytes for a NativeArray failed");
            }
            Pointer.memset(raw, 0, bytes);
        }

        @Override
        public synchronized void run() {
            if (!freed) {
                freed = true;
                Pointer.free(raw);
            }
        }
    }

    private final Memory memory;
    /** The block a view shares (keeping it reachable while the view is: its Cleaner frees the memory); null for a block. */
    private final NativeArray block;
    private final Cleaner.Cleanable cleanable;
    private final DType precision;
    private final long address;
    private final long slots;

    private NativeArray(Memory memory, NativeArray block, DType precision, long address, long slots) {
        this.memory = memory;
        this.block = block;
        this.cleanable = block == null ? CLEANER.register(this, memory) : null;
        this.precision = precision;
        this.address = address;
        this.slots = slots;
    }

    /**
     * {@code slots} zeroed doubles ({@code precision} F64 or C128) or floats (F32 or C64) from a 64-byte boundary;
     * {@code slots} counts primitives, so {@code n} complex values take {@code 2n}.
     */
    public static NativeArray allocate(DType precision, long slots) {
        Arguments.requireNonNull(precision, "precision");
        Arguments.requireAtLeast("slots", slots, 1);
        DType p = precision.componentType();
        long bytes = Arguments.add("bytes", Arguments.multiply("bytes", slots, p.elementBytes()), ALIGNMENT);
        Memory memory = new Memory(bytes);
        long base = memory.raw.address();
        long aligned = base + (ALIGNMENT - base % ALIGNMENT) % ALIGNMENT;
        return new NativeArray(memory, null, p, aligned, slots);
    }

    /**
     * A view of {@code count} slots from slot {@code from} of this block (no copy: writes through either show in
     * both); closing it does nothing, closing the block frees both.
     */
    public NativeArray slice(long from, long count) {
        requireOpen();
        Arguments.requireNonNegative("from", from);
        Arguments.requireAtLeast("count", count, 1);
        if (from > slots - count) {
            throw new InvalidArgumentException("from", from, "a range [from, from + " + count + ") inside the " + slots
                    + " slots of this array");
        }
        return new NativeArray(memory, block == null ? this : block, precision, address + from * precision.elementBytes(), count);
    }

    /** F64 (doubles) or F32 (floats). */
    public DType precision() {
        return precision;
    }

    /** The number of doubles or floats. */
    public long slots() {
        return slots;
    }

    /** The address of slot 0, for passing to native code. */
    public long address() {
        requireOpen();
        return address;
    }

    /** The largest power of two up to {@link #ALIGNMENT} that divides the address of slot 0 (64 for an allocation). */
    public int alignment() {
        return (int) Math.min(ALIGNMENT, Long.lowestOneBit(address));
    }

    /** Whether the memory is still allocated (false once the block was closed). */
    public boolean isOpen() {
        return !memory.freed;
    }

    /** Copies {@code count} doubles from {@code src[from..]} into slots {@code at..} (an F64 array). */
    public void put(long at, double[] src, int from, int count) {
        range(DType.F64, at, src == null ? -1 : src.length, from, count, "src");
        doubles(at).put(src, from, count);
        Reference.reachabilityFence(this);
    }

    /** Copies {@code count} floats from {@code src[from..]} into slots {@code at..} (an F32 array). */
    public void put(long at, float[] src, int from, int count) {
        range(DType.F32, at, src == null ? -1 : src.length, from, count, "src");
        floats(at).put(src, from, count);
        Reference.reachabilityFence(this);
    }

    /** Copies slots {@code at..} into {@code dst[from..from+count)} (an F64 array). */
    public void get(long at, double[] dst, int from, int count) {
        range(DType.F64, at, dst == null ? -1 : dst.length, from, count, "dst");
        doubles(at).get(dst, from, count);
        Reference.reachabilityFence(this);
    }

    /** Copies slots {@code at..} into {@code dst[from..from+count)} (an F32 array). */
    public void get(long at, float[] dst, int from, int count) {
        range(DType.F32, at, dst == null ? -1 : dst.length, from, count, "dst");
        floats(at).get(dst, from, count);
        Reference.reachabilityFence(this);
    }

    /** A new {@code double[]} of every slot (an F64 array). */
    public double[] toDoubleArray() {
        double[] d = new double[Arguments.toInt("slots", slots)];
        get(0, d, 0, d.length);
        return d;
    }

    /** A new {@code float[]} of every slot (an F32 array). */
    public float[] toFloatArray() {
        float[] f = new float[Arguments.toInt("slots", slots)];
        get(0, f, 0, f.length);
        return f;
    }

    /**
     * Copies {@code count} slots of {@code src} from slot {@code srcAt} into this array from {@code at}: the same
     * precision, ranges inside both (overlap allowed).
     */
    public void copyFrom(long at, NativeArray src, long srcAt, long count) {
        Arguments.requireNonNull(src, "src");
        requireOpen();
        src.requireOpen();
        if (src.precision != precision) {
            throw new InvalidArgumentException("src", src.precision, precision + ", this array's precision");
        }
        inside("at", at, count, slots);
        inside("srcAt", srcAt, count, src.slots);
        long bytes = count * precision.elementBytes();
        Pointer.memmove(pointer(address + at * precision.elementBytes()), pointer(src.address + srcAt * precision.elementBytes()), bytes);
        Reference.reachabilityFence(this);
        Reference.reachabilityFence(src);
    }

    /** Frees the memory (a block; idempotent) or does nothing (a view). */
    @Override
    public void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
    }

    @Override
    public String toString() {
        return "NativeArray[" + precision + " x " + slots + " @ " + alignment() + "-byte aligned" + (isOpen() ? "" : ", closed")
                + "]";
    }

    private void requireOpen() {
        if (memory.freed) {
            throw new IllegalStateException("the NativeArray is closed");
        }
    }

    private void range(DType type, long at, int length, int from, int count, String array) {
        requireOpen();
        if (length < 0) {
            throw new InvalidArgumentException(array, "null", "a " + (type == DType.F64 ? "double[]" : "float[]"));
        }
        if (type != precision) {
            throw new InvalidArgumentException(array, type == DType.F64 ? "a double[]" : "a float[]",
                    (precision == DType.F64 ? "a double[]" : "a float[]") + " for this " + precision + " array");
        }
        Arguments.requireNonNegative("count", count);
        Arguments.requireNonNegative("from", from);
        if (from > length - count) {
            throw new InvalidArgumentException("from", from, "a range [from, from + " + count + ") inside " + array
                    + " of length " + length);
        }
        inside("at", at, count, slots);
    }

    private static void inside(String name, long at, long count, long slots) {
        Arguments.requireNonNegative(name, at);
        if (at > slots - count) {
            throw new InvalidArgumentException(name, at, "a range [" + name + ", " + name + " + " + count + ") inside "
                    + slots + " slots");
        }
    }

    private DoublePointer doubles(long at) {
        return new DoublePointer(pointer(address + at * Double.BYTES)).capacity(slots - at);
    }

    private FloatPointer floats(long at) {
        return new FloatPointer(pointer(address + at * Float.BYTES)).capacity(slots - at);
    }

    private static Pointer pointer(long raw) {
        // Pointer's address field is protected: an anonymous subclass is JavaCPP's way to wrap a raw address.
        return new Pointer() {
            {
                address = raw;
            }
        };
    }
}
