package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class FftSpecTest {
    @Test
    void r2cOverTheLastTwoAxesOfA3dArrayInGuruAndPlanManyTerms() {
        FftSpec s = FftSpec.builder(FftKind.R2C, DType.F64, 4, 6, 10).axes(1, 2).build();
        assertArrayEquals(new long[] {4, 6, 6}, s.outputShape());
        assertEquals(DType.F64, s.inputType());
        assertEquals(DType.C128, s.outputType());
        assertEquals(List.of(new FftDim(6, 10, 6), new FftDim(10, 1, 1)), s.transformDims());
        assertEquals(List.of(new FftDim(4, 60, 36)), s.batchDims());
        assertEquals(240, s.inputSlots());
        assertEquals(2 * 144, s.outputSlots());
        PlanManyLayout p = s.planMany().orElseThrow();
        assertArrayEquals(new long[] {6, 10}, p.n());
        assertArrayEquals(new long[] {6, 10}, p.inembed());
        assertArrayEquals(new long[] {6, 6}, p.onembed());
        assertEquals(1, p.istride());
        assertEquals(60, p.idist());
        assertEquals(36, p.odist());
        assertEquals(4, p.batch());
        assertEquals(1.0, s.scale());
    }

    @Test
    void c2rTakesAnExplicitOddOrEvenLengthAndRejectsOnesThatDoNotFit() {
        FftSpec odd = FftSpec.builder(FftKind.C2R, DType.F32, 3, 5).outputLength(9).build();
        assertArrayEquals(new long[] {3, 9}, odd.outputShape());
        assertEquals(FftDirection.INVERSE, odd.direction());
        assertEquals(1.0 / 27, odd.scale(), 1e-15);
        assertArrayEquals(new long[] {3, 8}, FftSpec.builder(FftKind.C2R, DType.F32, 3, 5).build().outputShape());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2R, DType.F32, 3, 5).outputLength(7).build());
        assertEquals("outputLength", e.argument());
        assertTrue(e.getMessage().contains("8 or 9"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> FftSpec.builder(FftKind.C2R, DType.F32, 1).build());
    }

    @Test
    void axesAreCheckedAndNegativeOnesCountFromTheEnd() {
        assertArrayEquals(new int[] {1, 0}, FftSpec.builder(FftKind.C2C, DType.F64, 2, 3).axes(-1, 0).build().axes());
        assertEquals("axes", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.F64, 2, 3).axes(1, -1).build()).argument());
        assertEquals("axes[0]", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.F64, 2, 3).axes(2).build()).argument());
        assertEquals("axes", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.F64, 2, 3).axes().build()).argument());
        assertEquals("shape[1]", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.F64, 2, 0).build()).argument());
        assertEquals("precision", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.C128, 2).build()).argument());
        assertEquals("direction", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.R2C, DType.F64, 2).direction(FftDirection.INVERSE).build()).argument());
    }

    @Test
    void inPlaceR2cDefaultsToFftwsPaddedLayout() {
        FftSpec s = FftSpec.builder(FftKind.R2C, DType.F64, 3, 8).inPlace(true).build();
        assertArrayEquals(new long[] {10, 1}, s.inputStrides());
        assertArrayEquals(new long[] {5, 1}, s.outputStrides());
        assertEquals(30, s.inPlaceSlots());
        assertEquals("inPlace", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.R2C, DType.F64, 8, 3).axes(0).inPlace(true).build()).argument());
    }

    @Test
    void overlappingOutputsAndNegativeAddressesAreRejected() {
        assertEquals("outputStrides", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.F64, 4, 4).axes(1).outputStrides(2, 1).build()).argument());
        assertEquals("inputStrides", assertThrows(InvalidArgumentException.class,
                () -> FftSpec.builder(FftKind.C2C, DType.F64, 4).inputStrides(-1).build()).argument());
        FftSpec reversed = FftSpec.builder(FftKind.C2C, DType.F64, 4).inputStrides(-1).inputOffset(3).build();
        assertTrue(reversed.planMany().isEmpty(), "negative strides have no PlanMany form");
        assertEquals(8, reversed.inputSlots());
    }

    @Test
    void aTransposedC2cLayoutIsSortedIntoPlanManyOrder() {
        // Axes given fastest first; PlanMany wants the slowest first.
        FftSpec s = FftSpec.builder(FftKind.C2C, DType.F64, 8, 16).axes(1, 0).build();
        PlanManyLayout p = s.planMany().orElseThrow();
        assertArrayEquals(new int[] {0, 1}, p.axes());
        assertArrayEquals(new long[] {8, 16}, p.n());
        assertEquals(1, p.batch());
        assertEquals(s, FftSpec.builder(FftKind.C2C, DType.F64, 8, 16).axes(1, 0).build());
        assertEquals(s.hashCode(), FftSpec.builder(FftKind.C2C, DType.F64, 8, 16).axes(1, 0).build().hashCode());
    }
}
