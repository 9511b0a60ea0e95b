package org.fusemath.random.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.junit.jupiter.api.Test;

/**
 * The device provider's plans, executed on the CPU through the same {@link CurandApi} contract the GPU
 * path uses: the call sequence, sizes, repositioning only when needed, and the values they produce.
 */
class CurandPlanTest {

    @Test
    void planDescribesTheCuRandCalls() {
        CurandCall call = new CurandCall(RngType.XORWOW, 1234, 1000, true, Distribution.normalDouble(0, 2), 64);
        assertEquals(101, call.rngType());
        assertEquals(512, call.outputBytes());
        assertEquals("curandGenerateNormalDouble", call.function());
        assertTrue(call.describe().startsWith("curandSetPseudoRandomGeneratorSeed(1234), curandSetGeneratorOffset(1000)"),
                call.describe());
        InvalidArgumentException odd = assertThrows(InvalidArgumentException.class,
                () -> new CurandCall(RngType.PHILOX4_32_10, 1, 0, true, Distribution.normalFloat(0f, 1f), 63));
        assertTrue(odd.getMessage().contains("CURAND_STATUS_LENGTH_NOT_MULTIPLE"), odd.getMessage());
    }

    @Test
    void firstCallRepositionsLaterCallsContinue() {
        CpuCurand cpu = new CpuCurand();
        try (CurandDeviceGenerator g = new CurandDeviceGenerator(RngType.PHILOX4_32_10, cpu, cpu)) {
            g.position(1234, 1000);
            float[] first = new float[64];
            g.fillHost(Distribution.uniformFloat(), first, 0, 64);
            double[] second = new double[10];
            g.fillHost(Distribution.normalDouble(0, 1), second, 0, 10);
            assertEquals(List.of("create PHILOX4_32_10", "stream 5ea", "malloc 256", "seed 1234", "offset 1000", "ordering 101",
                    "generate uniform_float 64", "free", "malloc 80", "generate normal_double 10", "free"), cpu.calls);
            Generator host = Generator.create(RngType.PHILOX4_32_10, 1234).setOffset(1000);
            float[] expectedFirst = new float[64];
            host.generateUniform(expectedFirst);
            double[] expectedSecond = new double[10];
            host.generateNormalDouble(expectedSecond, 0, 1);
            assertArrayEquals(expectedFirst, first);
            assertArrayEquals(expectedSecond, second);
        }
        assertEquals(0, cpu.liveAllocations(), "every allocation freed");
        assertEquals(0, cpu.liveGenerators(), "generator destroyed on close");
        assertTrue(cpu.closed(), "the stream calls released on close");
    }

    @Test
    void integersLandAtTheRequestedPositionAndMemoryIsFreedOnFailure() {
        CpuCurand cpu = new CpuCurand();
        CurandDeviceGenerator g = new CurandDeviceGenerator(RngType.MRG32K3A, cpu, cpu);
        g.position(7, 3);
        int[] out = new int[20];
        g.fillHost(Distribution.uint32(), out, 5, 10);
        int[] expected = new int[10];
        Generator.create(RngType.MRG32K3A, 7).setOffset(3).generate(expected);
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], out[5 + i]);
        }
        assertEquals(0, out[4]);
        assertEquals(0, out[15]);
        assertThrows(InvalidArgumentException.class, () -> g.fillHost(Distribution.normalFloat(0f, 1f), new float[3], 0, 3));
        assertEquals(0, cpu.liveAllocations(), "no allocation left behind");
        g.close();
        g.close();
        assertEquals(1, cpu.calls.stream().filter("destroy"::equals).count(), "destroyed exactly once");
    }

    @Test
    void everyKindWithItsParametersEqualsTheHost() {
        Distribution[] kinds = {Distribution.uint32(), Distribution.uniformFloat(), Distribution.uniformDouble(),
            Distribution.normalFloat(1.5f, 0.25f), Distribution.normalDouble(-2, 3), Distribution.logNormalFloat(0.5f, 0.75f),
            Distribution.logNormalDouble(0.25, 1.5), Distribution.poisson(7.5)};
        for (Distribution d : kinds) {
            CpuCurand cpu = new CpuCurand();
            try (CurandDeviceGenerator g = new CurandDeviceGenerator(RngType.XORWOW, cpu, cpu)) {
                g.position(99, 5);
                Generator host = Generator.create(RngType.XORWOW, 99).setOffset(5);
                switch (d.kind().elementType()) {
                    case INT -> {
                        int[] got = new int[16];
                        int[] want = new int[16];
                        g.fillHost(d, got, 0, 16);
                        host.fill(d, want, 0, 16);
                        assertArrayEquals(want, got, d.toString());
                    }
                    case FLOAT -> {
                        float[] got = new float[16];
                        float[] want = new float[16];
                        g.fillHost(d, got, 0, 16);
                        host.fill(d, want, 0, 16);
                        assertArrayEquals(want, got, d.toString());
                    }
                    default -> {
                        double[] got = new double[16];
                        double[] want = new double[16];
                        g.fillHost(d, got, 0, 16);
                        host.fill(d, want, 0, 16);
                        assertArrayEquals(want, got, d.toString());
                    }
                }
            }
        }
    }

    @Test
    void aDeviceBufferIsFilledOnTheStreamAndWaitedFor() {
        CpuCurand cpu = new CpuCurand();
        long at = cpu.allocate(64);
        DeviceBuffer buffer = new DeviceBuffer() {
            @Override
            public int deviceId() {
                return 0;
            }

            @Override
            public DType dtype() {
                return DType.F64;
            }

            @Override
            public long elementCount() {
                return 8;
            }

            @Override
            public long address() {
                return at;
            }

            @Override
            public void close() {
            }
        };
        try (CurandDeviceGenerator g = new CurandDeviceGenerator(RngType.MRG32K3A, cpu, cpu)) {
            g.position(3, 0);
            g.fillDevice(Distribution.normalDouble(1, 2), buffer);
            double[] got = new double[8];
            cpu.copyToHost(at, got, 0, 8);
            double[] want = new double[8];
            Generator.create(RngType.MRG32K3A, 3).generateNormalDouble(want, 1, 2);
            assertArrayEquals(want, got);
        }
        assertEquals(List.of("malloc 64", "create MRG32K3A", "stream 5ea", "seed 3", "offset 0", "ordering 101",
                "generate normal_double 8", "synchronize", "destroy", "close stream calls"), cpu.calls);
    }
}
