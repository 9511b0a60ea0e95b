package org.fusemath.bench.blas;

/**
 * How long an allocating thread stalls while another thread runs long host GEMMs on JDK 17–21, where the
 * netlib JNI path holds the operands with {@code GetPrimitiveArrayCritical}: the GC locker then defers every
 * collection until the call returns, and a thread whose allocation needs one waits. ({@link GcPauseProbe}'s
 * {@code System.gc()} does not show it there: an explicit GC is skipped while an array is held, not delayed.)
 * One thread runs six single-thread 2048³ F64 products while the main thread allocates 1 MB per round in 16 KB
 * arrays and times each round. Not a JMH benchmark. Run:
 * {@code java -Xmn64m [-Dfusemath.host.criticalWorkLimit=1e9] -cp bench/target/benchmarks.jar
 * org.fusemath.bench.blas.AllocationStallProbe}.
 */
public final class AllocationStallProbe {
    private static volatile Object sink;

    private AllocationStallProbe() {
    }

    /** Prints the number of rounds and the worst and mean round time observed while the products ran. */
    public static void main(String[] args) throws InterruptedException {
        BackgroundGemm.Rounds r = BackgroundGemm.timeWhileRunning(6, () -> {
            for (int i = 0; i < 64; i++) {
                sink = new byte[16384];
            }
        }, 0);
        System.out.printf("criticalWorkLimit=%s, call path %s: %d rounds of 1 MB allocation during 6 products of"
                + " 2048^3, worst round %.1f ms, mean %.2f ms%n",
                System.getProperty("fusemath.host.criticalWorkLimit", "(none)"),
                org.fusemath.blas.host.NativeCalls.callPath(), r.count(), r.worstMs(), r.meanMs());
    }
}
