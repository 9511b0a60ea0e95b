package org.fusemath.blas.device;

import java.util.Arrays;
import java.util.Locale;

/**
 * One candidate cuBLASLt algorithm from the heuristic query: the opaque {@code cublasLtMatmulAlgo_t} (eight
 * 64-bit words, passed back to {@code cublasLtMatmul} unchanged), the workspace it needs, cuBLASLt's waves
 * estimate, and the time autotuning measured (NaN until timed). Immutable.
 */
final class MatmulAlgorithm {
    /** Words in {@code cublasLtMatmulAlgo_t} ({@code uint64_t data[8]}). */
    static final int WORDS = 8;

    private final long[] words;
    private final long workspaceBytes;
    private final float waves;
    private final double millis;

    MatmulAlgorithm(long[] words, long workspaceBytes, float waves) {
        this(words, workspaceBytes, waves, Double.NaN);
    }

    private MatmulAlgorithm(long[] words, long workspaceBytes, float waves, double millis) {
        if (words.length != WORDS) {
            throw new IllegalArgumentException("cublasLtMatmulAlgo_t has " + WORDS + " words, got " + words.length);
        }
        this.words = words.clone();
        this.workspaceBytes = workspaceBytes;
        this.waves = waves;
        this.millis = millis;
    }

    /** A copy of the algorithm's words. */
    long[] words() {
        return words.clone();
    }

    /** Word {@code i} of the algorithm. */
    long word(int i) {
        return words[i];
    }

    /** Workspace bytes the algorithm needs. */
    long workspaceBytes() {
        return workspaceBytes;
    }

    /** cuBLASLt's estimate of the waves the algorithm launches. */
    float waves() {
        return waves;
    }

    /** Milliseconds per product measured by autotuning, or NaN. */
    double millis() {
        return millis;
    }

    /** This algorithm with a measured time. */
    MatmulAlgorithm timed(double measuredMillis) {
        return new MatmulAlgorithm(words, workspaceBytes, waves, measuredMillis);
    }

    @Override
    public String toString() {
        return "algo " + Long.toHexString(words[0]) + " (workspace " + workspaceBytes + " B, waves "
                + String.format(Locale.ROOT, "%.2f", waves) + (Double.isNaN(millis) ? "" : String.format(Locale.ROOT,
                ", %.4f ms", millis)) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatmulAlgorithm a && Arrays.equals(a.words, words) && a.workspaceBytes == workspaceBytes;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words) * 31 + Long.hashCode(workspaceBytes);
    }
}
