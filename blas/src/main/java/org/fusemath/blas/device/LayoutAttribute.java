package org.fusemath.blas.device;

import org.bytedeco.cuda.global.cublas;

/**
 * The {@code cublasLtMatrixLayoutAttribute_t} the device matmul sets beyond those of
 * {@code cublasLtMatrixLayoutCreate} (type, rows, columns, leading dimension), with their preset values
 * (inlined compile-time constants) and C types.
 */
enum LayoutAttribute implements LtAttribute {
    /** CUBLASLT_MATRIX_LAYOUT_ORDER: cublasLtOrder_t. */
    ORDER(cublas.CUBLASLT_MATRIX_LAYOUT_ORDER, AttributeType.INT32),
    /** CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT: a 32-bit count, hence the device's batch limit. */
    BATCH_COUNT(cublas.CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT, AttributeType.INT32),
    /** CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET, in elements. */
    STRIDED_BATCH_OFFSET(cublas.CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET, AttributeType.INT64);

    private final int value;
    private final AttributeType type;

    LayoutAttribute(int value, AttributeType type) {
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
}
