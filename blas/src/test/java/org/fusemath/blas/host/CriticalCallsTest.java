package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The critical-call limit: above it the level-3 and LAPACK calls take the staging path (FFM on JDK 22+, the
 * netlib JNI shims for real types on JDK 17–21), which calls the same OpenBLAS routine on copies and so gives
 * bit-identical results.
 */
class CriticalCallsTest {
    private static final int M = 23;
    private static final int N = 19;
    private static final int K = 17;

    @AfterEach
    void restore() {
        CriticalCalls.setLimit(CriticalCalls.parse(System.getProperty(CriticalCalls.PROPERTY)));
    }

    @Test
    void theLimitParsesCountsAndIgnoresBadValues() {
        assertEquals(Long.MAX_VALUE, CriticalCalls.parse(null));
        assertEquals(Long.MAX_VALUE, CriticalCalls.parse(" "));
        assertEquals(1_000_000_000L, CriticalCalls.parse("1e9"));
        assertEquals(0, CriticalCalls.parse("0"));
        assertEquals(Long.MAX_VALUE, CriticalCalls.parse("1e30"));
        for (String bad : new String[] {"-5", "fast"}) {
            StderrCapture.Captured<Long> r = StderrCapture.run(() -> CriticalCalls.parse(bad));
            assertEquals(Long.MAX_VALUE, r.value(), "a bad limit is ignored, not applied: " + bad);
            assertTrue(r.stderr().contains("WARN org.fusemath.blas.host.CriticalCalls - ignoring -D"
                    + CriticalCalls.PROPERTY + "=" + bad + ": expected a count of multiply-adds >= 0"), r.stderr());
        }
    }

    @Test
    void callsAboveTheLimitAreStagedWithIdenticalResults() throws Exception {
        for (DType t : DType.values()) {
            CriticalCalls.setLimit(Long.MAX_VALUE);
            Run critical = runInFreshThread(t);
            CriticalCalls.setLimit(0);
            Run staged = runInFreshThread(t);
            assertEquals(critical.outputs.size(), staged.outputs.size());
            for (int i = 0; i < critical.outputs.size(); i++) {
                Object want = critical.outputs.get(i);
                Object got = staged.outputs.get(i);
                if (want instanceof double[] d) {
                    assertArrayEquals(d, (double[]) got, t + " output " + i);
                } else if (want instanceof float[] f) {
                    assertArrayEquals(f, (float[]) got, t + " output " + i);
                } else {
                    assertArrayEquals((int[]) want, (int[]) got, t + " output " + i);
                }
            }
            assertTrue(staged.stagingAllocations > 0, "the staged run must copy through staging buffers");
            if (NativeCalls.callPath().equals("ffm") || NativeCalls.callPath().equals("netlib") && !t.isComplex()) {
                assertEquals(0, critical.stagingAllocations, "under the limit " + NativeCalls.callPath()
                        + " must not stage " + t);
            }
        }
    }

    private record Run(List<Object> outputs, long stagingAllocations) {
    }

    /** Runs every guarded routine once on a new thread, whose staging (if any) is allocated afresh. */
    private static Run runInFreshThread(DType t) throws Exception {
        AtomicReference<Run> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                long before = Staging.allocations();
                List<Object> outputs = runAll(t);
                out.set(new Run(outputs, Staging.allocations() - before));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        worker.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return out.get();
    }

    private static Object random(DType t, int elements, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int slots = elements * t.slotsPerElement();
        if (t.isSinglePrecision()) {
            float[] f = new float[slots];
            for (int i = 0; i < slots; i++) {
                f[i] = (float) (r.nextDouble() - 0.5);
            }
            return f;
        }
        double[] d = new double[slots];
        for (int i = 0; i < slots; i++) {
            d[i] = r.nextDouble() - 0.5;
        }
        return d;
    }

    /** A well-conditioned square matrix (diagonally dominant, symmetric/Hermitian positive definite for potrf). */
    private static Object spd(DType t, int n) {
        Object a = random(t, n * n, 99);
        int s = t.slotsPerElement();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                for (int p = 0; p < s; p++) {
                    double v = slot(a, (i * n + j) * s + p);
                    setSlot(a, (j * n + i) * s + p, p == 0 ? v : -v);
                }
            }
            setSlot(a, (i * n + i) * s, 2.0 * n);
            if (s == 2) {
                setSlot(a, (i * n + i) * s + 1, 0);
            }
        }
        return a;
    }

    private static double slot(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    private static void setSlot(Object a, int i, double v) {
        if (a instanceof double[] d) {
            d[i] = v;
        } else {
            ((float[]) a)[i] = (float) v;
        }
    }

    private static List<Object> runAll(DType t) {
        NativeBlas blas = NativeCalls.blas();
        NativeLapack lapack = NativeCalls.lapack();
        Layout row = Layout.ROW_MAJOR;
        List<Object> outputs = new ArrayList<>();
        Object a = random(t, M * K, 1);
        Object b = random(t, K * N, 2);
        Object c = random(t, M * N, 3);
        blas.gemm(t, row, Trans.N, Trans.N, M, N, K, 1.5, t.isComplex() ? 0.25 : 0, a, 0, K, b, 0, N, 0.5, 0, c, 0, N);
        outputs.add(c);
        Object sq = spd(t, M);
        Object c2 = random(t, M * N, 4);
        blas.symm(t, row, Side.LEFT, Uplo.LOWER, M, N, 1, 0, sq, 0, M, random(t, M * N, 5), 0, N, 1, 0, c2, 0, N);
        outputs.add(c2);
        Object c3 = random(t, M * M, 6);
        if (t.isComplex()) {
            blas.herk(t, row, Uplo.UPPER, Trans.N, M, K, 0.75, a, 0, K, 0.5, c3, 0, M);
        } else {
            blas.syrk(t, row, Uplo.UPPER, Trans.N, M, K, 0.75, 0, a, 0, K, 0.5, 0, c3, 0, M);
        }
        outputs.add(c3);
        Object b4 = random(t, M * N, 7);
        blas.trmm(t, row, Side.LEFT, Uplo.UPPER, Trans.T, Diag.NON_UNIT, M, N, 2, 0, sq, 0, M, b4, 0, N);
        outputs.add(b4);
        Object b5 = random(t, M * N, 8);
        blas.trsm(t, row, Side.LEFT, Uplo.LOWER, Trans.N, Diag.NON_UNIT, M, N, 1, 0, sq, 0, M, b5, 0, N);
        outputs.add(b5);
        Object lu = spd(t, M);
        int[] ipiv = new int[M];
        assertEquals(0, lapack.getrf(t, M, M, lu, 0, M, ipiv, 0));
        Object x = random(t, M * N, 9);
        assertEquals(0, lapack.getrs(t, Trans.N, M, N, lu, 0, M, ipiv, 0, x, 0, M));
        outputs.add(lu);
        outputs.add(ipiv);
        outputs.add(x);
        Object chol = spd(t, M);
        assertEquals(0, lapack.potrf(t, Uplo.LOWER, M, chol, 0, M));
        Object y = random(t, M * N, 10);
        assertEquals(0, lapack.potrs(t, Uplo.LOWER, M, N, chol, 0, M, y, 0, M));
        outputs.add(chol);
        outputs.add(y);
        Object qr = random(t, M * N, 11);
        Object tau = random(t, N, 12);
        assertEquals(0, lapack.geqrf(t, M, N, qr, 0, M, tau, 0));
        outputs.add(qr);
        outputs.add(tau);
        return outputs;
    }
}
