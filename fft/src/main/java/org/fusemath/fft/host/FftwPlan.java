package org.fusemath.fft.host;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.locks.LockSupport;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftKind;

/**
 * One FFTW plan for one {@link FftwGuru}, executed on the caller's arrays (FFTW's new-array execute: the same
 * sizes, strides and in-place-ness as planned, which the checks here enforce; alignment is the call table's
 * business). Every size and offset is checked before a native call. A C2R execution preserves its input
 * unless the options allowed overwriting it. {@link #execute} may run on several threads at once with distinct
 * output arrays; {@link #close} waits for running executions. A plan not closed is destroyed when unreachable.
 */
public final class FftwPlan implements AutoCloseable {
    private static final ThreadLocal<double[]> DOUBLE_COPY = new ThreadLocal<>();
    private static final ThreadLocal<float[]> FLOAT_COPY = new ThreadLocal<>();
    /** The bit of {@link #state} that {@link #close} sets: no execution may start once it is set. */
    private static final int CLOSING = 1 << 31;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FftwPlan.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NativeFftw table;
    private final FftwGuru guru;
    private final long address;
    private final boolean onHeap;
    private final boolean overwriteInput;
    /** For a plan made for native addresses, {@link #alignmentClass} of the addresses it was planned for; else -1. */
    private final int alignment;
    private final Cleaner.Cleanable cleanable;
    /**
     * The executions running (low bits) and {@link #CLOSING}: one compare-and-set to enter and one add to leave,
     * less than a read-write lock's per-thread hold counts cost on every small transform (with the constant
     * downcall handles this took the call's overhead from 36-40 ns to 14-19 ns at n = 16).
     */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    private boolean closed;

    FftwPlan(NativeFftw table, FftwGuru guru, long plan, boolean onHeap, boolean overwriteInput) {
        this(table, guru, plan, onHeap, overwriteInput, -1);
    }

    FftwPlan(NativeFftw table, FftwGuru guru, long plan, boolean onHeap, boolean overwriteInput, int alignment) {
        this.table = table;
        this.alignment = alignment;
        this.guru = guru;
        this.onHeap = onHeap;
        this.overwriteInput = overwriteInput;
        this.address = plan;
        boolean single = guru.single();
        this.cleanable = FftwPlanner.CLEANER.register(this, () -> FftwPlanner.destroy(table, single, plan));
    }

    /** What this plan transforms. */
    public FftwGuru guru() {
        return guru;
    }

    /** Whether executions pass the caller's arrays to FFTW directly ({@code ffm}) rather than through aligned staging. */
    public boolean executesOnHeap() {
        return onHeap;
    }

    /** Runs the transform from {@code in[inOffset..]} into {@code out[outOffset..]} (double precision; complex data interleaved). */
    public void execute(double[] in, int inOffset, double[] out, int outOffset) {
        if (guru.single()) {
            throw new InvalidArgumentException("in", "a double[]", "float[] arrays for this single-precision plan");
        }
        run(in, in == null ? 0 : in.length, inOffset, out, out == null ? 0 : out.length, outOffset);
    }

    /** Runs the transform from {@code in[inOffset..]} into {@code out[outOffset..]} (single precision). */
    public void execute(float[] in, int inOffset, float[] out, int outOffset) {
        if (!guru.single()) {
            throw new InvalidArgumentException("in", "a float[]", "double[] arrays for this double-precision plan");
        }
        run(in, in == null ? 0 : in.length, inOffset, out, out == null ? 0 : out.length, outOffset);
    }

    private void run(Object in, int inLength, int inOffset, Object out, int outLength, int outOffset) {
        Arguments.requireNonNull(in, "in");
        Arguments.requireNonNull(out, "out");
        Arguments.requireNonNegative("inOffset", inOffset);
        Arguments.requireNonNegative("outOffset", outOffset);
        long inSlots = guru.inputSlots();
        long outSlots = guru.outputSlots();
        Arguments.requireLength("in", inLength, inOffset + inSlots);
        Arguments.requireLength("out", outLength, outOffset + outSlots);
        if (guru.inPlace()) {
            if (in != out || inOffset != outOffset) {
                throw new InvalidArgumentException("out", "another array or offset than the input's",
                        "the input array at the same offset (the plan is in place)");
            }
            // In place, the buffer must hold the larger of both spans (R2C/C2R pad the real side).
            Arguments.requireLength("in", inLength, inOffset + Math.max(inSlots, outSlots));
        } else if (in == out && inOffset < outOffset + outSlots && outOffset < inOffset + inSlots) {
            throw new InvalidArgumentException("out", "a range overlapping the input [" + inOffset + ", "
                    + (inOffset + inSlots) + ")", "disjoint input and output (the plan is out of place)");
        }
        enter();
        try {
            Object source = in;
            int from = inOffset;
            if (onHeap && guru.kind() == FftKind.C2R && !guru.inPlace() && !overwriteInput) {
                // FFTW's C2R destroys its input; on the heap path the caller's array is that input.
                source = copy(in, inOffset, (int) inSlots);
                from = 0;
            }
            table.execute(guru, address, onHeap, source, from, out, outOffset);
        } finally {
            STATE.getAndAdd(this, -1);
            Reference.reachabilityFence(this);
        }
    }

