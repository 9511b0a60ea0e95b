package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.fusemath.api.Arguments;
import org.fusemath.api.FusemathException;

/**
 * Compiles each kernel source once per (source hash, architecture, options) and loads each image once per
 * device, so repeated launches of generated kernels cost a map lookup. Thread-safe; the {@link #shared()}
 * cache lives as long as the JVM.
 */
public final class KernelCache implements AutoCloseable {
    private static final Lazy<KernelCache> SHARED = new Lazy<>(() -> new KernelCache(
            (source, key) -> NvrtcCompiler.javacpp().compile(source, key),
            deviceId -> CudaDevices.require(deviceId, CudaLibrary.NVRTC).architecture(),
            (deviceId, kernel) -> CudaModule.load(CudaRuntime.require(deviceId), deviceId, kernel)));

    private final KernelCompiler compiler;
    private final IntFunction<String> architectureOf;
    private final ModuleLoader loader;
    private final ConcurrentHashMap<KernelKey, CompiledKernel> images = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LoadedKey, CudaModule> modules = new ConcurrentHashMap<>();
    private final AtomicLong compilations = new AtomicLong();
    private final AtomicLong moduleLoads = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    KernelCache(KernelCompiler compiler, IntFunction<String> architectureOf, ModuleLoader loader) {
        this.compiler = compiler;
        this.architectureOf = architectureOf;
        this.loader = loader;
    }

    /** The process-wide cache over NVRTC and the probed devices. */
    public static KernelCache shared() {
        return SHARED.get();
    }

    /**
     * Kernel {@code entry} of {@code source} compiled for device {@code deviceId}'s architecture with
     * {@code options}, compiling and loading only on the first request.
     */
    public CudaFunction function(int deviceId, KernelSource source, String entry, List<String> options) {
        Arguments.requireNonNegative("deviceId", deviceId);
        Arguments.requireNonNull(source, "source");
        Arguments.requireNonNull(entry, "entry");
        KernelKey key = KernelKey.of(source, architectureOf.apply(deviceId), options);
        LoadedKey loadedKey = new LoadedKey(deviceId, key);
        boolean[] loaded = {false};
        CudaModule module = modules.computeIfAbsent(loadedKey, k -> {
            loaded[0] = true;
            moduleLoads.incrementAndGet();
            return loader.load(deviceId, compiled(source, key));
        });
        if (!loaded[0]) {
            hits.incrementAndGet();
        }
        return module.function(entry);
    }

    /** {@code source} compiled for {@code architecture} with {@code options}, compiling only on the first request. */
    public CompiledKernel compile(KernelSource source, String architecture, List<String> options) {
        return compiled(source, KernelKey.of(source, architecture, options));
    }

    /** How many times NVRTC ran. */
    public long compilations() {
        return compilations.get();
    }

    /** How many modules were loaded. */
    public long moduleLoads() {
        return moduleLoads.get();
    }

    /** How many requests were served without compiling or loading. */
    public long hits() {
        return hits.get();
    }

    /** Unloads every module and forgets every image; functions handed out before must not be launched again. */
    @Override
    public void close() {
        List<CudaModule> loaded = new ArrayList<>(modules.values());
        modules.clear();
        images.clear();
        FusemathException failure = null;
        for (CudaModule module : loaded) {
            try {
                module.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new FusemathException("unloading cached CUDA modules failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private CompiledKernel compiled(KernelSource source, KernelKey key) {
        boolean[] compiledNow = {false};
        CompiledKernel image = images.computeIfAbsent(key, k -> {
            compiledNow[0] = true;
            compilations.incrementAndGet();
            return NvrtcCompiler.compile(compiler, source, k);
        });
        if (!compiledNow[0]) {
            hits.incrementAndGet();
        }
        return image;
    }

    /** Loads a compiled image on a device. */
    @FunctionalInterface
    interface ModuleLoader {
        CudaModule load(int deviceId, CompiledKernel kernel);
    }

    private record LoadedKey(int deviceId, KernelKey key) {
    }
}
