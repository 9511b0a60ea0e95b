package org.fusemath.bench.blas;

import java.util.Arrays;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;

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
        int n = 2048;
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        Arrays.fill(a, 0.5);
        Arrays.fill(b, 0.25);
        MatmulOperands ops = MatmulOperands.of(HostMatrix.of(a, n, n), HostMatrix.of(b, n, n),
                HostMatrix.of(new double[n * n], n, n));
        try (FuseContext oneThread = FuseContext.builder().threads(1).build();
             Matmul product = new Matmul(ops.specBuilder().build(), ops, oneThread).plan()) {
            product.execute();
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 6; i++) {
                    product.execute();
                }
            });
            worker.start();
            Thread.sleep(100);
            double worst = 0;
            double sum = 0;
            long rounds = 0;
            while (worker.isAlive()) {
                long start = System.nanoTime();
                for (int i = 0; i < 64; i++) {
                    sink = new byte[16384];
                }
                double ms = (System.nanoTime() - start) * 1e-6;
                worst = Math.max(worst, ms);
                sum += ms;
                rounds++;
            }
            System.out.printf("criticalWorkLimit=%s, call path %s: %d rounds of 1 MB allocation during 6 products of"
                    + " 2048^3, worst round %.1f ms, mean %.2f ms%n",
                    System.getProperty("fusemath.host.criticalWorkLimit", "(none)"),
                    org.fusemath.blas.host.NativeCalls.callPath(), rounds, worst, sum / rounds);
        }
    }
}
