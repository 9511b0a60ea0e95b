package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** Module loading, function lookup and launch marshalling against the simulated device. */
class KernelLaunchTest {
    private static final KernelSource SOURCE = new KernelSource("k.cu", "extern \"C\" __global__ void k(int n) {}");

    private final FakeCuda fake = new FakeCuda(2);
    private final CudaRuntime runtime = fake.runtime(64);

    private static CompiledKernel cubin() {
        return new CompiledKernel(KernelKey.of(SOURCE, "sm_90", List.of()), new byte[] {0x7f, 'E', 'L', 'F'}, "");
    }

    @Test
    void launchPassesConfigAndArgumentsInOrder() {
        try (CudaStream stream = CudaStream.create(runtime, 1); CudaModule module = CudaModule.load(runtime, 1, cubin());
                CudaBuffer x = CudaBuffer.allocate(stream, DType.F32, 8); CudaMemory y = CudaMemory.allocate(stream, 32)) {
            CudaFunction saxpy = module.function("saxpy");
            assertSame(saxpy, module.function("saxpy"));
            assertEquals(1, fake.count("cuModuleGetFunction"), "functions are looked up once");
            KernelArguments args = new KernelArguments().add(8).add(2.5f).add(x).add(y).add(-3L).add(0.125);
            LaunchConfig config = LaunchConfig.linear(8, 256);
            saxpy.launch(stream, config, args);
            FakeCuda.Launch launch = fake.launches().get(0);
            assertEquals("saxpy", launch.function());
            assertEquals(new LaunchConfig(1, 1, 1, 256, 1, 1, 0), launch.config());
            assertEquals(List.of(8, 2.5f, x.address(), y.address(), -3L, 0.125), launch.arguments());
            assertEquals(stream.handle(), launch.stream());
            assertEquals(6, args.size());
        }
        assertEquals(0, fake.liveModules());
    }

    @Test
    void launchChecksDevicesBeforeQueueing() {
        try (CudaStream s0 = CudaStream.create(runtime, 0); CudaStream s1 = CudaStream.create(runtime, 1);
                CudaModule module = CudaModule.load(runtime, 1, cubin()); CudaMemory on0 = CudaMemory.allocate(s0, 4)) {
            CudaFunction k = module.function("k");
            InvalidArgumentException wrongStream = assertThrows(InvalidArgumentException.class,
                    () -> k.launch(s0, LaunchConfig.linear(1, 32), new KernelArguments()));
            assertEquals("stream = a stream on device 0: expected a stream on device 1, where k is loaded", wrongStream.getMessage());
            InvalidArgumentException wrongMemory = assertThrows(InvalidArgumentException.class,
                    () -> k.launch(s1, LaunchConfig.linear(1, 32), new KernelArguments().add(1).add(on0)));
            assertEquals("arguments[1]", wrongMemory.argument());
            assertEquals(0, fake.count("cuLaunchKernel"));
        }
    }

    @Test
    void closedModulesAndMemoryCannotBeLaunched() {
        try (CudaStream stream = CudaStream.create(runtime, 0)) {
            CudaModule module = CudaModule.load(runtime, 0, cubin());
            CudaFunction k = module.function("k");
            CudaMemory memory = CudaMemory.allocate(stream, 4);
            memory.close();
            assertThrows(IllegalStateException.class, () -> k.launch(stream, LaunchConfig.linear(1, 32), new KernelArguments().add(memory)));
            module.close();
            assertThrows(IllegalStateException.class, () -> k.launch(stream, LaunchConfig.linear(1, 32), new KernelArguments()));
            assertThrows(IllegalStateException.class, () -> module.function("other"));
            assertEquals(0, fake.count("cuLaunchKernel"));
        }
    }

    @Test
    void ptxGetsItsTerminatingNulAndCubinsStayAsTheyAre() {
        byte[] ptx = ".version 9.0\n.target sm_90\n".getBytes(StandardCharsets.US_ASCII);
        CompiledKernel kernel = new CompiledKernel(KernelKey.of(SOURCE, "compute_90", List.of()), ptx, "");
        assertTrue(kernel.isPtx());
        try (CudaModule module = CudaModule.load(runtime, 0, kernel); CudaModule binary = CudaModule.load(runtime, 0, cubin())) {
            long handle = module.use(h -> h);
            byte[] loaded = fake.moduleImage(handle);
            assertEquals(ptx.length + 1, loaded.length);
            assertEquals(0, loaded[ptx.length]);
            assertArrayEquals(cubin().image(), fake.moduleImage(binary.use(h -> h)));
        }
    }

    @Test
    void functionNamesAreCheckedAndMissingOnesReportTheDriverStatus() {
        try (CudaModule module = CudaModule.load(runtime, 0, cubin())) {
            assertThrows(InvalidArgumentException.class, () -> module.function("not a name"));
            assertThrows(InvalidArgumentException.class, () -> module.function("_Z1kv(int)"));
            CudaLibraryException e = assertThrows(CudaLibraryException.class, () -> module.function("missingKernel"));
            assertEquals("CUDA_ERROR_NOT_FOUND", e.statusName());
        }
    }

    @Test
    void launchConfigurationsAreChecked() {
        assertEquals(new LaunchConfig(4, 1, 1, 256, 1, 1, 0), LaunchConfig.linear(1000, 256));
        assertEquals(new LaunchConfig(1, 1, 1, 128, 1, 1, 0), LaunchConfig.linear(0, 128));
        assertEquals(1000L * 256, LaunchConfig.linear(1000 * 256, 256).threads());
        assertEquals(Integer.MAX_VALUE, LaunchConfig.linear((long) Integer.MAX_VALUE * 1024, 1024).gridX());
        assertThrows(InvalidArgumentException.class, () -> LaunchConfig.linear((long) Integer.MAX_VALUE * 1024 + 1, 1024));
        assertThrows(InvalidArgumentException.class, () -> LaunchConfig.linear(10, 0));
        assertThrows(InvalidArgumentException.class, () -> LaunchConfig.linear(10, 1025));
        assertThrows(InvalidArgumentException.class, () -> new LaunchConfig(0, 1, 1, 1, 1, 1, 0));
        assertThrows(InvalidArgumentException.class, () -> new LaunchConfig(1, 65536, 1, 1, 1, 1, 0));
        assertThrows(InvalidArgumentException.class, () -> new LaunchConfig(1, 1, 1, 1, 1, 65, 0));
        assertThrows(InvalidArgumentException.class, () -> new LaunchConfig(1, 1, 1, 1, 1, 1, -1));
        InvalidArgumentException tooMany = assertThrows(InvalidArgumentException.class, () -> new LaunchConfig(1, 1, 1, 64, 32, 1, 0));
        assertEquals("block = 64 x 32 x 1: expected at most 1024 threads per block", tooMany.getMessage());
    }
}
