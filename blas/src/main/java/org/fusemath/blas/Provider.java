package org.fusemath.blas;

import org.fusemath.api.Space;

/** The providers a {@link Blas} call can be dispatched to, each in one execution space, named as the trace names them. */
enum Provider {
    /** OpenBLAS through the host call table (level 1–3 routines, planned host matmuls above the crossover). */
    OPENBLAS(Space.HOST, "OpenBLAS"),
    /** The pure-Java gemm kernel, for products below the call path's crossover. */
    JAVA_KERNEL(Space.HOST, "Java kernel"),
    /** cuBLAS on the context's device, host operands copied in and results back (level 1–3 routines). */
    CUBLAS(Space.DEVICE, "cuBLAS"),
    /** cuBLASLt on the context's device (matmuls, with their epilogues). */
    CUBLASLT(Space.DEVICE, "cuBLASLt");

    private final Space space;
    private final String label;

    Provider(Space space, String label) {
        this.space = space;
        this.label = label;
    }

    /** Where the provider computes. */
    Space space() {
        return space;
    }

    @Override
    public String toString() {
        return label;
    }
}
