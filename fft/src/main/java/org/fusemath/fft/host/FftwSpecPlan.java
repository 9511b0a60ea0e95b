package org.fusemath.fft.host;

import java.lang.ref.Reference;
import java.util.concurrent.ConcurrentHashMap;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.OutputScaling;
import org.fusemath.fft.spi.CheckedFftPlan;

/**
 * An {@link FftSpec} on FFTW: the spec's guru dims planned once, executed from the spec's offsets, then the
 * spec's normalisation applied to the output elements (FFTW's transforms are unnormalized; none is applied when
 * the scale is 1, e.g. a forward transform with the default norm). A spec with an empty batch runs nothing.
 *
 * <p>On {@link NativeArray} operands the addresses go to FFTW as they are, through one more plan per alignment
 * class of the (input, output) addresses (both modulo 64, what FFTW's alignment checks see), made on first use
 * for exactly that alignment: a plan made for aligned memory never runs on memory that is not. An out-of-place C2R
 * first copies its input into per-thread native scratch at the same alignment (FFTW destroys a C2R input); a scale
 * other than 1 costs one copy of the output span out and back. Thread-safe as {@link FftwPlan} is.
 */
final class FftwSpecPlan extends CheckedFftPlan {
    private static final ThreadLocal<NativeArray[]> C2R_SCRATCH = ThreadLocal.withInitial(() -> new NativeArray[2]);

    private final NativeFftw table;
    private final FftwGuru guru;
    private final FftwOptions options;
    private final FftwPlan plan;
    private final int inOffset;
    private final int outOffset;
    /** The byte offsets of the spec's first input and output slots (native operands). */
    private final long inOffsetBytes;
    private final long outOffsetBytes;
    /** Whether a native execution first copies its input (an out-of-place C2R that may not overwrite it). */
    private final boolean preserveInput;
    /** {@code table.executesAddresses()}, read once. */
    private final boolean addresses;
    /** Whether the spec's scale is other than 1 (computed once: it loops over the lengths). */
    private final boolean scaled;
    /** The native-address plans, by {@link FftwPlan#alignmentClass}. */
    private final ConcurrentHashMap<Integer, FftwPlan> nativePlans = new ConcurrentHashMap<>();
    /**
     * The native plan used last, with its class: a repeated call on the same class skips the map (its capturing
     * lambda allocated 32 bytes a call, measured, on transforms of a microsecond or two). An immutable pair, so a
     * racing reader sees a whole pair or null, never one class with another's plan; {@link FftwPlan#executeAt}
     * checks the class again.
     */
    private volatile NativeSlot lastNative;

    /** A native plan and the alignment class it was made for. */
    private record NativeSlot(int alignmentClass, FftwPlan plan) {
    }

    FftwSpecPlan(FftSpec spec, int threads, FftwOptions options) {
        this(spec, threads, options, null);
    }

    /** On call table {@code table} (null: FFTW's, {@link FftwCalls}). */
    FftwSpecPlan(FftSpec spec, int threads, FftwOptions options, NativeFftw table) {
        super(spec, threads);
        boolean empty = spec.batchCount() == 0;
        this.table = table == null ? FftwCalls.table() : table;
        this.options = options;
        this.guru = empty ? null : FftwGuru.of(spec);
        this.plan = empty ? null : FftwPlanner.plan(this.table, guru, options);
        this.inOffset = (int) (spec.inputOffset() * (spec.kind() == FftKind.R2C ? 1 : 2));
        this.outOffset = (int) (spec.outputOffset() * (spec.kind() == FftKind.C2R ? 1 : 2));
        long bytes = spec.precision().elementBytes();
        this.inOffsetBytes = inOffset * bytes;
        this.outOffsetBytes = outOffset * bytes;
        this.preserveInput = spec.kind() == FftKind.C2R && !spec.inPlace() && !options.overwriteInput();
        this.scaled = spec.scale() != 1.0;
        this.addresses = this.table.executesAddresses();
    }

    @Override
    protected void executeF64(double[] input, double[] output) {
        if (plan == null) {
            return;
        }
        plan.execute(input, inOffset, output, outOffset);
        OutputScaling.apply(spec(), output);
    }

    @Override
    protected void executeF32(float[] input, float[] output) {
        if (plan == null) {
            return;
        }
        plan.execute(input, inOffset, output, outOffset);
        OutputScaling.apply(spec(), output);
    }

    @Override
    protected void executeNative(NativeArray input, NativeArray output) {
        if (plan == null) {
            return;
        }
        if (!addresses) {
            super.executeNative(input, output);
            return;
        }
        NativeArray source = input;
        if (preserveInput) {
            source = preservedCopy(input, spec().inputSlots());
        }
        long in = source.address() + inOffsetBytes;
        long out = output.address() + outOffsetBytes;
        try {
            nativePlan(in, out).executeAt(in, out);
        } finally {
            Reference.reachabilityFence(source);
            Reference.reachabilityFence(input);
            Reference.reachabilityFence(output);
        }
        if (scaled) {
            scale(output, spec());
        }
    }

    /** The plan for the alignment class of {@code in} and {@code out}, made on first use. */
    FftwPlan nativePlan(long in, long out) {
        int k = FftwPlan.alignmentClass(in, out);
        NativeSlot last = lastNative;
        if (last != null && last.alignmentClass() == k) {
            return last.plan();
        }
        FftwPlan p = nativePlans.computeIfAbsent(k,
                c -> FftwPlanner.planAt(table, guru, options, (int) (in & 63), (int) (out & 63)));
        lastNative = new NativeSlot(k, p);
        return p;
    }

    /** How many native-address plans this plan holds (one per alignment class used so far). */
    int nativePlanCount() {
        return nativePlans.size();
    }

    /**
     * {@code input}'s first {@code slots} copied into this thread's scratch at the same address modulo 64 (so the
     * copy's alignment class is the input's), grown on demand and kept.
     */
    private static NativeArray preservedCopy(NativeArray input, long slots) {
        NativeArray[] scratch = C2R_SCRATCH.get();
        int which = input.precision() == DType.F64 ? 0 : 1;
        long shift = (input.address() & 63) / input.precision().elementBytes();
        NativeArray s = scratch[which];
        if (s == null || s.slots() < slots + shift) {
            if (s != null) {
                s.close();
            }
            // 16 slots beyond: room for any shift of up to 63 bytes (7 doubles, 15 floats).
            s = NativeArray.allocate(input.precision(), slots + 16);
            scratch[which] = s;
        }
        NativeArray view = s.slice(shift, slots);
        view.copyFrom(0, input, 0, slots);
        return view;
    }

    /** The spec's normalisation on a native output: its span copied to the heap, scaled there, copied back. */
    private static void scale(NativeArray output, FftSpec spec) {
        int slots = Arguments.toInt("output slots", spec.outputSlots());
        if (spec.precision() == DType.F64) {
            double[] d = new double[slots];
            output.get(0, d, 0, slots);
            OutputScaling.apply(spec, d);
            output.put(0, d, 0, slots);
        } else {
            float[] f = new float[slots];
            output.get(0, f, 0, slots);
            OutputScaling.apply(spec, f);
            output.put(0, f, 0, slots);
        }
    }

    @Override
    protected void release() {
        if (plan != null) {
            plan.close();
        }
        nativePlans.values().forEach(FftwPlan::close);
    }
}
