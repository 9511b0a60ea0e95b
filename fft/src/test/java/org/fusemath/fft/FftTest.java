package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.fft.spi.FftPlan;
import org.junit.jupiter.api.Test;

class FftTest {
    private static HostTensor c128(long[] shape, long seed) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return HostTensor.of(DType.C128, shape, FftTesting.random(new SplittableRandom(seed), (int) (2 * n)));
    }

    @Test
    void planOnceExecuteBothDirectionsManyTimesAndResetOperands() {
        HostTensor a = c128(new long[] {4, 10}, 1);
        HostTensor b = c128(new long[] {4, 10}, 2);
        try (Fft fft = Fft.create(a, new int[] {-1}, FftOptions.defaults())) {
            HostTensor fa = fft.execute(FftDirection.FORWARD);
            assertArrayEquals((double[]) FftOps.fft(a).array(), (double[]) fa.array(), 0.0, "same plan as the function form");
            fft.resetOperands(fa);
            HostTensor back = fft.execute(FftDirection.INVERSE);
            assertArrayEquals((double[]) a.array(), (double[]) back.array(), 1e-14);
            fft.resetOperands(b);
            assertArrayEquals((double[]) FftOps.fft(b).array(), (double[]) fft.execute(FftDirection.FORWARD).array(), 0.0);
            assertEquals("operand", assertThrows(ShapeMismatchException.class,
                    () -> fft.resetOperands(c128(new long[] {10, 4}, 3))).argument());
            assertEquals("operand", assertThrows(InvalidArgumentException.class,
                    () -> fft.resetOperands(HostTensor.zeros(DType.C64, 4, 10))).argument());
        }
    }

    @Test
    void inPlaceC2cOverwritesTheOperandAndR2cC2rTakeOneDirectionEach() {
        HostTensor a = c128(new long[] {6}, 4);
        double[] expected = (double[]) FftOps.fft(a).array();
        try (Fft fft = Fft.create(a, FftOptions.defaults().withInPlace(true))) {
            assertSame(a, fft.execute(FftDirection.FORWARD));
            assertArrayEquals(expected, (double[]) a.array(), 0.0);
        }
        HostTensor real = HostTensor.of(DType.F64, new long[] {9}, FftTesting.random(new SplittableRandom(5), 9));
        try (Fft r2c = Fft.create(real, FftOptions.defaults())) {
            assertEquals(FftKind.R2C, r2c.kind());
            HostTensor half = r2c.execute(FftDirection.FORWARD);
            assertEquals("direction", assertThrows(InvalidArgumentException.class,
                    () -> r2c.execute(FftDirection.INVERSE)).argument());
            try (Fft c2r = Fft.create(half, FftOptions.defaults().withFftType(FftKind.C2R)
                    .withLastAxisParity(FftOptions.Parity.ODD))) {
                assertArrayEquals((double[]) real.array(), (double[]) c2r.execute(FftDirection.INVERSE).array(), 1e-14);
            }
        }
    }

    @Test
    void aClosedFftAndAClosedPlanThrowPlanClosed() {
        Fft fft = Fft.create(c128(new long[] {8}, 6), FftOptions.defaults());
        fft.close();
        fft.close();
        assertThrows(PlanClosedException.class, () -> fft.execute(FftDirection.FORWARD));
        assertThrows(PlanClosedException.class, () -> fft.resetOperands(c128(new long[] {8}, 6)));
        FftSpec spec = FftSpec.builder(FftKind.C2C, DType.F64, 8).build();
        FftPlan plan = Fft.plan(spec, FftOptions.defaults());
        plan.close();
        assertThrows(PlanClosedException.class, () -> plan.execute(new double[16], new double[16]));
    }

    @Test
    void aPlanRejectsShortBuffersWrongPrecisionAndAliasingByName() {
        FftSpec spec = FftSpec.builder(FftKind.R2C, DType.F64, 3, 8).build();
        try (FftPlan plan = Fft.plan(spec, FftOptions.defaults())) {
            assertEquals("input", assertThrows(InvalidArgumentException.class,
                    () -> plan.execute(new double[23], new double[30])).argument());
            assertEquals("output", assertThrows(InvalidArgumentException.class,
                    () -> plan.execute(new double[24], new double[29])).argument());
            assertEquals("input", assertThrows(InvalidArgumentException.class,
                    () -> plan.execute(new float[24], new float[30])).argument());
            double[] same = new double[30];
            assertEquals("output", assertThrows(InvalidArgumentException.class, () -> plan.execute(same, same)).argument());
            assertEquals("input", assertThrows(InvalidArgumentException.class,
                    () -> plan.execute((double[]) null, new double[30])).argument());
        }
        assertEquals("provider", assertThrows(InvalidArgumentException.class,
                () -> Fft.plan(spec, FftOptions.defaults().withProvider("nosuch"))).argument());
    }
}
