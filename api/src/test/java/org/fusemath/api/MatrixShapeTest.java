package org.fusemath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixShapeTest {
    @Test
    void requiredElementsCoverLastElementOfLastBatch() {
        MatrixShape s = new MatrixShape(3, 4, 5, Layout.ROW_MAJOR, 7, 40, 2);
        // last element (2, 3, 4) sits at 2 + 2*40 + 3*7 + 4 = 107
        assertEquals(107, s.indexOf(2, 3, 4));
        assertEquals(108, s.requiredElements());
        MatrixShape c = new MatrixShape(1, 4, 5, Layout.COLUMN_MAJOR, 6, 0, 0);
        assertEquals(4 * 6 + 4, c.requiredElements());
    }

    @Test
    void emptyShapesNeedOnlyTheirOffset() {
        assertEquals(0, MatrixShape.rowMajor(0, 5).requiredElements());
        assertEquals(3, MatrixShape.rowMajor(4, 0).withOffset(3).requiredElements());
        assertTrue(MatrixShape.rowMajor(2, 2).batched(0).isEmpty());
    }

    @Test
    void leadingDimensionBelowRowLengthIsRejectedByName() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new MatrixShape(1, 4, 5, Layout.ROW_MAJOR, 4, 0, 0));
        assertEquals("ld", e.argument());
        assertTrue(e.getMessage().contains("ld = 4"), e.getMessage());
        assertTrue(e.getMessage().contains(">= 5"), e.getMessage());
    }

    @Test
    void negativeSizesAndOverflowAreRejected() {
        assertEquals("rows", assertThrows(InvalidArgumentException.class,
                () -> MatrixShape.rowMajor(-1, 3)).argument());
        assertThrows(InvalidArgumentException.class,
                () -> MatrixShape.rowMajor(Long.MAX_VALUE / 2, 4));
    }

    @Test
    void transposedViewAddressesTheSameElements() {
        MatrixShape s = new MatrixShape(1, 3, 4, Layout.ROW_MAJOR, 6, 0, 1);
        MatrixShape t = s.transposedView();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(s.indexOf(0, i, j), t.indexOf(0, j, i));
            }
        }
    }

    @Test
    void hostMatrixRejectsShortArraysAndWrongArrayTypes() {
        assertThrows(InvalidArgumentException.class, () -> HostMatrix.of(new double[11], 3, 4));
        assertThrows(InvalidArgumentException.class,
                () -> HostMatrix.of(DType.F32, new double[12], MatrixShape.rowMajor(3, 4)));
        assertThrows(InvalidArgumentException.class, () -> HostMatrix.complex(new double[23], 3, 4));
        assertEquals(DType.C128, HostMatrix.complex(new double[24], 3, 4).dtype());
    }

    @Test
    void batchesBroadcastAsNumPyStacksDo() {
        assertEquals(0, MatrixShape.broadcastBatch("a", 0, "b", 1));
        assertEquals(0, MatrixShape.broadcastBatch("a", 1, "b", 0));
        assertEquals(0, MatrixShape.broadcastBatch("a", 0, "b", 0));
        assertEquals(4, MatrixShape.broadcastBatch("a", 1, "b", 4));
        assertEquals(4, MatrixShape.broadcastBatch("a", 4, "b", 4));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> MatrixShape.broadcastBatch("a", 0, "b", 2));
        assertEquals("b", e.argument());
        assertEquals("b", assertThrows(ShapeMismatchException.class,
                () -> MatrixShape.broadcastBatch("a", 3, "b", 2)).argument());
    }
}
