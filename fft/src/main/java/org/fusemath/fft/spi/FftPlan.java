package org.fusemath.fft.spi;

import org.fusemath.fft.FftSpec;

/**
 * One planned host transform over heap arrays: {@code double[]} for F64 specs, {@code float[]} for F32, complex
 * values interleaved (re, im), laid out as the spec's strides and offsets say. In-place specs pass the same array
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

    /** Releases the plan; idempotent. */
    @Override
    void close();
}
