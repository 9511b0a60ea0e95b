package org.fusemath.solver.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusemath.api.DType;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.junit.jupiter.api.Test;

/**
 * LAPACK's no-convergence reports (info &gt; 0) reach the caller as {@link NoConvergenceException}, after gesdd's
 * fallback to gesvd, and workspaces are queried once per solver. LAPACK does not fail on demand, so a call table
 * that forwards to the real one reports chosen routines as failed, and counts the workspace queries.
 */
class SpectralFailureTest {
    /** Calls per routine name, queries (an lwork of -1) apart. */
    private final Map<String, AtomicInteger> calls = new HashMap<>();

    private NativeLapack failing(Map<String, Integer> infos) {
        NativeLapack real = NativeCalls.lapack();
        return (NativeLapack) Proxy.newProxyInstance(NativeLapack.class.getClassLoader(),
                new Class<?>[] {NativeLapack.class}, (proxy, method, args) -> {
                    boolean query = false;
                    for (Object arg : args) {
                        query |= arg instanceof Integer i && i == -1;
                    }
                    String key = method.getName() + (query ? " query" : "");
                    calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return !query && infos.containsKey(method.getName()) ? infos.get(method.getName()) : result;
                });
    }

    private int count(String key) {
        AtomicInteger c = calls.get(key);
        return c == null ? 0 : c.get();
    }

    /** A column-major 6×4 matrix with known singular values 4, 3, 2, 1 (rows of the identity, scaled). */
    private static double[] diagonal() {
        double[] a = new double[24];
        for (int j = 0; j < 4; j++) {
            a[j * 6 + j] = 4 - j;
        }
        return a;
    }

    @Test
    void gesddFailingFallsBackToGesvdOnTheRefilledInput() {
        LapackSvd svd = new LapackSvd(failing(Map.of("gesdd", 1)), DType.F64, 6, 4, 'S');
        AtomicInteger refills = new AtomicInteger();
        double[] a = diagonal();
        double[] s = new double[4];
        double[] u = new double[24];
        double[] vt = new double[16];
        svd.compute(1, a, buffer -> {
            refills.incrementAndGet();
            System.arraycopy(diagonal(), 0, buffer, 0, 24);
        }, s, u, vt);
        assertEquals(1, refills.get());
        assertEquals(1, count("gesvd"));
        assertArrayEquals(new double[] {4, 3, 2, 1}, s, 1e-15);
        // A second failure reuses gesvd's workspace: still one query each.
        svd.compute(1, diagonal(), buffer -> System.arraycopy(diagonal(), 0, buffer, 0, 24), s, u, vt);
        assertEquals(1, count("gesdd query"));
        assertEquals(1, count("gesvd query"));
        assertEquals(2, count("gesvd"));
    }

    @Test
    void bothSvdDriversFailingIsNoConvergenceWithGesvdsInfo() {
        LapackSvd svd = new LapackSvd(failing(Map.of("gesdd", 1, "gesvd", 2)), DType.C64, 6, 4, 'N');
        NoConvergenceException e = assertThrows(NoConvergenceException.class, () -> svd.compute(1,
                new float[48], buffer -> { }, new float[4], null, null));
        assertEquals(2, e.info());
    }

    @Test
    void eigenSolversMapInfoToNoConvergence() {
        LapackEigh eigh = new LapackEigh(failing(Map.of("syevd", 3)), DType.C128, 5, 'V');
        NoConvergenceException h = assertThrows(NoConvergenceException.class,
                () -> eigh.compute(1, Uplo.LOWER, new double[50], new double[5]));
        assertEquals(3, h.info());
        LapackEig eig = new LapackEig(failing(Map.of("geev", 2)), DType.F32, 5, true);
        NoConvergenceException g = assertThrows(NoConvergenceException.class,
                () -> eig.compute(1, new float[25], new float[10], new float[50]));
        assertEquals(2, g.info());
    }

    @Test
    void eachSolverQueriesItsWorkspaceOnceForAnyNumberOfCalls() {
        NativeLapack counting = failing(Map.of());
        LapackSvd svd = new LapackSvd(counting, DType.F32, 6, 4, 'A');
        LapackEigh eigh = new LapackEigh(counting, DType.F64, 4, 'V');
        LapackEig eig = new LapackEig(counting, DType.C64, 4, true);
        for (int i = 0; i < 3; i++) {
            float[] a = new float[24];
            a[0] = 1;
            svd.compute(1, a, buffer -> { }, new float[4], new float[36], new float[16]);
            double[] h = new double[16];
            h[5] = 2;
            eigh.compute(1, Uplo.UPPER, h, new double[4]);
            float[] g = new float[32];
            g[0] = 1;
            eig.compute(1, g, new float[8], new float[32]);
        }
        assertEquals(1, count("gesdd query"));
        assertEquals(3, count("gesdd"));
        assertEquals(1, count("syevd query"));
        assertEquals(3, count("syevd"));
        assertEquals(1, count("geev query"));
        assertEquals(3, count("geev"));
    }
}
