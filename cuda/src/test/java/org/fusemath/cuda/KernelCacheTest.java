package org.fusemath.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kernel cache's keys (source hash, architecture, options) and counters, with a fake compiler and the simulated device. */
class KernelCacheTest {
    private static final KernelSource SAXPY = KernelSource.fromResource(KernelCacheTest.class, "saxpy.cu");

    private final FakeCuda fake = new FakeCuda(3);
    private final CudaRuntime runtime = fake.runtime(64);
    private final List<KernelKey> compiled = Collections.synchronizedList(new ArrayList<>());
    private final KernelCache cache = new KernelCache(
            (source, key) -> {
                compiled.add(key);
                return new CompiledKernel(key, (key.architecture() + key.options()).getBytes(StandardCharsets.UTF_8), "");
            },
            device -> device == 2 ? "sm_80" : "sm_90",
            (device, kernel) -> CudaModule.load(runtime, device, kernel));

    @Test
    void sameSourceArchitectureAndOptionsCompileAndLoadOnce() {
        CudaFunction first = cache.function(0, SAXPY, "saxpy", List.of("--use_fast_math"));
        CudaFunction again = cache.function(0, new KernelSource("other-name.cu", SAXPY.code()), "saxpy", List.of("--use_fast_math"));
        assertSame(first, again);
        assertEquals(1, cache.compilations());
        assertEquals(1, cache.moduleLoads());
        assertEquals(1, cache.hits());
        assertEquals(1, fake.count("cuModuleLoadData"));
    }

    @Test
    void optionsArchitectureAndSourceArePartsOfTheKey() {
        cache.function(0, SAXPY, "saxpy", List.of());
        cache.function(0, SAXPY, "saxpy", List.of("-lineinfo"));
        cache.function(0, SAXPY, "saxpy", List.of("-lineinfo", "--use_fast_math"));
        cache.function(0, SAXPY, "saxpy", List.of("--use_fast_math", "-lineinfo"));
        cache.function(2, SAXPY, "saxpy", List.of());
        cache.function(0, new KernelSource("saxpy.cu", SAXPY.code() + "\n// changed\n"), "saxpy", List.of());
        assertEquals(6, cache.compilations());
        assertEquals(6, compiled.stream().distinct().count());
        assertEquals(0, cache.hits());
        assertTrue(compiled.stream().anyMatch(k -> k.architecture().equals("sm_80")));
    }

    @Test
    void oneImageIsLoadedOncePerDeviceOfTheSameArchitecture() {
        CudaFunction on0 = cache.function(0, SAXPY, "saxpy", List.of());
        CudaFunction on1 = cache.function(1, SAXPY, "saxpy", List.of());
        assertNotSame(on0, on1);
        assertEquals(1, on1.module().deviceId());
        assertEquals(1, cache.compilations());
        assertEquals(2, cache.moduleLoads());
        assertEquals(1, cache.hits(), "the image compiled for device 0 served device 1");
    }

    @Test
    void compileAloneIsCachedToo() {
        CompiledKernel a = cache.compile(SAXPY, "compute_90", List.of());
        CompiledKernel b = cache.compile(SAXPY, "compute_90", List.of());
        assertSame(a, b);
        assertTrue(a.isPtx());
        assertEquals(1, cache.compilations());
        assertEquals(0, cache.moduleLoads());
    }

    @Test
    void concurrentRequestsCompileOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<CudaFunction>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.function(0, SAXPY, "saxpy", List.of());
                }));
            }
            go.countDown();
            CudaFunction first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<CudaFunction> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, cache.compilations());
        assertEquals(1, cache.moduleLoads());
        assertEquals(23, cache.hits());
    }

    @Test
    void closeUnloadsEveryModule() {
        CudaFunction f = cache.function(0, SAXPY, "saxpy", List.of());
        cache.function(1, SAXPY, "saxpy", List.of());
        assertEquals(2, fake.liveModules());
        cache.close();
        assertEquals(0, fake.liveModules());
        assertTrue(f.module().isClosed());
        cache.function(0, SAXPY, "saxpy", List.of());
        assertEquals(2, cache.compilations(), "a closed cache starts over");
    }

    @Test
    void badKeysAreRejectedBeforeCompiling() {
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> cache.function(0, SAXPY, "saxpy", List.of("--gpu-architecture=sm_80")));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> cache.compile(SAXPY, "sm90", List.of()));
        assertThrows(org.fusemath.api.InvalidArgumentException.class, () -> cache.function(-1, SAXPY, "saxpy", List.of()));
        assertEquals(0, cache.compilations());
    }
}
