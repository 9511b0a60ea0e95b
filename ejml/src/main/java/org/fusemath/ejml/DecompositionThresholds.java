package org.fusemath.ejml;

import org.fusemath.api.FuseContext;

/**
 * The measured sizes (elements of the decomposed matrix, m·n) from which the decompositions behind the
 * {@code DecompositionFactory_*} facades run on fusemath's LAPACK rather than on EJML's own Java code; users override
 * all of them with the {@code decomposition} threshold of {@link EjmlExecution}. Measured with
 * {@code EjmlDecompositionBenchmark} in the bench module (see bench/README.md, section "EJML decompositions").
 */
final class DecompositionThresholds {
    /** SVD, F64: provisional until measured. */
    static final long SVD_F64 = 32 * 32;
    /** SVD, F32: provisional until measured. */
    static final long SVD_F32 = 32 * 32;
    /** Symmetric eigen decomposition, F64: provisional until measured. */
    static final long SYMMETRIC_EIGEN_F64 = 32 * 32;
    /** Symmetric eigen decomposition, F32: provisional until measured. */
    static final long SYMMETRIC_EIGEN_F32 = 32 * 32;
    /** General eigen decomposition, F64: provisional until measured. */
    static final long GENERAL_EIGEN_F64 = 32 * 32;
    /** General eigen decomposition, F32: provisional until measured. */
    static final long GENERAL_EIGEN_F32 = 32 * 32;

    /**
     * From this many elements on the decompositions let LAPACK use all of {@link FuseContext#defaults()}'s threads;
     * below it one thread. Measured: with two OpenBLAS threads on a loaded machine a 64×64 SVD took 815 ms against
     * EJML's 117 and a 500×500 one 11.2 s against EJML's 8.4 s, while one thread wins from the crossovers above on
     * (bench/README.md, "EJML decompositions"): threading's hand-offs dominate until several hundred rows.
     */
    static final long PARALLEL_FROM = 512L * 512;

    private static final FuseContext ONE_THREAD = FuseContext.builder().threads(1).build();

    private DecompositionThresholds() {
    }

    /** The context a decomposition of {@code elements} elements plans with: one thread below {@link #PARALLEL_FROM}. */
    static FuseContext context(long elements) {
        return elements < PARALLEL_FROM ? ONE_THREAD : FuseContext.defaults();
    }
}
