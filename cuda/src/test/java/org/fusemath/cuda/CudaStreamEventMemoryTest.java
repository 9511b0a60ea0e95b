package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.junit.CleanerWait;
import org.junit.jupiter.api.Test;

/** Streams, events, pooled memory and their cleaners against the simulated device. */
class CudaStreamEventMemoryTest {
    private final FakeCuda fake = new FakeCuda(2);
    private final CudaRuntime runtime = fake.runtime(64);

    @Test
    void streamIsCreatedOnItsDeviceAndDestroyedOnce() {
        CudaStream stream = CudaStream.create(runtime, 1);
        assertEquals(1, stream.deviceId());
        assertEquals(1, fake.liveStreams());
        stream.synchronize();
        stream.close();
        stream.close();
        assertTrue(stream.isClosed());
        assertEquals(0, fake.liveStreams());
        assertEquals(1, fake.count("cudaStreamDestroy"));
        IllegalStateException e = assertThrows(IllegalStateException.class, stream::synchronize);
        assertEquals("stream on device 1 is closed", e.getMessage());
        assertThrows(IllegalStateException.class, stream::handle);
    }

    @Test
    void aContextsDeviceStreamIsRecognised() {
        try (CudaStream stream = CudaStream.create(runtime, 0)) {
            org.fusemath.api.DeviceStream asApi = stream;
            assertSame(stream, CudaStream.of(asApi));
            org.fusemath.api.DeviceStream foreign = new org.fusemath.api.DeviceStream() {
                @Override
                public int deviceId() {
                    return 0;
                }

                @Override
                public void synchronize() {
                }

                @Override
                public void close() {
                }
            };
            assertEquals("stream", assertThrows(InvalidArgumentException.class, () -> CudaStream.of(foreign)).argument());
        }
    }

    @Test
    void eventsTimeWorkBetweenRecords() {
        try (CudaStream stream = CudaStream.create(runtime, 0); CudaEvent start = CudaEvent.create(runtime, 0, true);
                CudaEvent end = CudaEvent.create(runtime, 0, true)) {
            assertThrows(IllegalStateException.class, () -> end.elapsedMillisSince(start));
            start.record(stream);
            end.record(stream);
            assertEquals(1.5f, end.elapsedMillisSince(start));
            assertEquals(1, fake.count("cudaEventSynchronize"), "elapsed time waits for the end event");
        }
        assertEquals(0, fake.liveEvents());
    }

    @Test
    void eventChecksDeviceAndTiming() {
        try (CudaStream s0 = CudaStream.create(runtime, 0); CudaStream s1 = CudaStream.create(runtime, 1);
                CudaEvent plain = CudaEvent.create(runtime, 0, false); CudaEvent timed = CudaEvent.create(runtime, 0, true);
                CudaEvent other = CudaEvent.create(runtime, 1, true)) {
            InvalidArgumentException wrongDevice = assertThrows(InvalidArgumentException.class, () -> plain.record(s1));
            assertEquals("stream = a stream on device 1: expected a stream on the event's device 0", wrongDevice.getMessage());
            plain.record(s0);
            timed.record(s0);
            other.record(s1);
            assertThrows(InvalidArgumentException.class, () -> timed.elapsedMillisSince(plain));
            assertThrows(InvalidArgumentException.class, () -> other.elapsedMillisSince(timed));
            s1.waitFor(plain);
            assertEquals(1, fake.count("cudaStreamWaitEvent"), "a stream may wait for another device's event");
        }
    }

    @Test
    void poolAllocatesStreamOrderedAndKeepsMemoryCached() {
        try (CudaStream stream = CudaStream.create(runtime, 1)) {
            CudaMemoryPool pool = stream.memoryPool();
            assertEquals(1, pool.deviceId());
            CudaMemory a = pool.allocate(stream, 100);
            CudaMemory b = CudaMemory.allocate(stream, 28);
            assertEquals(100, a.byteSize());
            assertNotEquals(a.address(), b.address());
            assertEquals(2, fake.liveDeviceAllocations());
            assertEquals(List.of("threshold b01 " + Long.MAX_VALUE), fake.log(), "release threshold set once, on first use");
            a.close();
            a.close();
            b.close();
            assertEquals(2, fake.count("cudaFreeAsync"));
            assertEquals(0, fake.liveDeviceAllocations());
            pool.trimTo(1024);
            assertEquals("trim b01 1024", fake.log().get(1));
        }
    }

