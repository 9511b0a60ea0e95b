package org.fusemath.fft.spi;

import org.fusemath.fft.FftSpec;
import org.fusemath.fft.NativeArray;

/**
 * One planned host transform over heap arrays ({@code double[]} for F64 specs, {@code float[]} for F32) or native
 * memory ({@link NativeArray}), complex values interleaved (re, im), laid out as the spec's strides and offsets say. In-place specs pass the same array
 * twice; out-of-place specs two distinct arrays. The input is never modified by an out-of-place plan.
 *
 * <p>{@link #execute} may be called concurrently from several threads on distinct operands; {@link #close} must not
 * race an execution. Closing releases native plans and buffers; a closed plan throws
 * {@link org.fusemath.fft.PlanClosedException}.
 */
public interface FftPlan extends AutoCloseable {
    /** The spec this plan executes. */
    FftSpec spec();

    /** The number of threads an execution may use. */
    int threads();

    /** Executes an F64 spec on {@code input} into {@code output}. */
    void execute(double[] input, double[] output);

    /** Executes an F32 spec on {@code input} into {@code output}. */
    void execute(float[] input, float[] output);

    /**
     * Executes the spec on native memory: {@code input} and {@code output} are {@link NativeArray}s of the spec's
     * precision laid out as its strides and offsets say (the same array for an in-place spec). Providers that call
     * native libraries pass the addresses on without copies; this default copies through heap arrays.
     */
    default void execute(NativeArray input, NativeArray output) {
        NativeStaging.run(this, input, output);
    }

    /** Releases the plan; idempotent. */
    @Override
    void close();
}
