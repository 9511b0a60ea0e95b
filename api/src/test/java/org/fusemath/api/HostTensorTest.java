package org.fusemath.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostTensorTest {
    @Test
    void fortranOrderIsReorderedToCOrder() {
        // 2x3 matrix [[1,2,3],[4,5,6]] stored column by column
        HostTensor f = HostTensor.of(DType.F64, new long[] {2, 3}, true, new double[] {1, 4, 2, 5, 3, 6});
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, (double[]) f.toCOrder().array());
    }

    @Test
    void fortranOrderRank3ComplexKeepsPairsTogether() {
        long[] shape = {2, 2, 2};
        float[] c = new float[16];
        float[] fo = new float[16];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    int ci = (i * 2 + j) * 2 + k;
                    int fi = (k * 2 + j) * 2 + i;
                    c[2 * ci] = ci;
                    c[2 * ci + 1] = -ci;
                    fo[2 * fi] = ci;
                    fo[2 * fi + 1] = -ci;
                }
            }
        }
        HostTensor t = HostTensor.of(DType.C64, shape, true, fo).toCOrder();
        assertArrayEquals(c, (float[]) t.array());
    }

    @Test
    void theArrayMustBeTheTypesBackingArray() {
        for (DType t : DType.values()) {
            Object wrong = t.isSinglePrecision() ? new double[8] : new float[8];
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> HostTensor.of(t, new long[] {8 / t.slotsPerElement()}, wrong));
            assertEquals("data", e.argument(), t.toString());
            assertEquals("data", assertThrows(InvalidArgumentException.class,
                    () -> HostMatrix.of(t, wrong, MatrixShape.rowMajor(1, 1))).argument());
            assertEquals(8, t.arrayLength("data", t.isSinglePrecision() ? new float[8] : new double[8]));
        }
        assertThrows(InvalidArgumentException.class, () -> HostMatrix.of(DType.F64, new int[4], MatrixShape.rowMajor(1, 1)));
    }

    @Test
    void lengthMustMatchShapeExactly() {
        assertThrows(InvalidArgumentException.class, () -> HostTensor.of(DType.C128, new long[] {3}, new double[3]));
        assertEquals(6, HostTensor.of(DType.C128, new long[] {3}, new double[6]).elementCount() * 2);
    }

    @Test
    void threeDimensionalTensorIsABatchOfMatrices() {
        HostMatrix m = HostTensor.zeros(DType.F32, 5, 3, 4).asMatrix();
        assertEquals(5, m.shape().batch());
        assertEquals(12, m.shape().batchStride());
    }

    @Test
    void aBadAxisIsRejectedByNameWithTheRank() {
        HostTensor t = HostTensor.zeros(DType.F64, 2, 3);
        assertEquals(3, t.dim(1));
        for (int axis : new int[] {-1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> t.dim(axis));
            assertEquals("axis", e.argument());
            assertTrue(e.getMessage().contains(String.valueOf(axis)) && e.getMessage().contains("rank 2"), e.getMessage());
        }
        assertThrows(InvalidArgumentException.class, () -> HostTensor.zeros(DType.F32).dim(0), "a scalar has no axes");
    }

    @Test
    void emptyStacksAndEmptyExtentsPastIntRangeAreMatrices() {
        HostMatrix none = HostTensor.zeros(DType.F64, 0, 2, 3).asMatrix();
        assertEquals(0, none.shape().batch());
        assertEquals(2, none.shape().rows());
        HostMatrix wide = HostTensor.zeros(DType.C64, 0, 3_000_000_000L).asMatrix();
        assertEquals(3_000_000_000L, wide.shape().cols());
        assertEquals(0, ((float[]) wide.array()).length);
    }
}
