package org.fusemath.bench.blas;

import java.util.Arrays;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;

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
                for (int i = 0; i < 12; i++) {
                    product.execute();
                }
            });
            worker.start();
            Thread.sleep(100);
            double worst = 0;
            double sum = 0;
            int calls = 0;
            while (worker.isAlive()) {
                long start = System.nanoTime();
                System.gc();
                double ms = (System.nanoTime() - start) * 1e-6;
                worst = Math.max(worst, ms);
                sum += ms;
                calls++;
                Thread.sleep(37);
            }
            System.out.printf("criticalWorkLimit=%s: %d System.gc() calls during 12 products of 2048^3, mean %.1f ms,"
                    + " worst %.1f ms%n", System.getProperty("fusemath.host.criticalWorkLimit", "(none)"), calls,
                    sum / calls, worst);
        }
    }
}
