package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** {@link NativeArray}: 64-byte-aligned zeroed allocations, views sharing memory, checked copies, closing. */
class NativeArrayTest {
    @Test
    void allocationsAre64ByteAlignedZeroedAndOfTheComponentPrecision() {
        for (int i = 0; i < 20; i++) {
            try (NativeArray a = NativeArray.allocate(DType.C128, 3 + i)) {
                assertEquals(0, a.address() % 64);
                assertEquals(64, a.alignment());
                assertEquals(DType.F64, a.precision());
                assertArrayEquals(new double[3 + i], a.toDoubleArray());
            }
        }
        try (NativeArray f = NativeArray.allocate(DType.C64, 5)) {
            assertEquals(DType.F32, f.precision());
            assertArrayEquals(new float[5], f.toFloatArray());
        }
        assertEquals("slots", assertThrows(InvalidArgumentException.class, () -> NativeArray.allocate(DType.F64, 0)).argument());
    }

    @Test
    void slicesShareMemoryAndReportTheirAlignment() {
        try (NativeArray a = NativeArray.allocate(DType.F64, 16)) {
            NativeArray s = a.slice(3, 5);
            assertEquals(a.address() + 24, s.address());
            assertEquals(8, s.alignment());
            assertEquals(16, a.slice(2, 4).alignment());
            assertEquals(32, a.slice(4, 4).alignment());
            s.put(1, new double[] {7, 8, 9}, 1, 2);
            double[] all = a.toDoubleArray();
            assertEquals(8, all[4]);
            assertEquals(9, all[5]);
            assertEquals(0, all[6]);
            s.close(); // a view's close frees nothing
            assertTrue(a.isOpen());
            NativeArray t = a.slice(8, 8);
            t.copyFrom(0, a, 3, 4);
            assertArrayEquals(new double[] {0, 8, 9, 0, 0, 0, 0, 0}, t.toDoubleArray());
            assertEquals("from", assertThrows(InvalidArgumentException.class, () -> a.slice(12, 5)).argument());
        }
    }

    @Test
    void copiesAreCheckedAndAClosedArrayThrows() {
        NativeArray a = NativeArray.allocate(DType.F32, 8);
        NativeArray view = a.slice(4, 4);
        assertEquals("at", assertThrows(InvalidArgumentException.class, () -> a.put(7, new float[2], 0, 2)).argument());
        assertEquals("from", assertThrows(InvalidArgumentException.class, () -> a.put(0, new float[2], 1, 2)).argument());
        assertEquals("src", assertThrows(InvalidArgumentException.class, () -> a.put(0, new double[2], 0, 2)).argument());
        assertEquals("dst", assertThrows(InvalidArgumentException.class, () -> a.get(0, (float[]) null, 0, 2)).argument());
        assertEquals("count", assertThrows(InvalidArgumentException.class, () -> a.get(0, new float[2], 0, -1)).argument());
        try (NativeArray d = NativeArray.allocate(DType.F64, 8)) {
            assertEquals("src", assertThrows(InvalidArgumentException.class, () -> a.copyFrom(0, d, 0, 1)).argument());
        }
        a.close();
        a.close();
        assertFalse(a.isOpen());
        assertFalse(view.isOpen());
        assertThrows(IllegalStateException.class, () -> a.toFloatArray());
        assertThrows(IllegalStateException.class, view::address);
    }
}
