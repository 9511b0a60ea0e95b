package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.PlanClosedException;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/**
 * The FFTW provider on {@link NativeArray} operands: the direct DFT's result within the error bound for every spec of
 * {@link FftwProviderTest} (kinds, precisions, norms, strided and offset layouts, in place) with the operands at 0, 8,
 * 16 and 32 bytes past a 64-byte boundary (4 too in single precision); an output's holes and a C2R's input unchanged;
 * one native plan per alignment class and none run on another class; bad operands refused before FFTW runs; the
 * JTransforms provider's copying path giving its heap results bit for bit.
 */
class FftwNativeOperandsTest {
    private static final double SENTINEL = 12345.0;

    /** Byte offsets past the 64-byte boundary at which the operands are placed. */
    private static int[] offsets(FftSpec spec) {
        return spec.precision() == DType.F32 ? new int[] {0, 4, 8, 16, 32} : new int[] {0, 8, 16, 32};
    }

    @Test
    void equalsTheDirectDftAtEveryAlignment() {
        FftwProvider fftw = new FftwProvider();
        for (FftSpec spec : FftwProviderTest.specs()) {
            double[] logical = FftwProviderTest.logical(spec);
            double[] expected = FftReference.transform(spec, logical);
            double bound = FftTesting.bound(spec, logical);
            boolean cin = spec.kind() != FftKind.R2C;
            long inLength = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
            double[] in = FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(), spec.inputOffset(),
                    cin ? 2 : 1, inLength);
            try (FftPlan plan = fftw.plan(spec, 1)) {
                Set<Integer> classes = new HashSet<>();
                for (int inBytes : offsets(spec)) {
                    int outBytes = offsets(spec)[(indexOf(offsets(spec), inBytes) + 1) % offsets(spec).length];
                    double[] got = run(plan, spec, in, inBytes, outBytes);
                    double error = FftTesting.distance(expected, got);
                    assertTrue(error <= bound, "error " + error + " > " + bound + " at " + inBytes + "/" + outBytes
                            + " bytes for " + spec);
                    classes.add(spec.inPlace() ? inBytes << 6 | inBytes : inBytes << 6 | outBytes);
                }
                // One plan per alignment class met (shifted by the spec's offsets, which are the same each time).
                assertEquals(classes.size(), ((FftwSpecPlan) plan).nativePlanCount(), spec.toString());
            }
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v);
    }

    /**
     * Runs {@code plan} on native copies of {@code in} at the given byte offsets, checks the input (out of place) and
     * the output's holes unchanged, and returns the logical output.
     */
    private static double[] run(FftPlan plan, FftSpec spec, double[] in, int inBytes, int outBytes) {
        boolean single = spec.precision() == DType.F32;
        int bytes = single ? 4 : 8;
        DType p = spec.precision();
        boolean cout = spec.kind() != FftKind.C2R;
        try (NativeArray inBlock = NativeArray.allocate(p, in.length + 16);
                NativeArray outBlock = NativeArray.allocate(p, spec.outputSlots() + 16)) {
            NativeArray a = inBlock.slice(inBytes / bytes, in.length);
            assertEquals(inBytes == 0 ? 64 : Integer.lowestOneBit(inBytes), a.alignment());
            NativeArray b = spec.inPlace() ? a : outBlock.slice(outBytes / bytes, spec.outputSlots());
            put(a, in, single);
            double[] before = new double[(int) b.slots()];
            if (!spec.inPlace()) {
                java.util.Arrays.fill(before, SENTINEL);
                put(b, before, single);
            }
            plan.execute(a, b);
            double[] result = get(b, single);
            if (!spec.inPlace()) {
                assertArrayEquals(single ? FftTesting.widen(FftTesting.narrow(in)) : in, get(a, single), "input changed: " + spec);
                // Every slot the layout does not address keeps its sentinel.
                long elements = 1;
                for (long n : spec.outputShape()) {
                    elements *= n;
                }
                int slots = cout ? 2 : 1;
                double[] mask = FftTesting.scatter(new double[(int) elements * slots], spec.outputShape(),
                        spec.outputStrides(), spec.outputOffset(), slots, result.length);
                for (int i = 0; i < mask.length; i++) {
                    if (Double.isNaN(mask[i])) {
                        assertEquals(SENTINEL, result[i], "slot " + i + " outside the output layout changed: " + spec);
                    }
                }
            }
            return FftTesting.gather(result, spec.outputShape(), spec.outputStrides(), spec.outputOffset(), cout ? 2 : 1);
        }
    }

    private static void put(NativeArray a, double[] values, boolean single) {
        if (single) {
            a.put(0, FftTesting.narrow(values), 0, values.length);
        } else {
            a.put(0, values, 0, values.length);
        }
    }

    private static double[] get(NativeArray a, boolean single) {
        return single ? FftTesting.widen(a.toFloatArray()) : a.toDoubleArray();
    }

    @Test
    void aPlanNeverRunsOnAnotherAlignmentClass() {
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 64).build();
        NativeFftw table = FftwCalls.table();
        FftwGuru guru = FftwGuru.of(spec);
        try (FftwPlan aligned = FftwPlanner.planAt(table, guru, FftwOptions.DEFAULT, 0, 0);
                NativeArray in = NativeArray.allocate(DType.F64, 2 * 64 + 8);
                NativeArray out = NativeArray.allocate(DType.F64, 2 * 64 + 8)) {
            assertEquals(0, aligned.alignmentClass());
            aligned.executeAt(in.address(), out.address());
            for (int shift : new int[] {1, 2, 4}) {
                long moved = in.slice(shift, 128).address();
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> aligned.executeAt(moved, out.address()));
                assertTrue(e.getMessage().contains("alignment class"), e.getMessage());
                assertThrows(IllegalStateException.class, () -> aligned.executeAt(in.address(), out.slice(shift, 128).address()));
            }
            assertNotEquals(FftwPlan.alignmentClass(in.address(), out.address()),
                    FftwPlan.alignmentClass(in.slice(2, 128).address(), out.address()));
        }
        // A heap plan has no alignment class: it never runs on addresses.
        try (FftwPlan heap = FftwPlanner.plan(table, guru, FftwOptions.DEFAULT);
                NativeArray in = NativeArray.allocate(DType.F64, 128);
                NativeArray out = NativeArray.allocate(DType.F64, 128)) {
            assertThrows(IllegalStateException.class, () -> heap.executeAt(in.address(), out.address()));
        }
    }

    @Test
    void badOperandsAreRefusedBeforeFftwRuns() {
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 16).build();
        FftPlan plan = new FftwProvider().plan(spec, 1);
        try (NativeArray ok = NativeArray.allocate(DType.F64, 32);
                NativeArray other = NativeArray.allocate(DType.F64, 32);
                NativeArray shortOne = NativeArray.allocate(DType.F64, 31);
                NativeArray floats = NativeArray.allocate(DType.F32, 32);
                NativeArray both = NativeArray.allocate(DType.F64, 64)) {
            assertEquals("input", assertThrows(InvalidArgumentException.class, () -> plan.execute(shortOne, ok)).argument());
            assertEquals("output", assertThrows(InvalidArgumentException.class, () -> plan.execute(ok, shortOne)).argument());
            assertEquals("input", assertThrows(InvalidArgumentException.class, () -> plan.execute(floats, ok)).argument());
            assertEquals("input", assertThrows(InvalidArgumentException.class, () -> plan.execute((NativeArray) null, ok)).argument());
            assertEquals("output", assertThrows(InvalidArgumentException.class, () -> plan.execute(ok, ok)).argument());
            assertEquals("output", assertThrows(InvalidArgumentException.class,
                    () -> plan.execute(both.slice(0, 32), both.slice(16, 32))).argument());
            plan.execute(both.slice(0, 32), both.slice(32, 32));
            NativeArray closed = NativeArray.allocate(DType.F64, 32);
            closed.close();
            assertEquals("input", assertThrows(InvalidArgumentException.class, () -> plan.execute(closed, other)).argument());
            plan.close();
            assertThrows(PlanClosedException.class, () -> plan.execute(ok, other));
        }
    }

    @Test
    void theCopyingPathOfJTransformsGivesItsHeapResultsBitForBit() {
        JTransformsProvider jt = new JTransformsProvider();
        for (FftSpec spec : FftwProviderTest.specs()) {
            double[] logical = FftwProviderTest.logical(spec);
            boolean cin = spec.kind() != FftKind.R2C;
            long inLength = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
            double[] in = FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(), spec.inputOffset(),
                    cin ? 2 : 1, inLength);
            try (FftPlan plan = jt.plan(spec, 1)) {
                assertArrayEquals(heapRaw(plan, spec, in), runRaw(plan, spec, in), spec.toString());
            }
        }
    }

    /** {@link #runRaw} on heap arrays. */
    private static double[] heapRaw(FftPlan plan, FftSpec spec, double[] in) {
        if (spec.precision() == DType.F32) {
            float[] a = FftTesting.narrow(in);
            float[] b = a;
            if (!spec.inPlace()) {
                b = new float[(int) spec.outputSlots()];
                java.util.Arrays.fill(b, (float) SENTINEL);
            }
            plan.execute(a, b);
            return FftTesting.widen(b);
        }
        double[] a = in.clone();
        double[] b = a;
        if (!spec.inPlace()) {
            b = new double[(int) spec.outputSlots()];
            java.util.Arrays.fill(b, SENTINEL);
        }
        plan.execute(a, b);
        return b;
    }

    /** The whole output array (holes included) after {@code plan} ran on native copies, the output prefilled as above. */
    private static double[] runRaw(FftPlan plan, FftSpec spec, double[] in) {
        boolean single = spec.precision() == DType.F32;
        try (NativeArray a = NativeArray.allocate(spec.precision(), in.length);
                NativeArray b = spec.inPlace() ? null : NativeArray.allocate(spec.precision(), spec.outputSlots())) {
            put(a, in, single);
            if (b != null) {
                double[] fill = new double[(int) b.slots()];
                java.util.Arrays.fill(fill, SENTINEL);
                put(b, fill, single);
            }
            plan.execute(a, b == null ? a : b);
            return get(b == null ? a : b, single);
        }
    }
}
