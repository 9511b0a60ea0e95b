package org.fusemath.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A DeviceTensor is a checked, immutable view: the shape fits the buffer, the dtype is the buffer's, addresses carry the offset. */
class DeviceTensorTest {
    /** A buffer that is only numbers (no device behind it). */
    record FakeBuffer(int deviceId, DType dtype, long elementCount, long address) implements DeviceBuffer {
        @Override
        public void close() {
        }
    }

    @Test
    void aViewCarriesShapeOrderOffsetAndTheAddressOfItsFirstElement() {
        FakeBuffer b = new FakeBuffer(1, DType.C128, 30, 0x10000);
        DeviceTensor t = DeviceTensor.of(b, new long[] {2, 3, 4}, true, 6);
        assertEquals(DType.C128, t.dtype());
        assertEquals(1, t.deviceId());
        assertArrayEquals(new long[] {2, 3, 4}, t.shape());
        assertEquals(3, t.rank());
        assertEquals(3, t.dim(1));
        assertTrue(t.isFortranOrder());
        assertEquals(24, t.elementCount());
        assertEquals(24 * 16, t.byteSize());
        assertEquals(0x10000 + 6 * 16, t.address());
        assertEquals("DeviceTensor[C128 [2, 3, 4] F device 1 offset 6]", t.toString());
        long[] shape = {5};
        DeviceTensor v = DeviceTensor.of(b, shape);
        shape[0] = 99;
        assertArrayEquals(new long[] {5}, v.shape(), "the shape is copied in");
        v.shape()[0] = 7;
        assertEquals(5, v.dim(0), "and out");
        assertArrayEquals(new long[] {6, 4}, t.reshape(6, 4).shape());
        assertEquals(t.address(), t.reshape(24).address());
    }

    @Test
    void badViewsAreRejectedByName() {
        FakeBuffer b = new FakeBuffer(0, DType.F64, 12, 0x2000);
        assertEquals("buffer", assertThrows(InvalidArgumentException.class,
                () -> DeviceTensor.of(b, new long[] {4, 4})).argument());
        assertEquals("buffer", assertThrows(InvalidArgumentException.class,
                () -> DeviceTensor.of(b, new long[] {3, 4}, false, 1)).argument());
        assertEquals("offset", assertThrows(InvalidArgumentException.class,
                () -> DeviceTensor.of(b, new long[] {2}, false, -1)).argument());
        assertEquals("shape[1]", assertThrows(InvalidArgumentException.class,
                () -> DeviceTensor.of(b, new long[] {2, -1})).argument());
        assertEquals("buffer", assertThrows(InvalidArgumentException.class,
                () -> DeviceTensor.of(DType.F32, new long[] {2}, false, b)).argument());
        assertEquals("shape", assertThrows(ShapeMismatchException.class,
                () -> DeviceTensor.of(b, 3, 4).reshape(5, 2)).argument());
        assertEquals("axis", assertThrows(InvalidArgumentException.class, () -> DeviceTensor.of(b, 3, 4).dim(2)).argument());
        DeviceTensor other = DeviceTensor.of(new FakeBuffer(1, DType.F64, 12, 0x2000), 12);
        assertEquals("out", assertThrows(InvalidArgumentException.class,
                () -> DeviceTensor.of(b, 12).requireSameDevice("out", other)).argument());
        assertEquals(12, DeviceTensor.of(DType.F64, new long[] {3, 4}, false, b).elementCount());
        assertEquals(0, DeviceTensor.of(b, new long[] {0, 5}, false, 12).elementCount(), "an empty view at the end fits");
    }
}
