package org.fusemath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Device operands run where they live: null and AUTO contexts follow them, HOST and other ordinals are refused by name. */
class DevicePlacementTest {
    @Test
    void theContextFollowsTheOperandsDevice() {
        assertEquals(Execution.device(2), DevicePlacement.contextFor(null, "a", 2).execution());
        FuseContext auto = FuseContext.builder().execution(Execution.AUTO).threads(3).build();
        FuseContext resolved = DevicePlacement.contextFor(auto, "a", 1);
        assertEquals(Execution.device(1), resolved.execution());
        assertEquals(3, resolved.threads());
        assertSame(auto.logger(), resolved.logger());
        FuseContext one = FuseContext.builder().execution(Execution.device(1)).build();
        assertSame(one, DevicePlacement.contextFor(one, "a", 1));
        assertEquals("x", assertThrows(InvalidArgumentException.class, () -> DevicePlacement.contextFor(one, "x", 0))
                .argument());
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> DevicePlacement.contextFor(FuseContext.defaults(), "a", 0)).argument());
    }
}
