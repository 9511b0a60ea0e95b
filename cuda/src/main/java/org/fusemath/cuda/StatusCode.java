package org.fusemath.cuda;

/** One entry of a CUDA library's status enumeration: its symbolic name and numeric value. */
interface StatusCode {
    /** The symbolic name as spelled in the CUDA headers. */
    String name();

    /** The numeric value. */
    int code();
}
