package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.api.Test;

/**
 * The runtime on a real device: allocation, copies of every array type (larger than one staging chunk),
 * stream ordering, events, NVRTC compile and launch of saxpy checked against Java, and the kernel cache.
 * Skipped with the probe's reason where no device is usable.
 */
@GpuTest(libraries = CudaLibrary.NVRTC)
class CudaRuntimeGpuTest {
    private static final KernelSource SAXPY = KernelSource.fromResource(CudaRuntimeGpuTest.class, "saxpy.cu");
    /** More floats than fit in one 8 MiB staging buffer, so copies run in several chunks. */
    private static final int LARGE = 3_000_017;

    @Test
    void probeReportsTheDevice() {
        DeviceProbe probe = CudaProbe.get();
        assertTrue(probe.driverVersion() >= DeviceProbe.MIN_DRIVER_VERSION, probe::summary);
        assertTrue(probe.runtimeVersion() >= 13000, probe::summary);
        CudaDeviceInfo device = CudaDevices.require(0);
        assertTrue(device.totalMemoryBytes() > 0 && device.multiprocessors() > 0, device::describe);
        System.out.println("[fusemath] gpu: " + device.describe() + "; " + probe.summary());
    }

    @Test
    void everyArrayTypeRoundTripsThroughDeviceMemory() {
        Random random = new Random(7);
        float[] floats = new float[LARGE];
        double[] doubles = new double[LARGE / 2];
        int[] ints = new int[LARGE];
        for (int i = 0; i < LARGE; i++) {
            floats[i] = (float) random.nextGaussian();
            ints[i] = random.nextInt();
        }
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = random.nextGaussian();
        }
        try (CudaStream stream = CudaStream.create(0);
                CudaBuffer f = CudaBuffer.allocate(stream, DType.F32, LARGE);
                CudaBuffer d = CudaBuffer.allocate(stream, DType.F64, doubles.length);
                CudaMemory n = CudaMemory.allocate(stream, (long) LARGE * Integer.BYTES)) {
            f.copyFrom(stream, floats);
            d.copyFrom(stream, doubles);
            CudaCopy.toDevice(stream, ints, n);
            float[] f2 = new float[LARGE];
            double[] d2 = new double[doubles.length];
            int[] n2 = new int[LARGE];
            f.copyTo(stream, f2);
            d.copyTo(stream, d2);
            CudaCopy.toHost(stream, n, n2);
            assertArrayEquals(floats, f2);
            assertArrayEquals(doubles, d2);
            assertArrayEquals(ints, n2);

            float[] window = new float[10];
            CudaCopy.toHost(stream, f.memory(), LARGE - 7, window, 3, 7);
            for (int i = 0; i < 7; i++) {
                assertEquals(floats[LARGE - 7 + i], window[3 + i]);
            }
        }
    }

    @Test
    void workOnOneStreamRunsInOrder() {
        float[] x = ramp(1 << 20);
        try (CudaStream stream = CudaStream.create(0);
                CudaMemory a = CudaMemory.allocate(stream, x.length * 4L);
                CudaMemory b = CudaMemory.allocate(stream, x.length * 4L)) {
            CudaCopy.toDevice(stream, x, a);
            CudaCopy.deviceToDevice(stream, a, 0, b, 0, x.length * 4L);
            CudaCopy.zero(stream, a);
            float[] fromA = new float[x.length];
            float[] fromB = new float[x.length];
            CudaCopy.toHost(stream, a, fromA);
            CudaCopy.toHost(stream, b, fromB);
            assertArrayEquals(new float[x.length], fromA);
            assertArrayEquals(x, fromB);
        }
    }

    @Test
    void anEventOrdersWorkAcrossStreams() {
        float[] x = ramp(1 << 22);
        try (CudaStream producer = CudaStream.create(0); CudaStream consumer = CudaStream.create(0);
                CudaEvent ready = CudaEvent.create(0, false);
                CudaMemory a = CudaMemory.allocate(producer, x.length * 4L);
                CudaMemory b = CudaMemory.allocate(consumer, x.length * 4L)) {
            producer.synchronize();
            CudaCopy.toDevice(producer, x, a);
            ready.record(producer);
            consumer.waitFor(ready);
            // a belongs to the producer's pool but any stream of the device may use it once ordered after it.
            CudaCopy.deviceToDevice(consumer, a, 0, b, 0, x.length * 4L);
            float[] back = new float[x.length];
            CudaCopy.toHost(consumer, b, back);
            assertArrayEquals(x, back);
            producer.synchronize();
        }
    }

    @Test
    void eventsTimeDeviceWork() {
        long bytes = 256L << 20;
        try (CudaStream stream = CudaStream.create(0); CudaEvent start = CudaEvent.create(0); CudaEvent end = CudaEvent.create(0);
                CudaMemory a = CudaMemory.allocate(stream, bytes); CudaMemory b = CudaMemory.allocate(stream, bytes)) {
            start.record(stream);
            CudaCopy.zero(stream, a);
            CudaCopy.deviceToDevice(stream, a, 0, b, 0, bytes);
            end.record(stream);
            float millis = end.elapsedMillisSince(start);
            assertTrue(millis > 0 && Float.isFinite(millis) && millis < 60_000, "elapsed " + millis + " ms");
        }
    }

    @Test
    void nvrtcSaxpyMatchesJavaWithinTheRoundingBound() {
        int n = 1_000_003;
        float a = 1.75f;
        Random random = new Random(11);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
            y[i] = (float) random.nextGaussian();
        }
        CudaFunction saxpy = KernelCache.shared().function(0, SAXPY, "saxpy", List.of());
        float[] result = new float[n];
        try (CudaStream stream = CudaStream.create(0);
                CudaBuffer dx = CudaBuffer.allocate(stream, DType.F32, n);
                CudaBuffer dy = CudaBuffer.allocate(stream, DType.F32, n)) {
            dx.copyFrom(stream, x);
            dy.copyFrom(stream, y);
            saxpy.launch(stream, LaunchConfig.linear(n, 256), new KernelArguments().add(n).add(a).add(dx).add(dy));
            dy.copyTo(stream, result);
        }
        double u = DType.F32.unitRoundoff();
        for (int i = 0; i < n; i++) {
            double exact = (double) a * x[i] + y[i];
            double magnitude = Math.abs((double) a * x[i]) + Math.abs(y[i]);
            // fl(fl(a*x) + y) or fma(a, x, y): at most two float roundings; the double reference adds one of 2^-53.
            double bound = (2 * u + u * u + 0x1p-53) * magnitude;
            assertTrue(Math.abs(result[i] - exact) <= bound,
                    "element " + i + ": device " + result[i] + ", exact " + exact + ", bound " + bound);
        }
    }

    @Test
    void theKernelCacheCompilesAndLoadsOnce() {
        KernelCache cache = KernelCache.shared();
        CudaFunction first = cache.function(0, SAXPY, "saxpy", List.of("-lineinfo"));
        long compilations = cache.compilations();
        long loads = cache.moduleLoads();
        long hits = cache.hits();
        CudaFunction second = cache.function(0, new KernelSource("again.cu", SAXPY.code()), "saxpy", List.of("-lineinfo"));
        assertSame(first, second);
        assertEquals(compilations, cache.compilations());
        assertEquals(loads, cache.moduleLoads());
        assertEquals(hits + 1, cache.hits());
        assertFalse(first.module().kernel().isPtx());
        assertEquals(CudaDevices.require(0).architecture(), first.module().kernel().key().architecture());
    }

    @Test
    void ptxForTheVirtualArchitectureLoadsThroughTheDriverJit() {
        DeviceProbe probe = CudaProbe.get();
        // The driver must understand the PTX ISA the (possibly newer) NVRTC emits.
        assumeTrue(probe.driverVersion() >= probe.runtimeVersion(), "driver " + probe.driverVersion() + " older than runtime "
                + probe.runtimeVersion());
        CudaDeviceInfo device = CudaDevices.require(0);
        CompiledKernel ptx = NvrtcCompiler.compile(SAXPY, "compute_" + device.major() + device.minor(), List.of());
        assertTrue(ptx.isPtx());
        try (CudaStream stream = CudaStream.create(0); CudaModule module = CudaModule.load(0, ptx);
                CudaBuffer dx = CudaBuffer.allocate(stream, DType.F32, 3); CudaBuffer dy = CudaBuffer.allocate(stream, DType.F32, 3)) {
            dx.copyFrom(stream, new float[] {1, 2, 3});
            dy.copyFrom(stream, new float[] {10, 20, 30});
            module.function("saxpy").launch(stream, LaunchConfig.linear(3, 32), new KernelArguments().add(3).add(2f).add(dx).add(dy));
            float[] back = new float[3];
            dy.copyTo(stream, back);
            assertArrayEquals(new float[] {12, 24, 36}, back);
        }
    }

    @Test
    void compileErrorsCarryNvrtcsLog() {
        KernelSource broken = new KernelSource("broken.cu", "extern \"C\" __global__ void k(float* y) { y[0] = undefined_name; }");
        NvrtcCompileException e = assertThrows(NvrtcCompileException.class,
                () -> NvrtcCompiler.compile(broken, CudaDevices.require(0).architecture(), List.of()));
        assertEquals("NVRTC_ERROR_COMPILATION", e.statusName());
        assertTrue(e.log().contains("undefined_name"), e.log());
        assertTrue(e.getMessage().contains("broken.cu"), e.getMessage());
    }

    @Test
    void runtimeErrorsCarryTheirNames() {
        try (CudaStream stream = CudaStream.create(0)) {
            CudaLibraryException e = assertThrows(CudaLibraryException.class, () -> CudaMemory.allocate(stream, 1L << 52));
            assertEquals("CUDA runtime", e.library());
            assertEquals("cudaErrorMemoryAllocation", e.statusName());
        }
    }

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.5f - 3;
        }
        return x;
    }
}
