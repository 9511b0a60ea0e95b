package org.fusemath.ejml;

/**
 * The measured default thresholds of the solve family by method and type, in elements n·n of A: a call on at least
 * this many elements runs on LAPACK, a smaller one on EJML's own code. {@code -Dfusemath.ejml.threshold.solve} or
 * {@link EjmlExecution#setThreshold} overrides all of them.
 *
 * <p>Measured 2026-12-01 on the shared 2-core dev machine, JDK 17, one OpenBLAS thread, load average 23, twice, with
 * {@code OPENBLAS_NUM_THREADS=1 java -XX:ActiveProcessorCount=1 -cp ... org.fusemath.bench.ejml.EjmlSolveThresholdProbe}
 * (fastest of 40 alternating blocks per side, fusemath's path forced; bench/README.md, "EJML solve facade"). EJML ÷
 * fusemath at n = 16 / 20 / 24 / 32 / 48, the two runs: DDRM solve 0.84, 1.10 / 0.93, 1.53 / 0.83, 1.13 / 1.18, 1.24 /
 * 1.88, 1.78; DDRM invert 1.61, 1.46 / 1.74, 1.64 / 1.52, 1.77 / 1.77, 1.98 / 2.24, 3.30; DDRM det 0.95, 0.89 / 1.04,
 * 1.07 / 1.11, 1.10 / 1.20, 1.22 / 1.84, 2.01; FDRM solve 0.72, 2.50 / 1.10, 3.49 / 1.23, 6.14 / 1.42, 2.98 / 2.78,
 * 2.56; FDRM invert 1.88, 1.51 / 2.53, 2.79 / 3.46, 3.56 / 4.21, 4.16 / 6.34, 6.38; FDRM det 0.91, 1.20 / 1.27, 1.60 /
 * 1.61, 1.88 / 1.89, 2.19 / 3.03, 2.60 (at n = 12 invert won in both runs, 1.25 / 1.04 and 1.45 / 2.17). Each
 * threshold is the first n from which both runs won at every measured size, raised to the next measured size where
 * that n won by less than 1.2x in a run, so that the facade is not slower than EJML near it.
 */
final class SolveThresholds {
    /** CommonOps_DDRM.solve: n ≥ 32. */
    static final long SOLVE_F64_ELEMENTS = 32 * 32;
    /** CommonOps_DDRM.invert (both forms): n ≥ 16. */
    static final long INVERT_F64_ELEMENTS = 16 * 16;
    /** CommonOps_DDRM.det: n ≥ 32. */
    static final long DET_F64_ELEMENTS = 32 * 32;
    /** CommonOps_FDRM.solve: n ≥ 24. */
    static final long SOLVE_F32_ELEMENTS = 24 * 24;
    /** CommonOps_FDRM.invert (both forms): n ≥ 16. */
    static final long INVERT_F32_ELEMENTS = 16 * 16;
    /** CommonOps_FDRM.det: n ≥ 24. */
    static final long DET_F32_ELEMENTS = 24 * 24;

    private SolveThresholds() {
    }
}
