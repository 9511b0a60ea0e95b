package org.fusemath.cuda;

/**
 * One entry of a CUDA library's status enumeration.
 *
 * @param name the symbolic name as spelled in the CUDA headers
 * @param code the numeric value
 */
record StatusCode(String name, int code) {
    /** The entry {@code name} = {@code value}; reads as the header's line in the status tables. */
    static StatusCode code(String name, int value) {
        return new StatusCode(name, value);
    }
}
