package org.fusemath.bench.blas;

import java.util.Arrays;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;

/**
 * The set-up the GC probes share: one worker thread runs single-thread 2048³ F64 host products while the calling
 * thread times rounds of something else (a {@code System.gc()}, a burst of allocations), so that what the products do
 * to the rest of the JVM shows in the round times. Each call is independent.
 */
final class BackgroundGemm {
    static final int N = 2048;

    private BackgroundGemm() {
    }

    /** The rounds timed while the products ran: how many, their mean and their worst, in milliseconds. */
    record Rounds(long count, double meanMs, double worstMs) {
    }

    /**
     * Runs {@code products} products on a worker (after one warm-up product here) and, from 100 ms after it starts
     * until it ends, {@code round} on this thread again and again, sleeping {@code pauseMs} between rounds.
     */
    static Rounds timeWhileRunning(int products, Runnable round, long pauseMs) throws InterruptedException {
        double[] a = new double[N * N];
        double[] b = new double[N * N];
        Arrays.fill(a, 0.5);
        Arrays.fill(b, 0.25);
        MatmulOperands ops = MatmulOperands.of(HostMatrix.of(a, N, N), HostMatrix.of(b, N, N),
                HostMatrix.of(new double[N * N], N, N));
        try (FuseContext oneThread = FuseContext.builder().threads(1).build();
             Matmul product = new Matmul(ops.specBuilder().build(), ops, oneThread).plan()) {
            product.execute();
            Thread worker = new Thread(() -> {
                for (int i = 0; i < products; i++) {
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
                round.run();
                double ms = (System.nanoTime() - start) * 1e-6;
                worst = Math.max(worst, ms);
                sum += ms;
                rounds++;
                if (pauseMs > 0) {
                    Thread.sleep(pauseMs);
                }
            }
            worker.join();
            return new Rounds(rounds, sum / rounds, worst);
        }
    }
}
