package org.fusemath.cuda;

/** The direction of a {@code cudaMemcpyAsync}. */
enum CopyDirection {
    /** Pinned host memory to device memory. */
    HOST_TO_DEVICE,
    /** Device memory to pinned host memory. */
    DEVICE_TO_HOST,
    /** Device memory to device memory on the same device. */
    DEVICE_TO_DEVICE
}
