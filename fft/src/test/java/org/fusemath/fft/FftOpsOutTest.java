package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** NumPy's {@code out=} on the function forms, and the context overloads on the host. */
class FftOpsOutTest {
    private static final SplittableRandom RNG = new SplittableRandom(11);

    private static HostTensor c128(long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return HostTensor.of(DType.C128, shape, FftTesting.random(RNG, (int) (2 * n)));
    }

    @Test
    void outReceivesExactlyTheFreshResultForEveryKind() {
        HostTensor x = c128(4, 6);
        HostTensor r = HostTensor.of(DType.F64, new long[] {4, 6}, FftTesting.random(RNG, 24));
        HostTensor out = HostTensor.zeros(DType.C128, 4, 6);
        assertSame(out, FftOps.fft(x, null, -1, null, out));
        assertArrayEquals((double[]) FftOps.fft(x).array(), (double[]) out.array(), 0.0);
        assertSame(out, FftOps.ifft2(x, null, null, FftNorm.ORTHO, out));
        assertArrayEquals((double[]) FftOps.ifft2(x, null, null, FftNorm.ORTHO).array(), (double[]) out.array(), 0.0);
        // Real input promoted, zero-padded n, out of the padded shape.
        HostTensor padded = HostTensor.zeros(DType.C128, 4, 9);
        FftOps.fft(r, 9L, 1, null, padded);
        assertArrayEquals((double[]) FftOps.fft(r, 9L, 1, null).array(), (double[]) padded.array(), 0.0);
        HostTensor half = HostTensor.zeros(DType.C128, 4, 4);
        FftOps.rfftn(r, null, null, null, half);
        assertArrayEquals((double[]) FftOps.rfftn(r).array(), (double[]) half.array(), 0.0);
        HostTensor back = HostTensor.zeros(DType.F64, 4, 6);
        FftOps.irfftn(half, new long[] {4, 6}, null, null, back);
        assertArrayEquals((double[]) r.array(), (double[]) back.array(), 1e-14);
    }

    @Test
    void outMayBeTheInputItselfWhateverItsOrder() {
        HostTensor x = c128(8);
        double[] expected = (double[]) FftOps.fft(x).array();
        assertSame(x, FftOps.fft(x, null, -1, null, x));
        assertArrayEquals(expected, (double[]) x.array(), 0.0);
        // A Fortran-order input read by an out-of-place plan while its own storage is the (C-order 1-D) result.
        double[] data = FftTesting.random(RNG, 2 * 3 * 5);
        HostTensor f = HostTensor.of(DType.C128, new long[] {3, 5}, true, data.clone());
        double[] fresh = (double[]) FftOps.fft(f, null, 0, null).array();
        HostTensor aliased = HostTensor.of(DType.C128, new long[] {3, 5}, false, f.array());
        FftOps.fft(f, null, 0, null, aliased);
        assertArrayEquals(fresh, (double[]) aliased.array(), 0.0);
    }

    @Test
    void aWrongOutIsRejectedNamingItBeforeAnythingRuns() {
        HostTensor x = c128(4, 6);
        double[] before = ((double[]) x.array()).clone();
        InvalidArgumentException type = assertThrows(InvalidArgumentException.class,
                () -> FftOps.fft(x, null, -1, null, HostTensor.zeros(DType.C64, 4, 6)));
        assertTrue(type.getMessage().contains("out") && type.getMessage().contains("C128"), type.getMessage());
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
                () -> FftOps.rfft(HostTensor.of(DType.F64, new long[] {8}, new double[8]), null, -1, null,
                        HostTensor.zeros(DType.C128, 8)));
        assertTrue(shape.getMessage().contains("[5]"), shape.getMessage());
        assertThrows(InvalidArgumentException.class, () -> FftOps.fft(x, null, -1, null,
                HostTensor.of(DType.C128, new long[] {4, 6}, true, new double[48])));
        long missesBefore = FftPlanCache.shared().misses();
        assertThrows(ShapeMismatchException.class,
                () -> FftOps.fft(c128(7, 13), null, -1, null, HostTensor.zeros(DType.C128, 7, 12)));
        assertEquals(missesBefore, FftPlanCache.shared().misses(), "a rejected out must not plan");
        assertArrayEquals(before, (double[]) x.array(), 0.0);
    }

    @Test
    void aContextSetsTheThreadsAndTheResultDoesNotDependOnThem() {
        HostTensor x = c128(64, 256);
        double[] one = (double[]) FftOps.fft(FuseContext.builder().threads(1).build(), x, null, -1, null).array();
        double[] four = (double[]) FftOps.fft(FuseContext.builder().threads(4).build(), x, null, -1, null).array();
        assertArrayEquals(one, four, 0.0);
        HostTensor out = HostTensor.zeros(DType.C128, 64, 256);
        FftOps.fft(FuseContext.builder().execution(Execution.AUTO).build(), x, null, -1, null, out);
        assertArrayEquals(one, (double[]) out.array(), 0.0);
    }
}
