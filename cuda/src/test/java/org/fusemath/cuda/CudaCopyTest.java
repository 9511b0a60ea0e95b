package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host/device copies against the simulated device: round trips, chunking through staging, and every argument check. */
class CudaCopyTest {
    private static final long CHUNK = 64;

    private FakeCuda fake;
    private CudaRuntime runtime;
    private CudaStream stream;

    @BeforeEach
    void setUp() {
        fake = new FakeCuda(2);
        runtime = fake.runtime(CHUNK);
        stream = CudaStream.create(runtime, 0);
    }

    @AfterEach
    void tearDown() {
        stream.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 100, 1000})
    void floatRoundTripWithOffsetsAcrossChunks(int length) {
        float[] source = randomFloats(length + 5, length);
        try (CudaMemory memory = CudaMemory.allocate(stream, (long) (length + 3) * Float.BYTES)) {
            CudaCopy.toDevice(stream, source, 5, memory, 3, length);
            float[] back = new float[length + 2];
            CudaCopy.toHost(stream, memory, 3, back, 2, length);
            for (int i = 0; i < length; i++) {
                assertEquals(source[5 + i], back[2 + i], "element " + i);
            }
            assertEquals(0f, back[0]);
            assertEquals(0f, back[1]);
            float[] onDevice = fake.deviceFloats(memory.address() + 3L * Float.BYTES, length);
            assertArrayEquals(java.util.Arrays.copyOfRange(source, 5, 5 + length), onDevice, "the device holds the copied range");
        }
        int chunks = (int) ((length * 4L + CHUNK - 1) / CHUNK);
        assertEquals(2 * chunks, fake.count("cudaMemcpyAsync"), "one copy per chunk each way");
    }

    @Test
    void doubleAndIntRoundTrips() {
        double[] d = new double[37];
        int[] n = new int[41];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.scalb(1.0 + i / 64.0, i - 18) * (i % 2 == 0 ? 1 : -1);
        }
        for (int i = 0; i < n.length; i++) {
            n[i] = i * 0x01010101 - 7;
        }
        try (CudaMemory dm = CudaMemory.allocate(stream, d.length * 8L); CudaMemory nm = CudaMemory.allocate(stream, n.length * 4L)) {
            CudaCopy.toDevice(stream, d, dm);
            CudaCopy.toDevice(stream, n, nm);
            double[] d2 = new double[d.length];
            int[] n2 = new int[n.length];
            CudaCopy.toHost(stream, dm, d2);
            CudaCopy.toHost(stream, nm, n2);
            assertArrayEquals(d, d2);
            assertArrayEquals(n, n2);
            int[] part = new int[5];
            CudaCopy.toHost(stream, nm, 36, part, 0, 5);
            assertArrayEquals(new int[] {n[36], n[37], n[38], n[39], n[40]}, part);
        }
    }

    @Test
    void typedBufferCopiesCheckTheDtypeAndLength() {
        float[] c64 = {1, 2, 3, 4, 5, 6};
        try (CudaBuffer buffer = CudaBuffer.allocate(stream, DType.C64, 3)) {
            assertEquals(24, buffer.byteSize());
            buffer.copyFrom(stream, c64);
            float[] back = new float[6];
            buffer.copyTo(stream, back);
            assertArrayEquals(c64, back);
            InvalidArgumentException wrongType = assertThrows(InvalidArgumentException.class, () -> buffer.copyFrom(stream, new double[6]));
            assertEquals("source = a double[]: expected a float[] for a C64 buffer", wrongType.getMessage());
            InvalidArgumentException wrongLength = assertThrows(InvalidArgumentException.class, () -> buffer.copyTo(stream, new float[5]));
            assertEquals("destination = an array of length 5: expected length 6 (3 C64 elements)", wrongLength.getMessage());
        }
    }

    @Test
    void deviceToDeviceAndZero() {
        float[] source = randomFloats(20, 1);
        try (CudaMemory a = CudaMemory.allocate(stream, 80); CudaMemory b = CudaMemory.allocate(stream, 80)) {
            CudaCopy.toDevice(stream, source, a);
            CudaCopy.zero(stream, b);
            CudaCopy.deviceToDevice(stream, a, 8, b, 40, 32);
            float[] back = new float[20];
            CudaCopy.toHost(stream, b, back);
            for (int i = 0; i < 20; i++) {
                float expected = i >= 10 && i < 18 ? source[i - 8] : 0f;
                assertEquals(expected, back[i], "element " + i);
            }
            CudaCopy.deviceToDevice(stream, a, 0, a, 40, 40);
            InvalidArgumentException overlap = assertThrows(InvalidArgumentException.class,
                    () -> CudaCopy.deviceToDevice(stream, a, 0, a, 20, 40));
            assertEquals("destinationByteOffset", overlap.argument());
        }
    }

    @Test
    void badArgumentsNeverReachTheDevice() {
        try (CudaMemory memory = CudaMemory.allocate(stream, 40); CudaStream other = CudaStream.create(runtime, 1);
                CudaMemory elsewhere = CudaMemory.allocate(other, 40)) {
            float[] ten = new float[10];
            int before = fake.totalCalls();
            List<Executable> bad = List.of(
                    () -> CudaCopy.toDevice(stream, ten, -1, memory, 0, 1),
                    () -> CudaCopy.toDevice(stream, ten, 0, memory, 0, -1),
                    () -> CudaCopy.toDevice(stream, ten, 5, memory, 0, 6),
                    () -> CudaCopy.toDevice(stream, ten, 0, memory, 1, 10),
                    () -> CudaCopy.toDevice(stream, ten, 0, memory, -1, 1),
                    () -> CudaCopy.toDevice(stream, ten, 0, memory, Long.MAX_VALUE / 2, 1),
                    () -> CudaCopy.toDevice(stream, ten, 0, memory, Long.MAX_VALUE, 1),
                    () -> CudaCopy.toDevice(stream, new double[10], 0, memory, 0, 6),
                    () -> CudaCopy.toDevice(stream, (float[]) null, memory),
                    () -> CudaCopy.toDevice(null, ten, memory),
                    () -> CudaCopy.toDevice(stream, ten, null),
                    () -> CudaCopy.toDevice(stream, ten, elsewhere),
                    () -> CudaCopy.toHost(stream, memory, 0, new int[10], 1, 10),
                    () -> CudaCopy.toHost(stream, memory, 3, new int[10], 0, 8),
                    () -> CudaCopy.toHost(stream, memory, new double[6]),
                    () -> CudaCopy.toHost(stream, elsewhere, ten),
                    () -> CudaCopy.deviceToDevice(stream, memory, 0, memory, 20, 21),
                    () -> CudaCopy.deviceToDevice(stream, memory, -8, elsewhere, 0, 8),
                    () -> CudaCopy.deviceToDevice(stream, memory, 0, memory, 0, -1),
                    () -> CudaCopy.zero(stream, elsewhere));
            for (Executable call : bad) {
                assertThrows(InvalidArgumentException.class, call);
            }
            assertEquals(before, fake.totalCalls(), "a rejected copy made no native call");
        }
    }

    @Test
    void messagesNameTheArgumentItsValueAndTheExpectation() {
        try (CudaMemory memory = CudaMemory.allocate(stream, 40)) {
            InvalidArgumentException tooLong = assertThrows(InvalidArgumentException.class,
                    () -> CudaCopy.toDevice(stream, new float[10], 5, memory, 0, 6));
            assertEquals("length = 6: expected at most 5 elements: source has length 10 and sourceOffset is 5", tooLong.getMessage());
            InvalidArgumentException pastEnd = assertThrows(InvalidArgumentException.class,
                    () -> CudaCopy.toDevice(stream, new float[10], 0, memory, 1, 10));
            assertEquals("destinationIndex = 1: expected a range of 10 elements of 4 bytes that ends within the 40 bytes of "
                    + "destination (it would end at byte 44)", pastEnd.getMessage());
            InvalidArgumentException overflow = assertThrows(InvalidArgumentException.class,
                    () -> CudaCopy.toDevice(stream, new float[10], 0, memory, Long.MAX_VALUE, 1));
            assertTrue(overflow.getMessage().contains("a size that fits in 64 bits"), overflow.getMessage());
        }
    }

    @Test
    void closedMemoryOrStreamIsRejectedBeforeAnyCopy() {
        CudaMemory memory = CudaMemory.allocate(stream, 40);
        memory.close();
        IllegalStateException closedMemory = assertThrows(IllegalStateException.class,
                () -> CudaCopy.toDevice(stream, new float[10], memory));
        assertEquals("40 bytes of device memory on device 0 is closed", closedMemory.getMessage());
        CudaStream doomed = CudaStream.create(runtime, 0);
        try (CudaMemory live = CudaMemory.allocate(doomed, 40)) {
            doomed.close();
            assertThrows(IllegalStateException.class, () -> CudaCopy.toDevice(doomed, new float[10], live));
        }
        assertEquals(0, fake.count("cudaMemcpyAsync"));
    }

    @Test
    void emptyCopiesMakeNoCalls() {
        try (CudaMemory memory = CudaMemory.allocate(stream, 0)) {
            int before = fake.totalCalls();
            CudaCopy.toDevice(stream, new float[0], memory);
            CudaCopy.toHost(stream, memory, new double[0]);
            CudaCopy.deviceToDevice(stream, memory, 0, memory, 0, 0);
            CudaCopy.zero(stream, memory);
            assertEquals(before, fake.totalCalls());
        }
    }

    @Test
    void aFailedCopyReportsTheRuntimeStatusAndLeavesTheStagingBufferIdle() {
        try (CudaMemory memory = CudaMemory.allocate(stream, 40)) {
            fake.failNext("cudaMemcpyAsync", 1);
            CudaLibraryException e = assertThrows(CudaLibraryException.class, () -> CudaCopy.toDevice(stream, new float[10], memory));
            assertEquals("cudaErrorInvalidValue", e.statusName());
            assertEquals(1, fake.count("cudaStreamSynchronize"), "waited for the stream before reusing the buffer");
            CudaCopy.toDevice(stream, new float[10], memory);
            assertEquals(1, fake.count("cudaMallocHost"));
        }
    }

    static float[] randomFloats(int n, long seed) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }
}
