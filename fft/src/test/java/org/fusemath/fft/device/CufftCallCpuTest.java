package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.fft.FftDirection;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftNorm;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.PlanManyLayout;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/**
 * The cuFFT calls the device provider would make for a spec (the planner and execute descriptions of
 * {@link JavacppCufft}, built from {@link CufftCall#of}), executed on the CPU by {@link CpuCufft} through FFTW's
 * {@code plan_many} interface with the same rank, n, embeds, strides, distances, batch and offsets, and compared
 * with the direct DFT of the spec's logical arrays within c·ε·log2(N)·‖x‖: every kind and precision, ranks 1 to 3,
 * batches along any axis, strided and offset layouts, in place. Unsupported specs are rejected by name.
 */
class CufftCallCpuTest {
    private static final SplittableRandom RNG = new SplittableRandom(7);

    static List<FftSpec> specs() {
        return List.of(
                FftSpec.builder(FftKind.C2C, DType.F64, 16).build(),
                FftSpec.builder(FftKind.C2C, DType.F32, 6, 10).axes(0, 1).direction(FftDirection.INVERSE).build(),
                FftSpec.builder(FftKind.C2C, DType.F64, 3, 4, 5).axes(1, 2).build(),
                FftSpec.builder(FftKind.C2C, DType.F64, 3, 4, 5).axes(0, 1, 2).norm(FftNorm.ORTHO).build(),
                FftSpec.builder(FftKind.C2C, DType.F64, 8, 6).axes(0).build(),
                FftSpec.builder(FftKind.C2C, DType.F64, 5, 7).axes(1).inputStrides(16, 2).inputOffset(3)
                        .outputStrides(9, 1).outputOffset(2).build(),
                FftSpec.builder(FftKind.R2C, DType.F64, 4, 9).axes(0, 1).build(),
                FftSpec.builder(FftKind.R2C, DType.F32, 5, 12).axes(1).build(),
                FftSpec.builder(FftKind.C2R, DType.F64, 4, 5).axes(0, 1).outputLength(8).build(),
                FftSpec.builder(FftKind.C2R, DType.F64, 3, 4).axes(1).outputLength(7).build(),
                FftSpec.builder(FftKind.C2R, DType.F32, 6, 3).axes(0, 1).outputLength(5).build(),
                FftSpec.builder(FftKind.C2C, DType.F64, 8, 8).axes(0, 1).inPlace(true).build(),
                FftSpec.builder(FftKind.R2C, DType.F64, 4, 6).axes(0, 1).inPlace(true).build(),
                FftSpec.builder(FftKind.C2R, DType.F64, 2, 4).axes(1).outputLength(6).inPlace(true).build());
    }

    @Test
    void theDescribedCallsComputeTheSpecsTransform() {
        for (FftSpec spec : specs()) {
            check(spec);
        }
    }

