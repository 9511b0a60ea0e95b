package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/**
 * The staging kernel's description: which variant a call gets, its launch arguments in parameter order, the source it
 * generates, and its argument checks (the arithmetic is proven by the device-operand tests, which run its Java twin).
 */
class PadKernelTest {
    @Test
    void argumentsFollowTheParameterOrderAndUnitAxesAreLeftOut() {
        // A (1, 3, 4) C-order source padded to (1, 5, 2): axis 0 (extent 1) adds nothing to an index.
        PadKernel k = PadKernel.of(DType.C128, new long[] {1, 3, 4}, new long[] {12, 4, 1}, new long[] {1, 5, 2}, false);
        assertEquals(2, k.rank());
        assertEquals(10, k.elementCount());
        assertEquals(160, k.destinationBytes());
        assertEquals(DType.C128, k.destinationType());
        // Reads rows 0..2, columns 0..1: the last one read is element 2*4 + 1 = 9, i.e. 20 components.
        assertEquals(20, k.sourceSlots());
        assertArrayEquals(new long[] {0x100, 0x200, 10, 5, 2, 3, 2, 4, 1}, k.arguments(0x100, 0x200));
        assertEquals("fusemath_fft_pad_f64_c2c_r2_i32", k.entry());
        assertEquals(k.entry() + ".cu", k.source().name());
        assertTrue(k.source().code().contains("void " + k.entry() + "(unsigned long long dst, unsigned long long src,"
                + " long long count, long long n0, long long n1, long long m0, long long m1, long long t0, long long t1)"),
                k.source().code());
    }

    @Test
    void axesCopiedWholeFromAContiguousSourceMergeIntoTheirOuterNeighbour() {
        // C order (4, 3, 5) padded on axis 0 to (6, 3, 5): 60 values then 30 zeros, one axis.
        PadKernel c = PadKernel.of(DType.F64, new long[] {4, 3, 5}, new long[] {15, 5, 1}, new long[] {6, 3, 5}, true);
        assertArrayEquals(new long[] {1, 2, 90, 90, 60, 1}, c.arguments(1, 2));
        // Padded on the middle axis: the last merges into the middle (copied whole, contiguous), the middle (padded)
        // not into the first.
        PadKernel middle = PadKernel.of(DType.F64, new long[] {4, 3, 5}, new long[] {15, 5, 1}, new long[] {4, 7, 5}, false);
        assertArrayEquals(new long[] {1, 2, 140, 4, 35, 4, 15, 15, 1}, middle.arguments(1, 2));
        // A cropped inner axis is copied whole from the destination's view but the source is not contiguous across it.
        PadKernel cropped = PadKernel.of(DType.C64, new long[] {2, 6}, new long[] {6, 1}, new long[] {3, 4}, false);
        assertArrayEquals(new long[] {1, 2, 12, 3, 4, 2, 4, 6, 1}, cropped.arguments(1, 2));
        // Fortran order (3, 4) padded on axis 1: the source runs along axis 0, so nothing merges.
        PadKernel fortran = PadKernel.of(DType.F32, new long[] {3, 4}, new long[] {1, 3}, new long[] {3, 6}, false);
        assertEquals(2, fortran.rank());
    }

    @Test
    void variantsAreNamedByPrecisionModeRankAndIndexWidth() {
        PadKernel promote = PadKernel.of(DType.F32, new long[] {4}, new long[] {1}, new long[] {8}, true);
        assertEquals("fusemath_fft_pad_f32_r2c_r1_i32", promote.entry());
        assertEquals(DType.C64, promote.destinationType());
        assertTrue(promote.source().code().contains("d[2 * i + 1] = im;"));
        PadKernel real = PadKernel.of(DType.F64, new long[] {4}, new long[] {1}, new long[] {8}, false);
        assertEquals("fusemath_fft_pad_f64_r2r_r1_i32", real.entry());
        assertFalse(real.source().code().contains("im = ") || real.source().code().contains("d[2 * i"), real.source().code());
        assertNotEquals(promote.source().sha256(), real.source().sha256());
        // The same variant for other extents: the same source (one NVRTC compilation), other arguments.
        PadKernel other = PadKernel.of(DType.F64, new long[] {7}, new long[] {2}, new long[] {9}, false);
        assertEquals(real.source(), other.source());
        assertNotEquals(real, other);
    }

    @Test
    void sizesPast32BitIndexingTakeThe64BitVariant() {
        // Described only (nothing allocated): 2^29 complex destination elements are 2^30 components, still 32-bit.
        PadKernel narrow = PadKernel.of(DType.C64, new long[] {1L << 20, 256}, new long[] {256, 1},
                new long[] {1L << 20, 512}, false);
        assertFalse(narrow.wide());
        assertEquals(1L << 24, narrow.threads(), "a grid-stride loop covers the rest");
        PadKernel wide = PadKernel.of(DType.C64, new long[] {1L << 20, 256}, new long[] {256, 1},
                new long[] {1L << 20, 513}, false);
        assertTrue(wide.wide());
        assertTrue(wide.entry().endsWith("_i64") && wide.source().code().contains("for (long long i"));
        // A small destination read from a source spanning more than 2^30 components is 64-bit too.
        PadKernel spread = PadKernel.of(DType.F64, new long[] {2, 4}, new long[] {1L << 31, 1}, new long[] {2, 8}, false);
        assertTrue(spread.wide());
    }

    @Test
    void anEmptySourceAxisStagesZerosOnly() {
        PadKernel k = PadKernel.of(DType.F64, new long[] {0}, new long[] {1}, new long[] {1}, true);
        assertEquals(1, k.elementCount());
        assertEquals(0, k.sourceSlots());
        assertArrayEquals(new long[] {8, 16, 1, 1, 0, 0}, k.arguments(8, 16));
    }

    @Test
    void badDescriptionsAreRejectedByName() {
        long[] one = {4};
        assertEquals("sourceType", reject(() -> PadKernel.of(null, one, new long[] {1}, one, false)));
        assertEquals("promote", reject(() -> PadKernel.of(DType.C64, one, new long[] {1}, one, true)));
        assertEquals("sourceStrides", reject(() -> PadKernel.of(DType.F64, one, new long[] {1, 1}, one, false)));
        assertEquals("destinationShape", reject(() -> PadKernel.of(DType.F64, one, new long[] {1}, new long[] {4, 1}, false)));
        assertEquals("sourceStrides[0]", reject(() -> PadKernel.of(DType.F64, one, new long[] {-1}, one, false)));
        assertEquals("destinationShape[0]", reject(() -> PadKernel.of(DType.F64, one, new long[] {1}, new long[] {-2}, false)));
        assertEquals("destination elements", reject(() -> PadKernel.of(DType.F64, new long[] {1, 1},
                new long[] {1, 1}, new long[] {1L << 40, 1L << 40}, false)));
    }

    private static String reject(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(InvalidArgumentException.class, call).argument();
    }
}
