package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Uplo;
import org.junit.jupiter.api.Test;

/** The LAPACK table solves small column-major systems on both call paths, within backward-error bounds. */
class NativeLapackTest {
    private static final int N = 7;
    private static final int NRHS = 3;

    static List<NativeLapack> tables() {
        List<NativeLapack> t = new ArrayList<>();
        t.add(NativeCalls.lapack());
        if (!NativeCalls.callPath().equals("javacpp")) {
            t.add(new JavacppLapack());
        }
        return t;
    }

    private static Object matrix(DType t, boolean hermitian, long seed) {
        return matrix(t, N, hermitian, seed);
    }

    /**
     * A column-major n×n matrix: random plus n on the diagonal (well conditioned); Hermitian, and then positive
     * definite, when asked (the upper triangle mirrored, conjugated, into the lower; a real diagonal).
     */
    static Object matrix(DType t, int n, boolean hermitian, long seed) {
        int s = t.slotsPerElement();
        Object a = Ref.random(t, n * n * s, seed);
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; hermitian && i < n; i++) {
                int lower = (j * n + i) * s;
                int upper = (i * n + j) * s;
                Ref.set(a, lower, Ref.get(a, upper));
                if (s == 2) {
                    Ref.set(a, lower + 1, -Ref.get(a, upper + 1));
                }
            }
            int d = (j * n + j) * s;
            Ref.set(a, d, Ref.get(a, d) + n);
            if (hermitian && s == 2) {
                Ref.set(a, d + 1, 0);
            }
        }
        return a;
    }

    /** max |A·X − B| / (‖A‖·‖X‖ + ‖B‖) over the column-major operands. */
    private static double residual(DType t, Object a, Object x, Object b) {
        int s = t.slotsPerElement();
        double worst = 0;
        double normA = 0;
        double normX = 0;
        double normB = 0;
        for (int i = 0; i < N * N * s; i++) {
            normA = Math.max(normA, Math.abs(Ref.get(a, i)));
        }
        for (int i = 0; i < N * NRHS * s; i++) {
            normX = Math.max(normX, Math.abs(Ref.get(x, i)));
            normB = Math.max(normB, Math.abs(Ref.get(b, i)));
        }
        for (int c = 0; c < NRHS; c++) {
            for (int i = 0; i < N; i++) {
                double re = 0;
                double im = 0;
                for (int p = 0; p < N; p++) {
                    double ar = Ref.get(a, (p * N + i) * s);
                    double ai = s == 2 ? Ref.get(a, (p * N + i) * s + 1) : 0;
                    double xr = Ref.get(x, (c * N + p) * s);
                    double xi = s == 2 ? Ref.get(x, (c * N + p) * s + 1) : 0;
                    re += ar * xr - ai * xi;
                    im += ar * xi + ai * xr;
                }
                re -= Ref.get(b, (c * N + i) * s);
                im -= s == 2 ? Ref.get(b, (c * N + i) * s + 1) : 0;
                worst = Math.max(worst, Math.hypot(re, im));
            }
        }
        return worst / (N * normA * normX + normB);
    }

    /** The backward error a stable factorisation reaches: a small multiple of n·u. */
    private static double bound(DType t) {
        return 10 * N * t.unitRoundoff();
    }

    @Test
    void luSolveIsBackwardStable() {
        for (NativeLapack table : tables()) {
            for (DType t : DType.values()) {
                Object a = matrix(t, false, 11);
                Object lu = Ref.copy(a);
                Object b = Ref.random(t, N * NRHS * t.slotsPerElement(), 12);
                Object x = Ref.copy(b);
                int[] ipiv = new int[N + 2];
                assertEquals(0, table.getrf(t, N, N, lu, 0, N, ipiv, 2));
                assertEquals(0, table.getrs(t, Trans.N, N, NRHS, lu, 0, N, ipiv, 2, x, 0, N));
                double r = residual(t, a, x, b);
                assertTrue(r <= bound(t), t + " LU residual " + r);
                assertEquals(0, ipiv[0], "ipiv before its offset untouched");
            }
        }
    }

    @Test
    void choleskySolveIsBackwardStableAndSingularityIsReported() {
        for (NativeLapack table : tables()) {
            for (DType t : DType.values()) {
                Object a = matrix(t, true, 13);
                Object l = Ref.copy(a);
                Object b = Ref.random(t, N * NRHS * t.slotsPerElement(), 14);
                Object x = Ref.copy(b);
                assertEquals(0, table.potrf(t, Uplo.LOWER, N, l, 0, N));
                assertEquals(0, table.potrs(t, Uplo.LOWER, N, NRHS, l, 0, N, x, 0, N));
                double r = residual(t, a, x, b);
                assertTrue(r <= bound(t), t + " Cholesky residual " + r);
                Object notPd = Ref.copy(a);
                Ref.set(notPd, (3 * N + 3) * t.slotsPerElement(), -1e3);
                assertEquals(4, table.potrf(t, Uplo.LOWER, N, notPd, 0, N), "info names the failing leading minor");
            }
        }
    }

    @Test
    void qrKeepsColumnNorms() {
        for (NativeLapack table : tables()) {
            for (DType t : DType.values()) {
                int s = t.slotsPerElement();
                Object a = matrix(t, false, 15);
                Object qr = Ref.copy(a);
                Object tau = t.isSinglePrecision() ? new float[N * s] : new double[N * s];
                assertEquals(0, table.geqrf(t, N, N, qr, 0, N, tau, 0));
                // |R[0,0]| is the 2-norm of A's first column.
                double norm = 0;
                for (int i = 0; i < N; i++) {
                    norm += Math.pow(Ref.get(a, i * s), 2) + (s == 2 ? Math.pow(Ref.get(a, i * s + 1), 2) : 0);
                }
                double r00 = Math.hypot(Ref.get(qr, 0), s == 2 ? Ref.get(qr, 1) : 0);
                assertEquals(Math.sqrt(norm), r00, 10 * N * t.unitRoundoff() * Math.sqrt(norm), t.toString());
            }
        }
    }

    @Test
    void nanPropagatesInsteadOfBeingRejected() {
        for (NativeLapack table : tables()) {
            for (DType t : DType.values()) {
                Object a = matrix(t, true, 16);
                Ref.set(a, 0, Double.NaN);
                Object b = Ref.random(t, N * t.slotsPerElement(), 17);
                int[] ipiv = new int[N];
                table.getrf(t, N, N, a, 0, N, ipiv, 0);
                table.getrs(t, Trans.N, N, 1, a, 0, N, ipiv, 0, b, 0, N);
                boolean nan = false;
                for (int i = 0; i < N * t.slotsPerElement(); i++) {
                    nan |= Double.isNaN(Ref.get(b, i));
                }
                assertTrue(nan, t + ": a NaN in A must reach the solution");
            }
        }
    }

    /**
     * getrs swaps rows by the values in ipiv without checking them (laswp), so each must be a 1-based row in 1..n:
     * every position of a valid pivot vector, set in turn to each out-of-range value, is refused naming ipiv, the
     * index and the value, and B is left untouched (the native call never ran).
     */
    @Test
    void outOfRangePivotsAreRefusedBeforeGetrs() {
        int off = 3;
        for (NativeLapack table : tables()) {
            for (DType t : DType.values()) {
                Object lu = matrix(t, false, 18);
                int[] ipiv = new int[off + N];
                assertEquals(0, table.getrf(t, N, N, lu, 0, N, ipiv, off));
                Object b = Ref.random(t, N * t.slotsPerElement(), 19);
                for (int i = 0; i < N; i++) {
                    for (int bad : new int[] {0, -1, N + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                        int[] pivots = ipiv.clone();
                        pivots[off + i] = bad;
                        Object x = Ref.copy(b);
                        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                                () -> table.getrs(t, Trans.N, N, 1, lu, 0, N, pivots, off, x, 0, N), t + " " + i + " " + bad);
                        assertEquals("ipiv", e.argument());
                        assertEquals("ipiv = " + bad + " at index " + (off + i) + ": expected a 1-based row number in 1.." + N
                                + " (as getrf writes it)", e.getMessage());
                        assertTrue(java.util.Arrays.deepEquals(new Object[] {b}, new Object[] {x}), "B untouched");
                    }
                }
                // Entries before the offset are not pivots and are not read.
                int[] pivots = ipiv.clone();
                pivots[0] = -7;
                Object x = Ref.copy(b);
                assertEquals(0, table.getrs(t, Trans.N, N, 1, lu, 0, N, pivots, off, x, 0, N));
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        for (NativeLapack table : tables()) {
            assertThrows(InvalidArgumentException.class, () -> table.getrf(DType.F64, 3, 3, new double[8], 0, 3, new int[3], 0));
            assertThrows(InvalidArgumentException.class, () -> table.getrf(DType.F64, 3, 3, new double[9], 0, 2, new int[3], 0));
            assertThrows(InvalidArgumentException.class, () -> table.getrf(DType.F64, 3, 3, new double[9], 0, 3, new int[2], 0));
            assertThrows(InvalidArgumentException.class, () -> table.getrs(DType.F64, Trans.R, 3, 1, new double[9], 0, 3,
                    new int[3], 0, new double[3], 0, 3));
        }
    }
}
