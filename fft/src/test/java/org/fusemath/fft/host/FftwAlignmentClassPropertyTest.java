package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fusemath.api.DType;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.spi.FftReference;

/**
 * One FFTW provider plan executed on native operands at random offsets (whole elements, 0 to 63 bytes past a 64-byte
 * boundary, input and output independently): every result is the direct DFT's within the error bound, and the plan
 * holds exactly one native plan per alignment class (input, output modulo 64) it has met, so no class ever ran on a
 * plan made for another (a reused plan would show as fewer plans than classes).
 */
class FftwAlignmentClassPropertyTest {
    private static final FftSpec[] SPECS = {
        FftSpec.builder(FftKind.C2C, DType.F64, 64).build(),
        FftSpec.builder(FftKind.R2C, DType.F64, 96).build(),
        FftSpec.builder(FftKind.C2R, DType.F32, 32).outputLength(62).build(),
        FftSpec.builder(FftKind.C2C, DType.F32, 4, 30).axes(1).build(),
    };

    @Property(tries = 40)
    void oneNativePlanPerAlignmentClassAndEveryResultRight(@ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 1, max = 6) int calls, @ForAll long seed) {
        FftSpec spec = SPECS[which];
        SplittableRandom rng = new SplittableRandom(seed);
        int bytes = spec.precision().elementBytes();
        double[] logical = FftwProviderTest.logical(spec);
        double[] expected = FftReference.transform(spec, logical);
        double bound = FftTesting.bound(spec, logical);
        double[] in = FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(), spec.inputOffset(),
                spec.kind() == FftKind.R2C ? 1 : 2, spec.inputSlots());
        java.util.Set<Integer> classes = new java.util.HashSet<>();
        try (FftwSpecPlan plan = (FftwSpecPlan) new FftwProvider().plan(spec, 1);
                NativeArray inBlock = NativeArray.allocate(spec.precision(), in.length + 64 / bytes);
                NativeArray outBlock = NativeArray.allocate(spec.precision(), spec.outputSlots() + 64 / bytes)) {
            for (int c = 0; c < calls; c++) {
                int inShift = rng.nextInt(64 / bytes);
                int outShift = rng.nextInt(64 / bytes);
                NativeArray a = inBlock.slice(inShift, in.length);
                NativeArray b = outBlock.slice(outShift, spec.outputSlots());
                if (bytes == 4) {
                    a.put(0, FftTesting.narrow(in), 0, in.length);
                } else {
                    a.put(0, in, 0, in.length);
                }
                plan.execute(a, b);
                // Computed here, not by FftwPlan: a coarser key in the provider would show as fewer plans than classes.
                classes.add((int) (a.address() % 64) * 64 + (int) (b.address() % 64));
                double[] out = bytes == 4 ? FftTesting.widen(b.toFloatArray()) : b.toDoubleArray();
                double error = FftTesting.distance(expected, FftTesting.gather(out, spec.outputShape(), spec.outputStrides(),
                        spec.outputOffset(), spec.kind() == FftKind.C2R ? 1 : 2));
                assertTrue(error <= bound, "error " + error + " > " + bound + " at shifts " + inShift + "/" + outShift
                        + " for " + spec);
            }
            assertEquals(classes.size(), plan.nativePlanCount());
        }
    }
}
