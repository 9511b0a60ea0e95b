package org.fusemath.cuda;

/**
 * The steps of the device probe, one native question each, in the order {@link CudaProbe} asks them.
 * The JavaCPP implementation asks the real driver; tests supply fakes that fail in each possible way.
 *
 * <p>A step reports failure by throwing: link failures as the {@link LinkageError} loading raised
 * ({@link UnsatisfiedLinkError}, {@link NoClassDefFoundError}, {@link ExceptionInInitializerError}), failed
 * calls as a {@link org.fusemath.api.CudaLibraryException} (see {@link CudaStatus#check}). The probe
 * turns each into an {@link org.fusemath.api.UnavailableReason}; nothing thrown here reaches its callers.
 */
public interface ProbeSteps {
    /** Loads the driver library ({@code libcuda.so.1}). */
    void loadDriverLibrary();

    /** Loads the JavaCPP runtime bindings (their JNI library and {@code libcudart.so.13}). */
    void loadRuntimeBindings();

    /** {@code cuDriverGetVersion}: the CUDA version the driver supports, e.g. 13000 for 13.0. */
    int driverVersion();

    /** {@code cuInit(0)}. */
    void initializeDriver();

    /** {@code cuDeviceGetCount}. */
    int deviceCount();

    /** Name, compute capability, memory and multiprocessor count of device {@code ordinal}. */
    CudaDeviceInfo device(int ordinal);

    /** {@code cudaRuntimeGetVersion}: the version of the loaded runtime library. */
    int runtimeVersion();

    /** Loads {@code library}'s shared objects and its JavaCPP binding. */
    void loadLibrary(CudaLibrary library);
}
