package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fusemath.api.DType;
import org.fusemath.blas.Ref;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Threads asking for different OpenBLAS thread counts each get theirs for the whole of every call. */
class OpenBlasThreadsTest {
    private static final int ROUNDS = 40;

    @AfterEach
    void restoreCount() {
        OpenBlasThreads.request(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aCallSeesItsThreadsCountFromStartToEnd() throws Exception {
        NativeBlas blas = NativeCalls.blas();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int mine : new int[] {1, 2}) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int calls = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        // Alternate counts on each thread too, so that each round changes the count in force.
                        int count = (round + mine) % 2 + 1;
                        blas.ensureThreads(count);
                        calls += HostCallPolicy.lapack(HostCallPolicy.LAPACK, Long.MAX_VALUE, () -> {
                            int first = blas.threads();
                            long until = System.nanoTime() + 200_000;
                            while (System.nanoTime() < until) {
                                Thread.onSpinWait(); // long enough for the other thread to try to change the count
                            }
                            int last = blas.threads();
                            if (first != count || last != count) {
                                wrong.add("asked " + count + ", OpenBLAS had " + first + " then " + last);
                            }
                            return 1;
                        });
                    }
                    return calls;
                }));
            }
            for (Future<Integer> f : runs) {
                assertEquals(ROUNDS, f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(wrong.isEmpty(), "calls ran with another thread's count: " + wrong);
        assertEquals(0, OpenBlasThreads.active(), "a call left the gate held");
    }

    /** A threaded and an unthreaded LU round differently, so equal bits show which count a call ran with. */
    @Test
    void luResultsMatchTheCountEachThreadAskedFor() throws Exception {
        int n = 200;
        NativeLapack lapack = NativeCalls.lapack();
        double[] input = (double[]) Ref.random(DType.F64, n * n, 5);
        double[][] expected = new double[3][];
        for (int count = 1; count <= 2; count++) {
            OpenBlasThreads.request(count);
            expected[count] = input.clone();
            lapack.getrf(DType.F64, n, n, expected[count], 0, n, new int[n], 0);
        }
        assertFalse(Arrays.equals(expected[1], expected[2]), "one- and two-thread LU agree bitwise: the test cannot tell");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int mine = 1; mine <= 2; mine++) {
                int count = mine;
                runs.add(pool.submit(() -> {
                    start.await();
                    OpenBlasThreads.request(count);
                    for (int round = 0; round < 10; round++) {
                        double[] a = input.clone();
                        lapack.getrf(DType.F64, n, n, a, 0, n, new int[n], 0);
                        assertArrayEquals(expected[count], a, "LU asked with " + count + " threads, round " + round);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsTooSmallToThreadSkipTheGate() throws Exception {
        assertFalse(HostCallPolicy.enter(HostCallPolicy.LEVEL3 - 1, HostCallPolicy.LEVEL3));
        assertTrue(HostCallPolicy.enter(HostCallPolicy.LEVEL3, HostCallPolicy.LEVEL3));
        try {
            assertEquals(1, OpenBlasThreads.active());
        } finally {
            HostCallPolicy.leave(true);
        }
        assertEquals(0, OpenBlasThreads.active());
    }

    /** Spectral drivers honour the caller's count at every size: their inner BLAS calls may thread small problems. */
    @Test
    void smallSpectralCallsRunWithTheirThreadsCount() {
        NativeBlas blas = NativeCalls.blas();
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return; // one processor: every request is capped at one thread, nothing to tell apart
        }
        blas.ensureThreads(2);
        HostCallPolicy.lapack(HostCallPolicy.LAPACK, Long.MAX_VALUE, () -> 0); // leaves two threads in force
        blas.ensureThreads(1);
        int[] seen = new int[2];
        HostCallPolicy.spectral(4, () -> {
            seen[0] = blas.threads();
            seen[1] = OpenBlasThreads.active();
            return 0;
        });
        assertEquals(1, seen[0], "a 2x2 spectral call asked for one thread ran with OpenBLAS's count in force");
        assertEquals(1, seen[1], "the small spectral call did not hold the gate");
        assertEquals(0, OpenBlasThreads.active());
    }
}
