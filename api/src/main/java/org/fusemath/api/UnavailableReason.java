package org.fusemath.api;

/** Why no CUDA device can be used, each with what to install or change. */
public enum UnavailableReason {
    /** libcuda.so.1 (the NVIDIA driver) could not be loaded. */
    NO_DRIVER_LIBRARY("install the NVIDIA driver (it provides libcuda.so.1)"),
    /** The driver loaded but reports no CUDA-capable device (or CUDA_VISIBLE_DEVICES hides them all). */
    NO_DEVICE("attach an NVIDIA GPU or check CUDA_VISIBLE_DEVICES"),
    /** The driver supports an older CUDA than the 13.x these bindings need. */
    DRIVER_TOO_OLD("upgrade the NVIDIA driver to one that supports CUDA 13 (580 or newer)"),
    /** A CUDA 13 runtime library (libcudart, libcublas, ...) is missing from the library path. */
    CUDA_LIBRARY_MISSING("install the CUDA 13 toolkit libraries and put them on LD_LIBRARY_PATH"),
    /** The JavaCPP CUDA bindings for this platform are not on the class path. */
    BINDINGS_MISSING("add org.bytedeco:cuda with the classifier of this platform to the class path"),
    /** The requested device ordinal does not exist. */
    NO_SUCH_DEVICE("ask for a device ordinal below the device count"),
    /** Initialisation failed for another reason; the detail says which. */
    INITIALIZATION_FAILED("see the detail; the CUDA driver reported an error while initialising");

    private final String remedy;

    UnavailableReason(String remedy) {
        this.remedy = remedy;
    }

    /** What to install or change. */
    public String remedy() {
        return remedy;
    }
}
