package org.fusemath.ejml;

import org.fusemath.api.FuseContext;

/**
 * The measured sizes (elements of the decomposed matrix, m·n) from which the decompositions behind the
 * {@code DecompositionFactory_*} facades run on fusemath's LAPACK rather than on EJML's own Java code; users override
 * all of them with the {@code decomposition} threshold of {@link EjmlExecution}. Measured with
 * {@code EjmlDecompositionBenchmark} in the bench module (see bench/README.md, section "EJML decompositions").
 */
final class DecompositionThresholds {
    // Measured 2026-12-01 on the 2-core dev machine at load average 17-29 (other builds running), JDK 17, paired in one
    // JVM (EJML ms / fusemath ms per n×n decomposition with vectors, bench/README.md "EJML decompositions"):
    //   java -cp ejml/target/classes:bench/target/benchmarks.jar org.openjdk.jmh.Main EjmlDecompositionBenchmark \
    //       -f 1 -wi 1 -w 1s -i 2 -r 2s -p n=8,16,32,64,128
    // svd F64: n=8 0.61x, 16 1.14x, 32 1.89x, 64 1.99x, 128 2.55x; F32: n=8 0.71x, 16 1.00x.
    // symmetric F64: n=8 0.55x, 16 0.95x, 32 0.07x, 64 2.19x, 128 2.80x (n=32: OpenBLAS threads woken inside syevd's
    //   divide and conquer despite the one-thread context cost a scheduler slice each under load; from n = 64 on it pays).
    // general F64: n=8 1.13x (F32 0.87x), 16 1.71x (F32 1.59x), 32 2.44x, 64 2.77x, 128 2.71x.
    // The F32 constants are the F64 ones: their crossovers were measured at n = 8 and 16 only, and agree.

    /** SVD, F64: from 16×16 on (EJML faster at 8×8, fusemath 1.14× at 16×16). */
    static final long SVD_F64 = 16 * 16;
    /** SVD, F32: as F64 (1.00× at 16×16, 1.68× at 32×32). */
    static final long SVD_F32 = 16 * 16;
    /** Symmetric eigen decomposition, F64: from 64×64 on (2.19×; EJML faster at 16×16 and, see above, 32×32). */
    static final long SYMMETRIC_EIGEN_F64 = 64 * 64;
    /** Symmetric eigen decomposition, F32: as F64. */
    static final long SYMMETRIC_EIGEN_F32 = 64 * 64;
    /** General eigen decomposition, F64: from 16×16 on (1.71×; 8×8 is a tie, 1.13× F64 and 0.87× F32). */
    static final long GENERAL_EIGEN_F64 = 16 * 16;
    /** General eigen decomposition, F32: as F64 (1.59× at 16×16). */
    static final long GENERAL_EIGEN_F32 = 16 * 16;

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