    @Test
    void memoryOutlivingItsStreamIsFreedSynchronously() {
        CudaStream stream = CudaStream.create(runtime, 0);
        CudaMemory memory = CudaMemory.allocate(stream, 8);
        stream.close();
        memory.close();
        assertEquals(0, fake.count("cudaFreeAsync"));
        assertEquals(1, fake.count("cudaFree"));
        assertEquals(0, fake.liveDeviceAllocations());
    }

    @Test
    void poolRejectsAStreamOfAnotherDeviceAndEmptyAllocationsNeedNoCall() {
        try (CudaStream s0 = CudaStream.create(runtime, 0)) {
            CudaMemoryPool pool1 = runtime.pool(1);
            assertThrows(InvalidArgumentException.class, () -> pool1.allocate(s0, 8));
            assertThrows(InvalidArgumentException.class, () -> CudaMemory.allocate(s0, -1));
            int before = fake.totalCalls();
            try (CudaMemory empty = CudaMemory.allocate(s0, 0)) {
                assertEquals(0, empty.address());
            }
            assertEquals(before, fake.totalCalls());
        }
    }

    @Test
    void allocationFailureCarriesTheRuntimeStatus() {
        try (CudaStream stream = CudaStream.create(runtime, 0)) {
            fake.failNext("cudaMallocFromPoolAsync", 2);
            CudaLibraryException e = assertThrows(CudaLibraryException.class, () -> CudaMemory.allocate(stream, 1 << 20));
            assertEquals("CUDA runtime", e.library());
            assertEquals("cudaErrorMemoryAllocation", e.statusName());
        }
    }

    @Test
    void bufferSizesAreCheckedForOverflow() {
        try (CudaStream stream = CudaStream.create(runtime, 0)) {
            try (CudaBuffer buffer = CudaBuffer.allocate(stream, DType.C128, 3)) {
                assertEquals(48, buffer.byteSize());
                assertEquals(48, buffer.memory().byteSize());
                assertEquals(buffer.address(), CudaMemory.of(buffer).address());
                assertEquals("CudaBuffer[C128 x 3, device 0]", buffer.toString());
            }
            InvalidArgumentException overflow = assertThrows(InvalidArgumentException.class,
                    () -> CudaBuffer.allocate(stream, DType.F64, Long.MAX_VALUE / 4));
            assertTrue(overflow.getMessage().contains("fits in 64 bits"), overflow.getMessage());
            assertThrows(InvalidArgumentException.class, () -> CudaBuffer.allocate(stream, DType.F32, -1));
        }
    }

    @Test
    void foreignDeviceBuffersAreRejected() {
        DeviceBuffer foreign = new DeviceBuffer() {
            @Override
            public int deviceId() {
                return 0;
            }

            @Override
            public DType dtype() {
                return DType.F32;
            }

            @Override
            public long elementCount() {
                return 1;
            }

            @Override
            public long address() {
                return 0x1234;
            }

            @Override
            public void close() {
            }
        };
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> CudaMemory.of(foreign));
        assertEquals("buffer", e.argument());
    }

    @Test
    void forgottenResourcesAreReleasedByTheCleaner() throws InterruptedException {
        CleanerWait.awaitCleaned(this::allocateAndForget,
                () -> fake.liveDeviceAllocations() + fake.liveStreams() + fake.liveEvents() == 0,
                "a forgotten stream with its memory and event");
    }

    @Test
    void concurrentCloseAndUseNeverReachADestroyedHandle() throws Exception {
        for (int round = 0; round < 50; round++) {
            CudaStream stream = CudaStream.create(runtime, 0);
            Thread closer = new Thread(stream::close);
            closer.start();
            try {
                stream.synchronize();
            } catch (IllegalStateException closed) {
                assertTrue(stream.isClosed());
            }
            closer.join();
        }
        assertEquals(0, fake.liveStreams());
    }

    /** Live resources nobody closes; the list is their only reference once the caller drops it. */
    private List<Object> allocateAndForget() {
        CudaStream stream = CudaStream.create(runtime, 0);
        CudaMemory memory = CudaMemory.allocate(stream, 16);
        CudaEvent event = CudaEvent.create(runtime, 0, false).record(stream);
        assertFalse(stream.isClosed());
        assertTrue(fake.liveDeviceAllocations() > 0 && fake.liveStreams() > 0 && fake.liveEvents() > 0);
        return List.of(stream, memory, event);
    }
}
