package org.fusemath.fft.host;

import java.util.List;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.CheckedFftPlan;

/**
 * An {@link FftSpec} on FFTW: the spec's guru dims planned once, executed from the spec's offsets, then the
 * spec's normalisation applied to the output elements (FFTW's transforms are unnormalized; none is applied when
 * the scale is 1, e.g. a forward transform with the default norm). A spec with an empty batch runs nothing.
 * Thread-safe as {@link FftwPlan} is.
 */
final class FftwSpecPlan extends CheckedFftPlan {
    private final FftwGuru guru;
    private final FftwPlan plan;
    private final int inOffset;
    private final int outOffset;
    private final double scale;

    FftwSpecPlan(FftSpec spec, int threads, FftwOptions options) {
        super(spec, threads);
        boolean empty = spec.batchCount() == 0;
        this.guru = empty ? null : FftwGuru.of(spec);
        this.plan = empty ? null : Fftw.plan(guru, options);
        this.inOffset = (int) (spec.inputOffset() * (spec.kind() == FftKind.R2C ? 1 : 2));
        this.outOffset = (int) (spec.outputOffset() * (spec.kind() == FftKind.C2R ? 1 : 2));
        this.scale = spec.scale();
    }

    @Override
    protected void executeF64(double[] input, double[] output) {
        if (plan == null) {
            return;
        }
        plan.execute(input, inOffset, output, outOffset);
        if (scale != 1.0) {
            scale(output);
        }
    }

    @Override
    protected void executeF32(float[] input, float[] output) {
        if (plan == null) {
            return;
        }
        plan.execute(input, inOffset, output, outOffset);
        if (scale != 1.0) {
            scale(output);
        }
    }

    /** Multiplies every output element (only those: a strided output's holes stay as they were) by the scale. */
    private void scale(Object output) {
        boolean complex = guru.complexOutput();
        if (FftwPlan.denseOutput(guru)) {
            int end = (int) (outOffset + guru.outputSlots());
            if (output instanceof double[] d) {
                for (int i = outOffset; i < end; i++) {
                    d[i] *= scale;
                }
            } else {
                float[] f = (float[]) output;
                float s = (float) scale;
                for (int i = outOffset; i < end; i++) {
                    f[i] *= s;
                }
            }
            return;
        }
        List<FftDim> dims = new java.util.ArrayList<>(guru.howmany());
        for (int d = 0; d < guru.dims().size(); d++) {
            FftDim t = guru.dims().get(d);
            boolean halved = guru.kind() == FftKind.R2C && d == guru.dims().size() - 1;
            dims.add(new FftDim(halved ? t.n() / 2 + 1 : t.n(), t.is(), t.os()));
        }
        scaleAt(output, dims, 0, outOffset / (complex ? 2 : 1), complex);
    }

    private void scaleAt(Object output, List<FftDim> dims, int level, long element, boolean complex) {
        if (level == dims.size()) {
            int slot = (int) (element * (complex ? 2 : 1));
            if (output instanceof double[] d) {
                d[slot] *= scale;
                if (complex) {
                    d[slot + 1] *= scale;
                }
            } else {
                float[] f = (float[]) output;
                f[slot] *= (float) scale;
                if (complex) {
                    f[slot + 1] *= (float) scale;
                }
            }
            return;
        }
        FftDim d = dims.get(level);
        for (long i = 0; i < d.n(); i++) {
            scaleAt(output, dims, level + 1, element + i * d.os(), complex);
        }
    }

    @Override
    protected void release() {
        if (plan != null) {
            plan.close();
        }
    }
}
