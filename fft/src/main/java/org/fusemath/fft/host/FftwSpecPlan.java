package org.fusemath.fft.host;

import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.OutputScaling;
import org.fusemath.fft.spi.CheckedFftPlan;

/**
 * An {@link FftSpec} on FFTW: the spec's guru dims planned once, executed from the spec's offsets, then the
 * spec's normalisation applied to the output elements (FFTW's transforms are unnormalized; none is applied when
 * the scale is 1, e.g. a forward transform with the default norm). A spec with an empty batch runs nothing.
 * Thread-safe as {@link FftwPlan} is.
 */
final class FftwSpecPlan extends CheckedFftPlan {
    private final FftwPlan plan;
    private final int inOffset;
    private final int outOffset;

    FftwSpecPlan(FftSpec spec, int threads, FftwOptions options) {
        this(spec, threads, options, null);
    }

    /** On call table {@code table} (null: FFTW's, {@link FftwCalls}). */
    FftwSpecPlan(FftSpec spec, int threads, FftwOptions options, NativeFftw table) {
        super(spec, threads);
        boolean empty = spec.batchCount() == 0;
        this.plan = empty ? null : FftwPlanner.plan(table == null ? FftwCalls.table() : table, FftwGuru.of(spec), options);
        this.inOffset = (int) (spec.inputOffset() * (spec.kind() == FftKind.R2C ? 1 : 2));
        this.outOffset = (int) (spec.outputOffset() * (spec.kind() == FftKind.C2R ? 1 : 2));
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
    protected void release() {
        if (plan != null) {
            plan.close();
        }
    }
}
