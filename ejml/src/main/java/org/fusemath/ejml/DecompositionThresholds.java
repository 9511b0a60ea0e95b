package org.fusemath.ejml;

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

    private DecompositionThresholds() {
    }
}
