package org.fusemath.bench.blas;

/**
 * The raw FFM {@code cblas_dgemm}/{@code cblas_sgemm} baseline on heap arrays. This Java 17 version has none;
 * the multi-release jar carries the Java 22 version, so the {@code rawFfm} benchmarks fail on JDK 17–21
 * (exclude them there with {@code -e rawFfm}).
 */
public final class RawFfmGemm {
    private RawFfmGemm() {
    }

    /** Whether this JDK runs the FFM version. */
    public static boolean available() {
        return false;
    }

    /** Row-major C = A·B (n×n). */
    public static void dgemm(int n, double[] a, double[] b, double[] c) {
        throw new UnsupportedOperationException("the raw FFM baseline needs Java 22+");
    }

    /** Row-major C = A·B (n×n). */
    public static void sgemm(int n, float[] a, float[] b, float[] c) {
        throw new UnsupportedOperationException("the raw FFM baseline needs Java 22+");
    }
}
