package org.fusemath.solver;

import static org.fusemath.solver.LinalgTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.solver.host.LapackSvd;
import org.junit.jupiter.api.Test;

/**
 * The plans' workspace reuse, through a recording {@link NativeLapack}: a plan queries LAPACK's workspace sizes
 * when made (orgqr/ungqr's on the first Q it forms) and never again, makes no call to the table's one-shot forms
 * (which query inside), and gives results bit-identical to the function forms, which query per call.
 */
class WorkspacePlanTest {
    /** The host table with every call recorded as "name" or "name?" for a workspace query (lwork = -1). */
    static final class Recording {
        final List<String> calls = new ArrayList<>();
        final NativeLapack table;

        Recording() {
            NativeLapack real = NativeCalls.lapack();
            table = (NativeLapack) Proxy.newProxyInstance(NativeLapack.class.getClassLoader(),
                    new Class<?>[] {NativeLapack.class}, (proxy, method, args) -> {
                        synchronized (calls) {
                            calls.add(method.getName() + (isQuery(method.getName(), args) ? "?" : "")
                                    + (isOneShot(method.getName(), args) ? "(one-shot)" : ""));
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** The explicit-workspace forms' lwork positions: geqrf 10 args, orgqr 11, gelsd 19, gesdd/gesvd/syevd/geev. */
        private static boolean isQuery(String name, Object[] args) {
            int lwork = switch (name + "/" + args.length) {
                case "geqrf/10" -> 9;
                case "orgqr/11" -> 10;
                case "gelsd/19" -> 16;
                case "gesdd/19" -> 16;
                case "gesvd/19" -> 17;
                case "syevd/15" -> 10;
                case "geev/18" -> 16;
                default -> -1;
            };
            return lwork >= 0 && (Integer) args[lwork] == -1;
        }

        /** geqrf, orgqr and gelsd without a workspace argument query LAPACK inside every call. */
        private static boolean isOneShot(String name, Object[] args) {
            return switch (name + "/" + args.length) {
                case "geqrf/8", "orgqr/9", "gelsd/15" -> true;
                default -> false;
            };
        }

        List<String> take() {
            synchronized (calls) {
                List<String> copy = List.copyOf(calls);
                calls.clear();
                return copy;
            }
        }
    }

    private static void assertSameArray(Object expected, Object actual, String what) {
        if (expected instanceof double[] d) {
            assertArrayEquals(d, (double[]) actual, what);
        } else {
            assertArrayEquals((float[]) expected, (float[]) actual, what);
        }
    }

    private static final FuseContext CONTEXT = FuseContext.defaults();

    @Test
    void aQrPlanQueriesOnceAndMatchesTheFunctionFormBitForBit() {
        int[][] shapes = {{60, 35}, {35, 60}};
        for (DType t : new DType[] {DType.F64, DType.C64}) {
            for (Layout layout : Layout.values()) {
                for (int[] shape : shapes) {
                    int m = shape[0];
                    int n = shape[1];
                    String what = t + " " + layout + " " + m + "x" + n;
                    Recording rec = new Recording();
                    QrPlan plan = QrPlan.create(CONTEXT, t, m, n, rec.table);
                    assertEquals(List.of("geqrf?"), rec.take(), what + ": the plan's one query");
                    for (int run = 0; run < 3; run++) {
                        HostMatrix a = random(t, m, n, layout, 100 + run);
                        QrFactorization planned = plan.execute(a);
                        QrFactorization oneShot = QrFactorization.factor(CONTEXT, a);
                        assertSameArray(oneShot.r().array(), planned.r().array(), what + " R, run " + run);
                        assertSameArray(oneShot.q().array(), planned.q().array(), what + " thin Q, run " + run);
                        assertSameArray(oneShot.q(true).array(), planned.q(true).array(), what + " full Q, run " + run);
                        List<String> calls = rec.take();
                        // First run: orgqr's queries for the thin and (when m > n) the full Q; none after it.
                        List<String> expected = new ArrayList<>();
                        expected.add("geqrf");
                        if (run == 0) {
                            expected.add("orgqr?");
                        }
                        expected.add("orgqr");
                        if (m > n && run == 0) {
                            expected.add("orgqr?");
                        }
                        expected.add("orgqr");
                        assertEquals(expected, calls, what + ", run " + run);
                    }
                }
            }
        }
    }

    @Test
    void aLeastSquaresPlanQueriesOnceAndMatchesLstsqBitForBit() {
        int[][] shapes = {{70, 40, 3}, {40, 70, 2}, {50, 50, 1}};
        for (DType t : new DType[] {DType.F64, DType.F32, DType.C128}) {
            for (int[] shape : shapes) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                String what = t + " " + m + "x" + n + " k=" + k;
                Recording rec = new Recording();
                LeastSquaresPlan plan = LeastSquaresPlan.create(CONTEXT, t, m, n, k, rec.table);
                assertEquals(List.of("gelsd?"), rec.take(), what + ": the plan's one query");
                for (int run = 0; run < 3; run++) {
                    HostMatrix a = random(t, m, n, run == 1 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR, 7 + run);
                    HostMatrix b = random(t, m, k, Layout.COLUMN_MAJOR, 70 + run);
                    double rcond = run == 2 ? 0.3 : LeastSquares.defaultRcond(t, m, n);
                    LeastSquares planned = plan.execute(a, b, rcond);
                    assertEquals(List.of("gelsd"), rec.take(), what + ": no query in run " + run);
                    LeastSquares oneShot = Linalg.lstsq(CONTEXT, a, b, rcond);
                    assertSameArray(oneShot.x().array(), planned.x().array(), what + " X, run " + run);
                    assertArrayEquals(oneShot.singularValues(), planned.singularValues(), what + " s, run " + run);
                    assertArrayEquals(oneShot.residuals(), planned.residuals(), what + " residuals, run " + run);
                    assertEquals(oneShot.rank(), planned.rank(), what + " rank, run " + run);
                }
                assertThrows(ShapeMismatchException.class, () -> plan.execute(random(t, m, n, Layout.COLUMN_MAJOR, 1),
                        random(t, m, k + 1, Layout.COLUMN_MAJOR, 2)), "b with another number of columns");
            }
        }
    }

    @Test
    void theSvdQueriesItsWorkspaceOnlyWhenMade() {
        Recording rec = new Recording();
        int m = 40;
        int n = 25;
        LapackSvd svd = new LapackSvd(rec.table, DType.F64, m, n, 'S');
        assertEquals(List.of("gesdd?"), rec.take());
        for (int run = 0; run < 2; run++) {
            double[] a = (double[]) random(DType.F64, m, n, Layout.COLUMN_MAJOR, run).array();
            svd.compute(1, a, buffer -> { }, new double[n], new double[m * n], new double[n * n]);
            assertEquals(List.of("gesdd"), rec.take(), "run " + run);
        }
    }
}
