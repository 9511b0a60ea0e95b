package org.fusemath.fft.host;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftKind;

/**
 * Random, mostly malformed FFTW descriptions and executions (sizes, strides, offsets, array lengths, kinds, signs):
 * each either runs or fails with fusemath's {@link InvalidArgumentException} before FFTW sees it, never a crash or
 * another exception.
 */
class FftwMalformedCallsPropertyTest {
    @Property(tries = 300)
    void onlyFusemathsExceptions(@ForAll @IntRange(min = -2, max = 9) int n, @ForAll @IntRange(min = -1, max = 3) int stride,
                                 @ForAll @IntRange(min = -1, max = 4) int batch, @ForAll @IntRange(min = -3, max = 40) int length,
                                 @ForAll @IntRange(min = -2, max = 6) int offset, @ForAll @IntRange(min = 0, max = 2) int kindIndex,
                                 @ForAll @IntRange(min = -2, max = 2) int sign, @ForAll boolean single, @ForAll boolean inPlace) {
        FftKind kind = FftKind.values()[kindIndex];
        FftwGuru guru;
        try {
            guru = new FftwGuru(kind, single, List.of(new FftDim(n, stride, stride)),
                    batch == 1 ? List.of() : List.of(new FftDim(batch, Math.max(1, n) * 2L, Math.max(1, n) * 2L)), sign, inPlace);
        } catch (InvalidArgumentException expected) {
            return;
        }
        try (FftwPlan plan = Fftw.plan(guru, FftwOptions.DEFAULT)) {
            int len = Math.max(0, length);
            if (single) {
                float[] in = new float[len];
                plan.execute(in, offset, inPlace ? in : new float[len], offset);
            } else {
                double[] in = new double[len];
                plan.execute(in, offset, inPlace ? in : new double[len], offset + 1);
            }
        } catch (InvalidArgumentException expected) {
            // named before any native call
        } catch (org.fusemath.api.FusemathException noPlan) {
            // FFTW declined to plan an (in-place) layout it cannot do: said by fusemath, not a crash
        }
    }
}
