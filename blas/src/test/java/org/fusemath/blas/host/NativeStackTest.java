package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.fusemath.api.DType;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Uplo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every LAPACK routine fusemath calls runs at sizes that take OpenBLAS's threaded paths from callers with little
 * stack (a 256 KB thread, a ForkJoinPool common-pool task, a virtual thread) without crashing, with the same
 * results as on a thread with a large stack; and the same call made without the protection kills a JVM.
 */
class NativeStackTest {
    /** 290×290: above every routine's threading bound, F32 included (OpenBLAS threads the F32 LU from 283²). */
    private static final int N = 290;
    private static final int NRHS = 4;

    @AfterEach
    void restoreCount() {
        OpenBlasThreads.request(Runtime.getRuntime().availableProcessors());
    }

    /** The outputs of getrf, getrs (N and T), potrf, potrs and geqrf on fixed inputs, made by the calling thread. */
    private static List<Object> allRoutines(DType t, int threads) {
        NativeLapack lapack = NativeCalls.lapack();
        OpenBlasThreads.request(threads);
        int s = t.slotsPerElement();
        List<Object> out = new ArrayList<>();
        Object a = spd(t, 11);
        int[] ipiv = new int[N];
        assertEquals(0, lapack.getrf(t, N, N, a, 0, N, ipiv, 0));
        out.add(a);
        out.add(ipiv);
        for (Trans tr : new Trans[] {Trans.N, Trans.T}) {
            Object b = Ref.random(t, N * NRHS * s, 12);
            assertEquals(0, lapack.getrs(t, tr, N, NRHS, a, 0, N, ipiv, 0, b, 0, N));
            out.add(b);
        }
        Object c = spd(t, 13);
        assertEquals(0, lapack.potrf(t, Uplo.LOWER, N, c, 0, N));
        out.add(c);
        Object b = Ref.random(t, N * NRHS * s, 14);
        assertEquals(0, lapack.potrs(t, Uplo.LOWER, N, NRHS, c, 0, N, b, 0, N));
        out.add(b);
        Object q = Ref.random(t, N * N * s, 15);
        Object tau = Ref.random(t, N * s, 16);
        assertEquals(0, lapack.geqrf(t, N, N, q, 0, N, tau, 0));
        out.add(q);
        out.add(tau);
        return out;
    }

    /** Random with N added to the diagonal and made Hermitian: positive definite, well conditioned. */
    private static Object spd(DType t, long seed) {
        return NativeLapackTest.matrix(t, N, true, seed);
    }

