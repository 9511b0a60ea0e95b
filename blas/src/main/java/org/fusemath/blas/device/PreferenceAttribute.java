package org.fusemath.blas.device;

import org.bytedeco.cuda.global.cublas;

/**
 * The {@code cublasLtMatmulPreferenceAttributes_t} the device matmul sets, with their preset values (inlined
 * compile-time constants) and C types: the workspace limit, and the alignment of each operand's pointer, which
 * the heuristic otherwise assumes to be 256 bytes.
 */
enum PreferenceAttribute implements LtAttribute {
    /** CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES. */
    MAX_WORKSPACE_BYTES(cublas.CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, AttributeType.UINT64),
    /** CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES. */
    MIN_ALIGNMENT_A_BYTES(cublas.CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES, AttributeType.UINT32),
    /** CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES. */
    MIN_ALIGNMENT_B_BYTES(cublas.CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES, AttributeType.UINT32),
    /** CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES. */
    MIN_ALIGNMENT_C_BYTES(cublas.CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES, AttributeType.UINT32),
    /** CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES. */
    MIN_ALIGNMENT_D_BYTES(cublas.CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES, AttributeType.UINT32);

    /** The alignment cuBLASLt assumes when none is given, and the most worth telling it. */
    static final long DEFAULT_ALIGNMENT = 256;

    private final int value;
    private final AttributeType type;

    PreferenceAttribute(int value, AttributeType type) {
        this.value = value;
        this.type = type;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public AttributeType type() {
        return type;
    }

    /** The alignment in bytes of a device address (its lowest set bit), at most {@link #DEFAULT_ALIGNMENT}. */
    static long alignmentOf(long address) {
        return address == 0 ? DEFAULT_ALIGNMENT : Math.min(DEFAULT_ALIGNMENT, Long.lowestOneBit(address));
    }
}
