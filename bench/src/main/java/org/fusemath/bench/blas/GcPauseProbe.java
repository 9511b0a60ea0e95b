package org.fusemath.bench.blas;

/**
 * How long a full GC waits while another thread runs long host GEMMs: one thread runs twelve single-thread
 * 2048³ F64 products while the main thread calls {@code System.gc()} every 37 ms and times each call. On
 * JDK 22+ a critical downcall holds its thread out of safepoints, so without
 * {@code -Dfusemath.host.criticalWorkLimit} each collection waits for the running product. Not a JMH benchmark:
 * it measures the other threads' pause, not the GEMM. Run:
 * {@code java --enable-native-access=ALL-UNNAMED [-Dfusemath.host.criticalWorkLimit=1e9] -cp bench/target/benchmarks.jar
 * org.fusemath.bench.blas.GcPauseProbe}.
 */
public final class GcPauseProbe {
    private GcPauseProbe() {
    }

    /** Prints the mean and worst {@code System.gc()} time observed while the products ran. */
    public static void main(String[] args) throws InterruptedException {
        BackgroundGemm.Rounds r = BackgroundGemm.timeWhileRunning(12, System::gc, 37);
        System.out.printf("criticalWorkLimit=%s: %d System.gc() calls during 12 products of 2048^3, mean %.1f ms,"
                + " worst %.1f ms%n", System.getProperty("fusemath.host.criticalWorkLimit", "(none)"), r.count(),
                r.meanMs(), r.worstMs());
    }
}
