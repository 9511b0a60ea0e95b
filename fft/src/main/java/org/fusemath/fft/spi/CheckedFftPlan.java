package org.fusemath.fft.spi;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.PlanClosedException;

/**
 * The base every provider's plan extends: checks that the plan is open, that the operands are arrays of the
 * spec's precision, long enough for its layout, and the same array exactly when the spec is in-place; only then
 * calls the provider's {@code executeF64}/{@code executeF32}, so no wrong size reaches a kernel or native code.
 */
public abstract class CheckedFftPlan implements FftPlan {
    private final FftSpec spec;
    private final int threads;
    private volatile boolean closed;

    /** A plan for {@code spec} using at most {@code threads} threads. */
    protected CheckedFftPlan(FftSpec spec, int threads) {
        this.spec = Arguments.requireNonNull(spec, "spec");
        this.threads = Arguments.requirePositive("threads", threads);
    }

    @Override
    public final FftSpec spec() {
        return spec;
    }

    @Override
    public final int threads() {
        return threads;
    }

    @Override
    public final void execute(double[] input, double[] output) {
        check(DType.F64, input, input == null ? -1 : input.length, output, output == null ? -1 : output.length);
        executeF64(input, output);
    }

    @Override
    public final void execute(float[] input, float[] output) {
        check(DType.F32, input, input == null ? -1 : input.length, output, output == null ? -1 : output.length);
        executeF32(input, output);
    }

    /**
     * Checks as the heap forms do (open, the spec's precision, long enough, the same array exactly when in place,
     * else distinct arrays of disjoint memory), then {@link #executeNative}.
     */
    @Override
    public final void execute(NativeArray input, NativeArray output) {
        checkNative(input, output);
        executeNative(input, output);
    }

    /**
     * Runs a checked execution on native operands; this default copies through heap arrays ({@code executeF64} or
     * {@code executeF32} on copies of the spans). Providers that call native libraries override it.
     */
    protected void executeNative(NativeArray input, NativeArray output) {
        NativeStaging.run(this, input, output);
    }

    /** Runs a checked F64 execution. */
    protected abstract void executeF64(double[] input, double[] output);

    /** Runs a checked F32 execution. */
    protected abstract void executeF32(float[] input, float[] output);

    /** Releases the provider's resources, once. */
    protected abstract void release();

    /** Whether {@link #close()} was called. */
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private void checkNative(NativeArray input, NativeArray output) {
        if (closed) {
            throw new PlanClosedException("FFT plan (" + spec + ")", "execute");
        }
        Arguments.requireNonNull(input, "input");
        Arguments.requireNonNull(output, "output");
        if (input.precision() != spec.precision()) {
            throw new InvalidArgumentException("input", "a NativeArray of " + input.precision(), "one of " + spec.precision()
                    + " for a " + spec.precision() + " plan");
        }
        if (output.precision() != spec.precision()) {
            throw new InvalidArgumentException("output", "a NativeArray of " + output.precision(), "one of "
                    + spec.precision() + " for a " + spec.precision() + " plan");
        }
        if (!input.isOpen()) {
            throw new InvalidArgumentException("input", input, "an open NativeArray");
        }
        if (!output.isOpen()) {
            throw new InvalidArgumentException("output", output, "an open NativeArray");
        }
        long bytes = spec.precision().elementBytes();
        if (spec.inPlace()) {
            if (input.address() != output.address()) {
                throw new InvalidArgumentException("output", "memory at another address than input's",
                        "the input array itself for an in-place plan");
            }
            Arguments.requireLength("input", input.slots(), spec.inPlaceSlots());
            return;
        }
        Arguments.requireLength("input", input.slots(), spec.inputSlots());
        Arguments.requireLength("output", output.slots(), spec.outputSlots());
        long inStart = input.address();
        long outStart = output.address();
        if (inStart < outStart + output.slots() * bytes && outStart < inStart + input.slots() * bytes) {
            throw new InvalidArgumentException("output", "memory overlapping the input's", "disjoint input and output for"
                    + " an out-of-place plan (plan in place to share one)");
        }
    }

    private void check(DType precision, Object input, int inLength, Object output, int outLength) {
        if (closed) {
            throw new PlanClosedException("FFT plan (" + spec + ")", "execute");
        }
        if (spec.precision() != precision) {
            throw new InvalidArgumentException("input", precision == DType.F64 ? "a double[]" : "a float[]",
                    (spec.precision() == DType.F64 ? "double[]" : "float[]") + " arrays for a " + spec.precision()
                            + " plan");
        }
        Arguments.requireNonNull(input, "input");
        Arguments.requireNonNull(output, "output");
        if (spec.inPlace()) {
            if (input != output) {
                throw new InvalidArgumentException("output", "a different array from input",
                        "the input array itself for an in-place plan");
            }
            Arguments.requireLength("input", inLength, spec.inPlaceSlots());
            return;
        }
        if (input == output) {
            throw new InvalidArgumentException("output", "the input array", "a distinct array for an out-of-place plan"
                    + " (plan in place to share one)");
        }
        Arguments.requireLength("input", inLength, spec.inputSlots());
        Arguments.requireLength("output", outLength, spec.outputSlots());
    }
}
