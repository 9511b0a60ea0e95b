package org.fusemath.fusion.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fusemath.cuda.junit.GpuTagged;
import org.junit.jupiter.api.Test;

/** Every gpu test of this module goes through {@code @GpuTest}, so it skips with the probe's reason or fails when required. */
class GpuTestsUseTheConditionTest {
    @Test
    void noTestIsTaggedGpuDirectly() {
        assertEquals(List.of(), GpuTagged.bypassingGpuTest(GpuTestsUseTheConditionTest.class));
    }
}
