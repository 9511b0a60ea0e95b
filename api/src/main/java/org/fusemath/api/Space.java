package org.fusemath.api;

/** Where an operation actually runs: on the host CPU or on a CUDA device. */
public enum Space {
    /** The host CPU. */
    HOST,
    /** A CUDA device. */
    DEVICE
}
