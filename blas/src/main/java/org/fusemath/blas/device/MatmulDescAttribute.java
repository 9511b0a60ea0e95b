package org.fusemath.blas.device;

import org.bytedeco.cuda.global.cublas;

/**
 * The {@code cublasLtMatmulDescAttributes_t} the device matmul sets, with their preset values (compile-time
 * constants of the JavaCPP preset, inlined by javac, so naming them loads nothing native) and C types as
 * cublasLt.h declares them.
 */
enum MatmulDescAttribute implements LtAttribute {
    /** CUBLASLT_MATMUL_DESC_TRANSA: cublasOperation_t on cuBLASLt's A. */
    TRANSA(cublas.CUBLASLT_MATMUL_DESC_TRANSA, AttributeType.INT32),
    /** CUBLASLT_MATMUL_DESC_TRANSB. */
    TRANSB(cublas.CUBLASLT_MATMUL_DESC_TRANSB, AttributeType.INT32),
    /** CUBLASLT_MATMUL_DESC_EPILOGUE: cublasLtEpilogue_t. */
    EPILOGUE(cublas.CUBLASLT_MATMUL_DESC_EPILOGUE, AttributeType.UINT32),
    /** CUBLASLT_MATMUL_DESC_BIAS_POINTER: the bias vector, read or (gradients) written. */
    BIAS_POINTER(cublas.CUBLASLT_MATMUL_DESC_BIAS_POINTER, AttributeType.POINTER),
    /** CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE, in elements. */
    BIAS_BATCH_STRIDE(cublas.CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE, AttributeType.INT64),
    /** CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_POINTER: the GELU input or the ReLU bit mask. */
    EPILOGUE_AUX_POINTER(cublas.CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_POINTER, AttributeType.POINTER),
    /** CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_LD, in elements (bits for the mask). */
    EPILOGUE_AUX_LD(cublas.CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_LD, AttributeType.INT64),
    /** CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_BATCH_STRIDE, in elements (bits for the mask). */
    EPILOGUE_AUX_BATCH_STRIDE(cublas.CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_BATCH_STRIDE, AttributeType.INT64);

    private final int value;
    private final AttributeType type;

    MatmulDescAttribute(int value, AttributeType type) {
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