    /**
     * The alignment class of an (input, output) address pair: both addresses modulo 64, which is all that FFTW's
     * alignment checks (at most 64-byte SIMD alignment) can see. Plans for native memory are made and kept per class.
     */
    static int alignmentClass(long in, long out) {
        return (int) ((in & 63) << 6 | (out & 63));
    }

    /** {@link #alignmentClass} of the addresses this plan was made for, or -1 for a plan of heap arrays. */
    int alignmentClass() {
        return alignment;
    }

    /**
     * Runs the transform on native memory at {@code in} and {@code out}, which the caller has checked hold the
     * guru's spans (and, out of place, do not overlap); the plan must have been made for their alignment class
     * ({@link FftwPlanner#planAt}), else this throws before FFTW runs. FFTW's C2R destroys its input: callers
     * preserve it.
     */
    void executeAt(long in, long out) {
        if (alignment < 0 || alignmentClass(in, out) != alignment) {
            throw new IllegalStateException("an FFTW plan made for alignment class " + alignment + " asked to run on"
                    + " addresses of class " + alignmentClass(in, out) + " (input " + (in & 63) + ", output " + (out & 63)
                    + " bytes past 64)");
        }
        if (guru.inPlace() != (in == out)) {
            throw new InvalidArgumentException("out", guru.inPlace() ? "another address than the input's" : "the input's address",
                    guru.inPlace() ? "the input's address (the plan is in place)" : "another address (the plan is out of place)");
        }
        enter();
        try {
            table.executeAt(guru, address, in, out);
        } finally {
            STATE.getAndAdd(this, -1);
            Reference.reachabilityFence(this);
        }
    }

    /** Counts one running execution; throws when the plan is closed or closing. */
    private void enter() {
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if ((s & CLOSING) != 0) {
                throw new IllegalStateException("the FFTW plan is closed");
            }
            if (STATE.compareAndSet(this, s, s + 1)) {
                return;
            }
        }
    }

    private Object copy(Object in, int offset, int slots) {
        if (in instanceof double[] d) {
            double[] c = DOUBLE_COPY.get();
            if (c == null || c.length < slots) {
                c = new double[slots];
                DOUBLE_COPY.set(c);
            }
            System.arraycopy(d, offset, c, 0, slots);
            return c;
        }
        float[] c = FLOAT_COPY.get();
        if (c == null || c.length < slots) {
            c = new float[slots];
            FLOAT_COPY.set(c);
        }
        System.arraycopy((float[]) in, offset, c, 0, slots);
        return c;
    }

    /** Whether the guru's output span holds nothing but output elements (no holes a staged copy-back could clobber). */
    static boolean denseOutput(FftwGuru guru) {
        long elements = guru.transforms();
        for (int d = 0; d < guru.dims().size(); d++) {
            long n = guru.dims().get(d).n();
            elements *= guru.kind() == FftKind.R2C && d == guru.dims().size() - 1 ? n / 2 + 1 : n;
        }
        return elements == guru.outputSpan();
    }

    /** Destroys the plan (once; waits for executions in progress). */
    @Override
    public void close() {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
        } while ((s & CLOSING) == 0 && !STATE.compareAndSet(this, s, s | CLOSING));
        synchronized (this) {
            if (closed) {
                return;
            }
            // New executions now fail; wait for the running ones (a transform takes microseconds to milliseconds).
            while (((int) STATE.getVolatile(this) & ~CLOSING) != 0) {
                LockSupport.parkNanos(10_000L);
            }
            closed = true;
            cleanable.clean();
        }
    }
}