    private static void check(FftSpec spec) {
        CufftCall call = CufftCall.of(spec, true);
        boolean cin = spec.kind() != FftKind.R2C;
        boolean cout = spec.kind() != FftKind.C2R;
        double[] logical = logicalInput(spec);
        long inLength = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
        double[] in = FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(), spec.inputOffset(), cin ? 2 : 1, inLength);
        double[] out = in;
        if (!spec.inPlace()) {
            out = new double[(int) spec.outputSlots()];
            Arrays.fill(out, Double.NaN);
        }
        NativeCall plan = JavacppCufft.describePlan(1, call, null);
        NativeCall exec = JavacppCufft.describeExecute(1, call, call.inputAt(CpuCufft.IN_BASE),
                call.outputAt(spec.inPlace() ? CpuCufft.IN_BASE : CpuCufft.OUT_BASE));
        double[] result;
        if (spec.precision() == DType.F32) {
            float[] fin = FftTesting.narrow(in);
            float[] fout = spec.inPlace() ? fin : FftTesting.narrow(out);
            CpuCufft.run(plan, exec, fin, fout);
            result = FftTesting.widen(fout);
        } else {
            CpuCufft.run(plan, exec, in, out);
            result = out;
        }
        double[] got = FftTesting.gather(result, spec.outputShape(), spec.outputStrides(), spec.outputOffset(), cout ? 2 : 1);
        for (int i = 0; i < got.length; i++) {
            got[i] *= spec.scale(); // cuFFT is unnormalized; the provider scales afterwards
        }
        double[] expected = FftReference.transform(spec, logical);
        double bound = FftTesting.bound(spec, logical);
        double error = FftTesting.distance(expected, got);
        assertTrue(error <= bound, "error " + error + " > bound " + bound + " for " + spec + " as " + call);
    }

    /** Random logical input; for C2R, the R2C of random reals (a Hermitian-consistent half spectrum). */
    private static double[] logicalInput(FftSpec spec) {
        if (spec.kind() != FftKind.C2R) {
            long count = Arrays.stream(spec.inputShape()).reduce(1, (a, b) -> a * b);
            return FftTesting.random(RNG, (int) (count * (spec.kind() == FftKind.C2C ? 2 : 1)));
        }
        FftSpec r2c = FftSpec.builder(FftKind.R2C, DType.F64, spec.outputShape()).axes(spec.axes()).build();
        long count = Arrays.stream(spec.outputShape()).reduce(1, (a, b) -> a * b);
        return FftReference.transform(r2c, FftTesting.random(RNG, (int) count));
    }

    @Test
    void theCallCarriesTheNumbersOfTheSpecsLayout() {
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 8, 6).axes(0).build();
        CufftCall call = CufftCall.of(spec, false);
        PlanManyLayout l = call.layout();
        assertEquals(List.of(1L, 8L, 6L, 1L, 6L), List.of((long) l.rank(), l.n()[0], l.istride(), l.idist(), l.batch()));
        assertEquals(CufftType.Z2Z, call.type());
        assertEquals(CufftCall.FORWARD, call.direction());
        assertFalse(call.copyInput());
        assertFalse(call.needs64());
        assertEquals("cufftMakePlanMany", call.planFunction());
        assertEquals(48, call.inputElements());
        assertTrue(CufftCall.of(FftSpec.builder(FftKind.C2R, DType.F32, 4, 5).axes(0, 1).outputLength(8).build(), false)
                .copyInput(), "cuFFT overwrites a C2R input: copied unless allowed");
        assertFalse(CufftCall.of(FftSpec.builder(FftKind.C2R, DType.F32, 4, 5).axes(0, 1).outputLength(8).build(), true)
                .copyInput());
        CufftCall wide = new CufftCall(CufftType.Z2Z, new PlanManyLayout(1, new long[] {1 << 20}, new long[] {1 << 20}, 1,
                1 << 20, new long[] {1 << 20}, 1, 1 << 20, 4096, 0, 0, new int[] {1}), -1, false);
        assertTrue(wide.needs64(), "2^32 elements need the 64-bit planner");
        assertEquals("cufftMakePlanMany64", wide.planFunction());
    }

    @Test
    void unsupportedSpecsAreRejectedByNameBeforeAnyNativeCall() {
        FftSpec fourAxes = FftSpec.builder(FftKind.C2C, DType.F64, 2, 2, 2, 2).axes(0, 1, 2, 3).build();
        assertTrue(CufftCall.unsupported(fourAxes).orElseThrow().contains("4 transformed axes"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> CufftCall.of(fourAxes, true));
        assertEquals("spec", e.argument());
        FftSpec reversed = FftSpec.builder(FftKind.C2C, DType.F64, 8).inputStrides(-1).inputOffset(7).build();
        assertTrue(CufftCall.unsupported(reversed).orElseThrow().contains("cufftPlanMany cannot express"));
        PlanManyLayout l = specs().get(0).planMany().orElseThrow();
        assertThrows(InvalidArgumentException.class, () -> new CufftCall(CufftType.D2Z, l, CufftCall.INVERSE, false),
                "R2C is forward");
        assertThrows(InvalidArgumentException.class, () -> new CufftCall(CufftType.Z2Z, l, CufftCall.FORWARD, true),
                "only C2R copies its input");
    }
}
