package org.fusemath.blas.device;

/** The C type of a cuBLASLt attribute value: how many bytes its setter hands to cuBLASLt. */
enum AttributeType {
    /** {@code int32_t} (also the cuBLAS enums: cublasOperation_t, cublasLtOrder_t). */
    INT32(4),
    /** {@code uint32_t} (cublasLtEpilogue_t). */
    UINT32(4),
    /** {@code int64_t}. */
    INT64(8),
    /** {@code uint64_t}. */
    UINT64(8),
    /** A device pointer ({@code void *}). */
    POINTER(8);

    private final int bytes;

    AttributeType(int bytes) {
        this.bytes = bytes;
    }

    /** The size the setter passes. */
    int bytes() {
        return bytes;
    }
}
