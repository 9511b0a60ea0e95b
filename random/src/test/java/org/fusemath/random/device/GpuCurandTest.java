package org.fusemath.random.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.KnownAnswer;
import org.fusemath.random.KnownAnswers;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;
import org.fusemath.random.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** On a GPU: cuRAND's device generators equal the host generators bit for bit, and the known answers. */
@GpuTest(libraries = CudaLibrary.CURAND)
class GpuCurandTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device()).build();

    @ParameterizedTest
    @EnumSource(RngType.class)
    void deviceEqualsHostForEveryExactKind(RngType type) {
        for (SampleKind kind : new SampleKind[] {SampleKind.UINT32, SampleKind.UNIFORM_FLOAT, SampleKind.UNIFORM_DOUBLE,
            SampleKind.NORMAL_FLOAT, SampleKind.NORMAL_DOUBLE}) {
            for (long offset : new long[] {0, 1000, 70_001}) {
                Distribution d = Distribution.standard(kind);
                long[] host = Samples.bits(Generator.create(type, 1234).setOffset(offset), d, 200_002);
                long[] device;
                try (Generator g = Generator.create(type, 1234, DEVICE)) {
                    device = Samples.bits(g.setOffset(offset), d, 200_002);
                }
                assertArrayEquals(host, device, type + " " + kind + " offset " + offset);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RngType.class)
    void deviceMatchesTheKnownAnswers(RngType type) {
        for (KnownAnswer k : KnownAnswers.bundled()) {
            if (k.generator() == type) {
                try (Generator g = Generator.create(type, k.seed(), DEVICE)) {
                    assertArrayEquals(k.values(), k.actual(g), k.label());
                }
            }
        }
    }

    @Test
    void fillsADeviceBufferAndHostArraysOnTheContextsStream() {
        try (CudaStream stream = CudaStream.create(0); CudaBuffer buffer = CudaBuffer.allocate(stream, DType.F32, 1000)) {
            FuseContext onStream = FuseContext.builder().execution(Execution.device()).stream(stream).build();
            float[] viaHost = new float[1000];
            try (Generator g = Generator.create(RngType.PHILOX4_32_10, 42, onStream)) {
                g.fill(Distribution.normalFloat(1f, 2f), buffer);
                g.generateNormal(viaHost, 1f, 2f);
            }
            float[] device = new float[1000];
            buffer.copyTo(stream, device);
            Generator host = Generator.create(RngType.PHILOX4_32_10, 42);
            float[] expected = new float[1000];
            host.generateNormal(expected, 1f, 2f);
            assertArrayEquals(expected, device, "the buffer");
            host.generateNormal(expected, 1f, 2f);
            assertArrayEquals(expected, viaHost, "the host array after it");
        }
    }
}
