package org.fusemath.cuda;

/** Compiles CUDA C into a kernel image; NVRTC in production, a fake in tests of the cache. */
@FunctionalInterface
interface KernelCompiler {
    /** The image of {@code source} for {@code key} (whose hash is {@code source}'s). */
    CompiledKernel compile(KernelSource source, KernelKey key);
}
