package org.fusemath.random.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.FuseContext;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.fusemath.api.spi.HostParts;

/** An absurd {@link FuseContext#threads()} splits a fill into no more parts than the fill has work for. */
class ThreadCountCapTest {
    private static final int COUNT = 1 << 20;

    @Test
    void partsAreBoundedByTheWork() {
        assertEquals(1, HostGenerator.parts(HostGenerator.PARALLEL_THRESHOLD - 1, 64));
        assertEquals(3, HostGenerator.parts(COUNT, 3));
        assertEquals(COUNT / HostGenerator.MIN_PART, HostGenerator.parts(COUNT, 1_000_000));
        assertEquals(Integer.MAX_VALUE / HostGenerator.MIN_PART, HostGenerator.parts(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /**
     * A million threads through the public API: the pool gets at most two splits' worth of parts (thread-state set-up
     * and drawing, each at most COUNT / MIN_PART parts), and the values equal a one-thread fill.
     */
    @ParameterizedTest
    @EnumSource(RngType.class)
    void aMillionThreadsSubmitsABoundedNumberOfParts(RngType type) {
        float[] expected = new float[COUNT];
        Generator.create(type, 7, FuseContext.builder().threads(1).build()).generateNormal(expected, 0f, 1f);
        float[] got = new float[COUNT];
        long before = HostParts.submitted();
        Generator.create(type, 7, FuseContext.builder().threads(1_000_000).build()).generateNormal(got, 0f, 1f);
        long submitted = HostParts.submitted() - before;
        int maxParts = COUNT / HostGenerator.MIN_PART;
        assertTrue(submitted > 0, "the fill ran in parallel");
        assertTrue(submitted <= 2L * (maxParts - 1), submitted + " parts submitted");
        assertArrayEquals(expected, got);
    }
}
