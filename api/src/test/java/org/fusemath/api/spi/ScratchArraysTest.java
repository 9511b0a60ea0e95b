package org.fusemath.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/**
 * Scratch arrays: a slot's array is reused while it is large enough and replaced by a larger one when it is not;
 * slots and element types never share an array; a negative slot count is refused by name.
 */
class ScratchArraysTest {
    @Test
    void aSlotKeepsItsArrayUntilALargerOneIsAskedFor() {
        ScratchArrays s = new ScratchArrays(2);
        double[] d = s.doubles(0, 10);
        assertTrue(d.length >= 10);
        assertSame(d, s.doubles(0, 4), "large enough: the same array");
        double[] larger = s.doubles(0, 11);
        assertNotSame(d, larger);
        assertEquals(11, larger.length);
        assertSame(larger, s.doubles(0, 11));
        assertNotSame(larger, s.doubles(1, 11), "each slot has its own array");
        float[] f = s.floats(0, 3);
        assertSame(f, s.floats(0, 3));
        assertNotSame(f, s.floats(1, 3));
        int[] i = s.ints(1, 5);
        assertEquals(5, i.length);
        assertSame(i, s.ints(1, 2));
        assertSame(larger, s.doubles(0, 1), "other types and slots leave a slot's array alone");
    }

    @Test
    void aNegativeSlotCountIsRefusedByName() {
        assertEquals("slots", assertThrows(InvalidArgumentException.class, () -> new ScratchArrays(-1)).argument());
    }

    @Test
    void aSlotOutsideTheCountAndANegativeLengthAreRefusedByName() {
        ScratchArrays s = new ScratchArrays(2);
        assertEquals("slot", assertThrows(InvalidArgumentException.class, () -> s.doubles(2, 1)).argument());
        assertEquals("slot", assertThrows(InvalidArgumentException.class, () -> s.ints(-1, 1)).argument());
        assertEquals("length", assertThrows(InvalidArgumentException.class, () -> s.floats(0, -1)).argument());
    }
}
