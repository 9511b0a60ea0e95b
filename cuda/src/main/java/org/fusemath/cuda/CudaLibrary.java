package org.fusemath.cuda;

import java.util.List;

/**
 * The CUDA libraries fusemath binds, each with the shared objects its JavaCPP binding needs on Linux
 * (the sonames its {@code @Platform(link=...)} requests) and its status-code table.
 */
public enum CudaLibrary {
    /** The NVIDIA driver's CUDA driver API. */
    DRIVER("CUDA driver", "libcuda.so.1"),
    /** The CUDA runtime. */
    RUNTIME("CUDA runtime", "libcudart.so.13"),
    /** Dense BLAS; its binding links cuBLASLt too. */
    CUBLAS("cuBLAS", "libcublas.so.13", "libcublasLt.so.13"),
    /** Matmul with epilogues; shares cuBLAS's binding and status codes. */
    CUBLAS_LT("cuBLASLt", "libcublasLt.so.13"),
    /** FFT. */
    CUFFT("cuFFT", "libcufft.so.12"),
    /** Dense solvers; the JavaCPP binding also links cusolverMg and (through its cuSPARSE parent) cuSPARSE. */
    CUSOLVER("cuSOLVER", "libcusolver.so.12", "libcusolverMg.so.12", "libcusparse.so.12"),
    /** Random numbers. */
    CURAND("cuRAND", "libcurand.so.10"),
    /** Run-time compilation of CUDA C. */
    NVRTC("NVRTC", "libnvrtc.so.13");

    private final String displayName;
    private final List<String> sonames;

    CudaLibrary(String displayName, String... sonames) {
        this.displayName = displayName;
        this.sonames = List.of(sonames);
    }

    /** The name NVIDIA uses, e.g. {@code cuBLAS}; used as the library of a {@code CudaLibraryException}. */
    public String displayName() {
        return displayName;
    }

    /** The shared objects the binding loads, first the library's own. */
    public List<String> sonames() {
        return sonames;
    }

    /** Whether the probe loads this library on its own (the driver and runtime are part of every device check). */
    public boolean isOptional() {
        return this != DRIVER && this != RUNTIME;
    }

    /** The symbolic name of {@code status} in this library's status enumeration, or null when it has none. */
    String statusNameOrNull(int status) {
        return switch (this) {
            case DRIVER -> CudaDriverStatus.TABLE.nameOf(status);
            case RUNTIME -> CudaRuntimeStatus.TABLE.nameOf(status);
            case CUBLAS, CUBLAS_LT -> CublasStatus.TABLE.nameOf(status);
            case CUFFT -> CufftStatus.TABLE.nameOf(status);
            case CUSOLVER -> CusolverStatus.TABLE.nameOf(status);
            case CURAND -> CurandStatus.TABLE.nameOf(status);
            case NVRTC -> NvrtcStatus.TABLE.nameOf(status);
        };
    }
}