    private static <T> T onThread(long stackBytes, Supplier<T> work) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread th = new Thread(null, () -> result.set(work.get()), "small-stack", stackBytes);
        th.setUncaughtExceptionHandler((x, e) -> result.set(e));
        th.start();
        th.join(TimeUnit.MINUTES.toMillis(5));
        return unwrap(result.get());
    }

    @SuppressWarnings("unchecked")
    private static <T> T unwrap(Object r) {
        if (r instanceof Throwable e) {
            throw new AssertionError("the call failed on its thread", e);
        }
        return (T) r;
    }

    private static <T> T onVirtualThread(Supplier<T> work) throws Exception {
        // Thread.ofVirtual() is Java 21+; the tests compile for 17, so reach it by reflection.
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        AtomicReference<Object> result = new AtomicReference<>();
        Runnable r = () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                result.set(e);
            }
        };
        Class<?> type = Class.forName("java.lang.Thread$Builder");
        Thread th = (Thread) type.getMethod("start", Runnable.class).invoke(builder, r);
        th.join(TimeUnit.MINUTES.toMillis(5));
        return unwrap(result.get());
    }

    private static void assertSame(List<Object> expected, List<Object> actual, String where) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Object e = expected.get(i);
            Object a = actual.get(i);
            String what = where + ", output " + i;
            if (e instanceof double[] d) {
                assertArrayEquals(d, (double[]) a, what);
            } else if (e instanceof float[] f) {
                assertArrayEquals(f, (float[]) a, what);
            } else {
                assertArrayEquals((int[]) e, (int[]) a, what);
            }
        }
    }

    @Test
    void everyRoutineRunsFromSmallStacksWithTheResultsOfALargeOne() throws Exception {
        int threads = 2;
        boolean virtual = Runtime.version().feature() >= 21;
        for (DType t : DType.values()) {
            List<Object> expected = onThread(64L << 20, () -> allRoutines(t, threads));
            long before = NativeCallThreads.handOffs();
            assertSame(expected, onThread(256L << 10, () -> allRoutines(t, threads)), t + " on a 256 KB thread");
            assertTrue(NativeCallThreads.handOffs() > before, t + ": the threaded getrf was not handed off");
            assertSame(expected, ForkJoinPool.commonPool().submit(() -> allRoutines(t, threads)).get(5, TimeUnit.MINUTES),
                    t + " in a common-pool task");
            if (virtual) {
                assertSame(expected, onVirtualThread(() -> allRoutines(t, threads)), t + " on a virtual thread");
            }
        }
    }

    @Test
    void oneThreadAndSmallCallsRunInlineWithoutAHandOff() throws Exception {
        long before = NativeCallThreads.handOffs();
        onThread(256L << 10, () -> allRoutines(DType.F64, 1));
        assertEquals(before, NativeCallThreads.handOffs(), "a one-thread getrf was handed off");
        NativeLapack lapack = NativeCalls.lapack();
        double[] a = (double[]) spd(DType.F64, 3);
        int[] ipiv = new int[N];
        OpenBlasThreads.request(2);
        // 99×99 (m·n < 10⁴): OpenBLAS runs its unthreaded LU, on the caller's thread.
        assertEquals(0, lapack.getrf(DType.F64, 99, 99, a, 0, N, ipiv, 0));
        assertEquals(before, NativeCallThreads.handOffs(), "a 99×99 getrf was handed off");
    }

    @Test
    void aCallerWithTheNativeCallThreadsStackRunsTheThreadedLuInlineWhereItsStackIsKnown() throws Exception {
        // Java 22+ asks the C library for the calling thread's stack: one as deep as the native-call threads' runs
        // the threaded getrf itself (same results); Java 17 cannot ask and hands it off. A smaller one always does.
        boolean known = Runtime.version().feature() >= 22;
        List<Object> expected = onThread(64L << 20, () -> allRoutines(DType.F64, 2));
        long before = NativeCallThreads.handOffs();
        List<Object> deep = onThread(NativeCallThreads.stackSize(), () -> {
            // At least: glibc may hand a new thread a larger cached stack of an ended one, and report that.
            long size = CallerStack.size();
            assertTrue(known ? size >= NativeCallThreads.stackSize() : size == 0, "the stack size asked: " + size);
            return allRoutines(DType.F64, 2);
        });
        assertSame(expected, deep, "on a thread with the native-call threads' stack");
        if (known) {
            assertEquals(before, NativeCallThreads.handOffs(), "a getrf on a deep enough stack was handed off");
        } else {
            assertTrue(NativeCallThreads.handOffs() > before, "Java 17 cannot know the stack, yet ran getrf inline");
        }
        long mid = NativeCallThreads.handOffs();
        onThread(256L << 10, () -> {
            assertTrue(CallerStack.size() < NativeCallThreads.stackSize(), "a 256 KB stack: " + CallerStack.size());
            return allRoutines(DType.F64, 2);
        });
        assertTrue(NativeCallThreads.handOffs() > mid, "a getrf on a 256 KB thread ran inline");
        if (known) {
            assertEquals(0L, (long) onVirtualThread(CallerStack::size), "a virtual thread's stack is its carrier's");
        }
    }

    @Test
    void theNativeCallThreadsHaveTheDocumentedStack() {
        assertEquals(16L << 20, NativeCallThreads.stackSize(), "default (no -D" + NativeCallThreads.PROPERTY + " here)");
        assertEquals(32L << 20, NativeCallThreads.parseSize("32m"));
        assertEquals(8L << 20, NativeCallThreads.parseSize(" 8192K "));
        for (String bad : new String[] {"64k", "lots"}) {
            StderrCapture.Captured<Long> r = StderrCapture.run(() -> NativeCallThreads.parseSize(bad));
            assertEquals(16L << 20, r.value(), "below 1 MB or not a size is refused: " + bad);
            assertTrue(r.stderr().contains("WARN org.fusemath.blas.host.NativeCallThreads - ignoring -D"
                    + NativeCallThreads.PROPERTY + "=" + bad + ": expected a stack size of at least 1m"), r.stderr());
        }
    }

    /** Runs {@link UnprotectedCall} in a child JVM with a 256 KB main-thread stack. */
    private static Process child(String mode) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss256k", "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=/dev/null"));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), UnprotectedCall.class.getName(), mode));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theUnprotectedCallKillsAJvmWhereTheTableSucceeds() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "OpenBLAS runs one thread here: nothing to crash");
        Process raw = child("raw");
        Process table = child("table");
        String rawOut = finish(raw);
        String tableOut = finish(table);
        assertNotEquals(0, raw.exitValue(), "the raw getrf survived a 256 KB stack; output: " + rawOut);
        assertTrue(!rawOut.contains(UnprotectedCall.DONE), rawOut);
        assertEquals(0, table.exitValue(), "the table's getrf failed in a -Xss256k JVM; output: " + tableOut);
        assertTrue(tableOut.contains(UnprotectedCall.DONE), tableOut);
    }
}
