package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Ref;
import org.junit.jupiter.api.Test;

/**
 * The explicit-workspace forms of geqrf, orgqr/ungqr and gelsd on every call path: a workspace queried once and
 * reused gives results bit-identical to the one-shot forms (which query per call), gelsd's query reports the
 * integer and real workspace sizes the checks demand, and arrays shorter than required are rejected, by name with
 * their length and the required one, before any native code runs (the inputs are left untouched).
 */
class LapackWorkspaceTest {
    private static Object zeros(DType t, int elements) {
        return t.isSinglePrecision() ? new float[elements * t.slotsPerElement()] : new double[elements * t.slotsPerElement()];
    }

    private static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof double[] d) {
            assertArrayEquals(d, (double[]) actual, what);
        } else {
            assertArrayEquals((float[]) expected, (float[]) actual, what);
        }
    }

    private static int queried(Object work) {
        return CheckedLapack.queriedSize(work, 1);
    }

    @Test
    void qrWithAWorkspaceQueriedOnceMatchesTheOneShotFormBitForBit() {
        int[][] shapes = {{13, 7}, {7, 13}, {40, 40}};
        for (NativeLapack table : NativeLapackTest.tables()) {
            for (DType t : DType.values()) {
                for (int[] shape : shapes) {
                    int m = shape[0];
                    int n = shape[1];
                    int k = Math.min(m, n);
                    String what = t + " " + m + "x" + n + " " + table.getClass().getSimpleName();
                    Object a = Ref.random(t, m * n * t.slotsPerElement(), m + 31L * n);
                    Object expected = Ref.copy(a);
                    Object expectedTau = zeros(t, k);
                    assertEquals(0, table.geqrf(t, m, n, expected, 0, m, expectedTau, 0));

                    Object query = zeros(t, 1);
                    assertEquals(0, table.geqrf(t, m, n, null, 0, m, null, 0, query, -1));
                    int lwork = Math.max(n, queried(query));
                    Object work = zeros(t, lwork);
                    for (int run = 0; run < 2; run++) {
                        Object f = Ref.copy(a);
                        Object tau = zeros(t, k);
                        assertEquals(0, table.geqrf(t, m, n, f, 0, m, tau, 0, work, lwork));
                        assertSame(expected, f, "geqrf factors " + what + " run " + run);
                        assertSame(expectedTau, tau, "geqrf tau " + what + " run " + run);
                    }

                    // Q's first k columns from the reflectors, one-shot and with a reused workspace.
                    Object q = Ref.copy(expected);
                    assertEquals(0, table.orgqr(t, m, k, k, q, 0, m, expectedTau, 0));
                    Object oq = zeros(t, 1);
                    assertEquals(0, table.orgqr(t, m, k, k, null, 0, m, null, 0, oq, -1));
                    int olwork = Math.max(k, queried(oq));
                    Object owork = zeros(t, olwork);
                    for (int run = 0; run < 2; run++) {
                        Object q2 = Ref.copy(expected);
                        assertEquals(0, table.orgqr(t, m, k, k, q2, 0, m, expectedTau, 0, owork, olwork));
                        assertSame(q, q2, "orgqr " + what + " run " + run);
                    }
                }
            }
        }
    }

    @Test
    void gelsdWithWorkspacesQueriedOnceMatchesTheOneShotFormBitForBit() {
        int[][] shapes = {{9, 5, 2}, {5, 9, 1}, {60, 60, 3}, {20, 70, 2}};
        for (NativeLapack table : NativeLapackTest.tables()) {
            for (DType t : DType.values()) {
                for (int[] shape : shapes) {
                    int m = shape[0];
                    int n = shape[1];
                    int nrhs = shape[2];
                    int ldb = Math.max(m, n);
                    int s = t.slotsPerElement();
                    String what = t + " " + m + "x" + n + " " + table.getClass().getSimpleName();
                    Object a = Ref.random(t, m * n * s, 7L * m + n);
                    Object b = Ref.random(t, ldb * nrhs * s, 11L * m + n);
                    Object expectedB = Ref.copy(b);
                    Object expectedS = zeros(t.componentType(), Math.min(m, n));
                    int[] expectedRank = new int[1];
                    assertEquals(0, table.gelsd(t, m, n, nrhs, Ref.copy(a), 0, m, expectedB, 0, ldb, expectedS, 0, -1,
                            expectedRank, 0));

                    Object query = zeros(t, 1);
                    Object rquery = t.isComplex() ? zeros(t.componentType(), 1) : null;
                    int[] iquery = new int[1];
                    int[] rank = new int[1];
                    assertEquals(0, table.gelsd(t, m, n, nrhs, null, 0, m, null, 0, ldb, null, 0, -1, rank, 0, query, -1,
                            rquery, iquery));
                    // The sizes the checks demand are the ones LAPACK's query reports.
                    assertEquals(CheckedLapack.gelsdIwork(m, n), iquery[0], "liwork " + what);
                    if (t.isComplex()) {
                        assertEquals(CheckedLapack.gelsdRwork(m, n, nrhs), (long) Ref.get(rquery, 0), "lrwork " + what);
                    }
                    int lwork = queried(query);
                    Object work = zeros(t, lwork);
                    Object rwork = t.isComplex() ? zeros(t.componentType(), queried(rquery)) : null;
                    int[] iwork = new int[iquery[0]];
                    for (int run = 0; run < 2; run++) {
                        Object x = Ref.copy(b);
                        Object sv = zeros(t.componentType(), Math.min(m, n));
                        assertEquals(0, table.gelsd(t, m, n, nrhs, Ref.copy(a), 0, m, x, 0, ldb, sv, 0, -1, rank, 0,
                                work, lwork, rwork, iwork));
                        assertSame(expectedB, x, "gelsd X " + what + " run " + run);
                        assertSame(expectedS, sv, "gelsd s " + what + " run " + run);
                        assertEquals(expectedRank[0], rank[0], "rank " + what);
                    }
                }
            }
        }
    }

    /** Asserts the call is rejected naming {@code argument}, with its length and the required size in the message. */
    private static void rejected(String argument, String length, String required, Runnable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call::run);
        assertEquals(argument, e.argument(), e.getMessage());
        assertTrue(e.getMessage().contains(length), e.getMessage());
        assertTrue(e.getMessage().contains(required), e.getMessage());
    }

    @Test
    void tooShortWorkspacesAreRejectedBeforeAnyNativeCall() {
        int m = 30;
        int n = 20;
        for (NativeLapack table : NativeLapackTest.tables()) {
            double[] a = (double[]) Ref.random(DType.F64, m * n, 1);
            double[] before = a.clone();
            double[] tau = new double[n];
            // work shorter than the lwork it claims: it would be written past its end.
            rejected("work", "length 100", "at least 640", () -> table.geqrf(DType.F64, m, n, a, 0, m, tau, 0,
                    new double[100], 640));
            rejected("lwork", "5", "max(1, n) = 20", () -> table.geqrf(DType.F64, m, n, a, 0, m, tau, 0,
                    new double[5], 5));
            rejected("work", "length 100", "at least 640", () -> table.orgqr(DType.F64, m, n, n, a, 0, m, tau, 0,
                    new double[100], 640));
            rejected("work", "length 0", "at least 1", () -> table.geqrf(DType.F64, m, n, a, 0, m, tau, 0,
                    new double[0], -1));

            double[] b = new double[m];
            double[] bBefore = b.clone();
            double[] sv = new double[n];
            long liwork = CheckedLapack.gelsdIwork(m, n);
            rejected("iwork", "int[" + (liwork - 1) + "]", "at least " + liwork, () -> table.gelsd(DType.F64, m, n, 1,
                    a, 0, m, b, 0, m, sv, 0, -1, new int[1], 0, new double[10_000], 10_000, null,
                    new int[(int) liwork - 1]));
            rejected("work", "length 10", "at least 10000", () -> table.gelsd(DType.F64, m, n, 1, a, 0, m, b, 0, m, sv,
                    0, -1, new int[1], 0, new double[10], 10_000, null, new int[(int) liwork]));
            long lrwork = CheckedLapack.gelsdRwork(m, n, 1);
            double[] c = new double[2 * m * n];
            rejected("rwork", "length " + (lrwork - 1), "at least " + lrwork, () -> table.gelsd(DType.C128, m, n, 1, c,
                    0, m, new double[2 * m], 0, m, new double[n], 0, -1, new int[1], 0, new double[20_000], 10_000,
                    new double[(int) lrwork - 1], new int[(int) liwork]));
            // Nothing ran: the inputs are as they were.
            assertArrayEquals(before, a);
            assertArrayEquals(bBefore, b);
        }
    }
}
