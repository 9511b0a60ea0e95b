package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/**
 * The cache of the last native plan in {@link FftwSpecPlan}: one plan executed on operands whose alignment classes
 * alternate (A, B, A, C, B, ...) always runs the plan made for the call's own class (never the cached one of the call
 * before), gives the direct DFT's result each time, and returns the same plan object each time a class comes back.
 */
class FftwNativePlanCacheTest {
    /** (input, output) byte shifts past a 64-byte boundary, visited in an order that changes class on every call. */
    private static final int[][] SHIFTS = {{0, 0}, {16, 0}, {0, 0}, {8, 32}, {16, 0}, {16, 0}, {0, 0}, {8, 32}, {0, 8}};

    @Test
    void alternatingAlignmentClassesEachRunTheirOwnPlan() {
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 64).build();
        double[] logical = FftwProviderTest.logical(spec);
        double[] expected = FftReference.transform(spec, logical);
        double bound = FftTesting.bound(spec, logical);
        double[] in = FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(), spec.inputOffset(), 2,
                spec.inputSlots());
        java.util.Map<Integer, FftwPlan> seen = new java.util.HashMap<>();
        try (FftwSpecPlan plan = (FftwSpecPlan) new FftwProvider().plan(spec, 1);
                NativeArray inBlock = NativeArray.allocate(DType.F64, in.length + 8);
                NativeArray outBlock = NativeArray.allocate(DType.F64, spec.outputSlots() + 8)) {
            for (int i = 0; i < SHIFTS.length; i++) {
                int[] s = SHIFTS[i];
                NativeArray a = inBlock.slice(s[0] / 8, in.length);
                NativeArray b = outBlock.slice(s[1] / 8, spec.outputSlots());
                a.put(0, in, 0, in.length);
                // With the previous call's class cached, this call's class must still get its own plan.
                int k = s[0] << 6 | s[1];
                FftwPlan used = plan.nativePlan(a.address(), b.address());
                assertEquals(k, used.alignmentClass(), "the plan for class " + k + " after a call of another class");
                plan.execute(a, b);
                assertSame(used, plan.nativePlan(a.address(), b.address()));
                if (i > 0) {
                    int[] p = SHIFTS[i - 1];
                    int previous = p[0] << 6 | p[1];
                    FftwPlan back = plan.nativePlan(inBlock.slice(p[0] / 8, in.length).address(),
                            outBlock.slice(p[1] / 8, spec.outputSlots()).address());
                    assertEquals(previous, back.alignmentClass(), "class " + previous + " after class " + k);
                }
                FftwPlan first = seen.putIfAbsent(k, used);
                if (first != null) {
                    assertSame(first, used, "class " + k + " planned twice");
                }
                double error = FftTesting.distance(expected, FftTesting.gather(b.toDoubleArray(), spec.outputShape(),
                        spec.outputStrides(), spec.outputOffset(), 2));
                assertTrue(error <= bound, "error " + error + " > " + bound + " at shifts " + s[0] + "/" + s[1]);
            }
            assertEquals(seen.size(), plan.nativePlanCount());
        }
    }
}
