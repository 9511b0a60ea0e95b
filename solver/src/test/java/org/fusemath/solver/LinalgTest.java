package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Scalar;
import org.junit.jupiter.api.Test;

/**
 * solve, inv and det against their definitions: normwise backward error of LU with partial pivoting
 * (‖A·X − B‖ ≤ c·n·u·‖A‖·‖X‖, infinity norms, for the matrices drawn here c = 4 holds with a wide margin; Higham,
 * Accuracy and Stability, Thm. 9.4 bounds it by γ₃ₙ times the growth factor), and det against the product of a
 * triangular factor's diagonal with a known permutation's sign.
 */
class LinalgTest {
    private static final double C = 4;

    /** A random n×n matrix (entries uniform in [-1, 1]) in {@code layout}. */
    static HostMatrix random(DType t, int n, int cols, Layout layout, long seed) {
        Random r = new Random(seed);
        int slots = n * cols * t.slotsPerElement();
        Object data = t.isSinglePrecision() ? new float[slots] : new double[slots];
        for (int i = 0; i < slots; i++) {
            set(data, i, 2 * r.nextDouble() - 1);
        }
        return HostMatrix.of(t, data, MatrixShape.dense(n, cols, layout));
    }

    static double get(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    static void set(Object a, int i, double v) {
        if (a instanceof double[] d) {
            d[i] = v;
        } else {
            ((float[]) a)[i] = (float) v;
        }
    }

    static double re(HostMatrix m, long i, long j) {
        return get(m.array(), (int) (m.shape().indexOf(0, i, j) * m.dtype().slotsPerElement()));
    }

    static double im(HostMatrix m, long i, long j) {
        return m.dtype().isComplex() ? get(m.array(), (int) (m.shape().indexOf(0, i, j) * 2) + 1) : 0;
    }

    static double normInf(HostMatrix m) {
        double worst = 0;
        for (long i = 0; i < m.shape().rows(); i++) {
            double row = 0;
            for (long j = 0; j < m.shape().cols(); j++) {
                row += Math.hypot(re(m, i, j), im(m, i, j));
            }
            worst = Math.max(worst, row);
        }
        return worst;
    }

    /** ‖A·X − B‖∞ / (n·u·‖A‖∞·‖X‖∞), computed in double from the stored values. */
    static double backwardError(HostMatrix a, HostMatrix x, HostMatrix b) {
        long n = a.shape().rows();
        double worst = 0;
        for (long i = 0; i < n; i++) {
            double row = 0;
            for (long c = 0; c < x.shape().cols(); c++) {
                double sr = -re(b, i, c);
                double si = -im(b, i, c);
                for (long p = 0; p < n; p++) {
                    sr += re(a, i, p) * re(x, p, c) - im(a, i, p) * im(x, p, c);
                    si += re(a, i, p) * im(x, p, c) + im(a, i, p) * re(x, p, c);
                }
                row += Math.hypot(sr, si);
            }
            worst = Math.max(worst, row);
        }
        return worst / (n * a.dtype().unitRoundoff() * normInf(a) * normInf(x));
    }

    static HostMatrix identity(DType t, int n) {
        HostMatrix m = HostMatrix.of(t, t.isSinglePrecision() ? new float[n * n * t.slotsPerElement()]
                : new double[n * n * t.slotsPerElement()], MatrixShape.rowMajor(n, n));
        for (int i = 0; i < n; i++) {
            set(m.array(), i * (n + 1) * t.slotsPerElement(), 1);
        }
        return m;
    }

    @Test
    void solveMeetsTheBackwardErrorBoundForEveryTypeLayoutAndShape() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (int n : new int[] {1, 2, 7, 64, 300}) {
                    HostMatrix a = random(t, n, n, la, n);
                    Object before = copy(a.array());
                    // One factorisation serves every right-hand side; the function form is checked against it.
                    LuFactorization lu = LuFactorization.factor(a);
                    for (int k : new int[] {1, 3}) {
                        for (Layout lb : Layout.values()) {
                            HostMatrix b = random(t, n, k, lb, 100 + n + k);
                            HostMatrix x = lu.solve(b);
                            if (k == 3 && lb == la) {
                                assertArrayEquals(x.array(), Linalg.solve(a, b).array(), "Linalg.solve");
                            }
                            assertEquals(lb, x.shape().layout());
                            assertEquals(n, x.shape().rows());
                            assertEquals(k, x.shape().cols());
                            double e = backwardError(a, x, b);
                            assertTrue(e <= C, t + " A " + la + " B " + lb + " n=" + n + " k=" + k + ": backward error "
                                    + e + " n·u·‖A‖‖X‖");
                        }
                    }
                    assertArrayEquals(before, a.array(), "A changed");
                }
            }
        }
    }

    private static Object copy(Object a) {
        return a instanceof double[] d ? d.clone() : ((float[]) a).clone();
    }

    private static void assertArrayEquals(Object expected, Object actual, String what) {
        if (expected instanceof double[] d) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(d, (double[]) actual, what);
        } else {
            org.junit.jupiter.api.Assertions.assertArrayEquals((float[]) expected, (float[]) actual, what);
        }
    }

    @Test
    void inverseTimesAIsTheIdentityWithinTheBound() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (int n : new int[] {1, 5, 200}) {
                    HostMatrix a = random(t, n, n, la, 7 * n);
                    HostMatrix inv = Linalg.inv(a);
                    assertEquals(la, inv.shape().layout());
                    double e = backwardError(a, inv, identity(t, n));
                    assertTrue(e <= C, t + " " + la + " n=" + n + ": ‖A·inv(A) − I‖ = " + e + " n·u·‖A‖‖inv(A)‖");
                }
            }
        }
    }

    /** A = P·L·U with unit lower L, upper U (diagonal 1..2, so no overflow) and P swapping rows 0 and 1. */
    @Test
    void determinantIsThePivotSignTimesTheProductOfUsDiagonal() {
        int n = 40;
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                Random r = new Random(3);
                double[][] lr = new double[n][n];
                double[][] li = new double[n][n];
                double[][] ur = new double[n][n];
                double[][] ui = new double[n][n];
                double detRe = 1;
                double detIm = 0;
                for (int i = 0; i < n; i++) {
                    lr[i][i] = 1;
                    for (int j = 0; j < n; j++) {
                        if (j < i) {
                            lr[i][j] = r.nextDouble() - 0.5;
                            li[i][j] = t.isComplex() ? r.nextDouble() - 0.5 : 0;
                        } else {
                            ur[i][j] = j == i ? 1 + r.nextDouble() : r.nextDouble() - 0.5;
                            ui[i][j] = t.isComplex() ? r.nextDouble() - 0.5 : 0;
                        }
                    }
                    double nr = detRe * ur[i][i] - detIm * ui[i][i];
                    detIm = detRe * ui[i][i] + detIm * ur[i][i];
                    detRe = nr;
                }
                // One row swap: det(P) = -1.
                detRe = -detRe;
                detIm = -detIm;
                HostMatrix a = HostMatrix.of(t, t.isSinglePrecision() ? new float[n * n * t.slotsPerElement()]
                        : new double[n * n * t.slotsPerElement()], MatrixShape.dense(n, n, layout));
                for (int i = 0; i < n; i++) {
                    int row = i == 0 ? 1 : i == 1 ? 0 : i;
                    for (int j = 0; j < n; j++) {
                        double sr = 0;
                        double si = 0;
                        for (int p = 0; p < n; p++) {
                            sr += lr[i][p] * ur[p][j] - li[i][p] * ui[p][j];
                            si += lr[i][p] * ui[p][j] + li[i][p] * ur[p][j];
                        }
                        int at = (int) a.shape().indexOf(0, row, j) * t.slotsPerElement();
                        set(a.array(), at, sr);
                        if (t.isComplex()) {
                            set(a.array(), at + 1, si);
                        }
                    }
                }
                Scalar det = Linalg.det(a);
                double magnitude = Math.hypot(detRe, detIm);
                // Rounding A to the type and LU's backward error perturb each U(i,i) by O(n·u) relatively.
                double bound = 8 * n * n * t.unitRoundoff() * magnitude;
                assertTrue(Math.hypot(det.re() - detRe, det.im() - detIm) <= bound, t + " " + layout + ": det " + det
                        + " expected " + detRe + (t.isComplex() ? "+" + detIm + "j" : "") + " within " + bound);
            }
        }
    }

    @Test
    void smallCasesAreExact() {
        HostMatrix a = HostMatrix.of(new double[] {4, 3, 6, 3}, 2, 2);
        assertEquals(Scalar.of(-6.0), Linalg.det(a));
        HostMatrix x = Linalg.solve(a, HostMatrix.of(new double[] {10, 12}, 2, 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2}, (double[]) x.array(), 1e-15);
        HostMatrix inv = Linalg.inv(a);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-0.5, 0.5, 1, -2.0 / 3}, (double[]) inv.array(),
                1e-15);
        assertEquals(Scalar.ONE, Linalg.det(HostMatrix.of(new double[0], 0, 0)));
        assertEquals(0, Linalg.solve(HostMatrix.of(new double[0], 0, 0), HostMatrix.of(new double[0], 0, 1)).shape().size());
    }

    @Test
    void anExactlySingularMatrixFailsSolveAndInvWithLapacksInfoAndHasDeterminantZero() {
        for (Layout layout : Layout.values()) {
            // [[1, 2], [2, 4]]: the second pivot is exactly 4 - 2·2 = 0.
            HostMatrix a = HostMatrix.of(DType.F64, new double[] {1, 2, 2, 4}, MatrixShape.dense(2, 2, layout));
            SingularMatrixException e = assertThrows(SingularMatrixException.class,
                    () -> Linalg.solve(a, HostMatrix.of(new double[] {1, 1}, 2, 1)));
            assertEquals(2, e.info());
            assertTrue(e.getMessage().contains("singular"), e.getMessage());
            assertEquals(2, assertThrows(SingularMatrixException.class, () -> Linalg.inv(a)).info());
            assertEquals(Scalar.ZERO, Linalg.det(a));
            assertTrue(LuFactorization.factor(a).isSingular());
        }
        HostMatrix zero = HostMatrix.complex(new float[8], 2, 2);
        assertEquals(1, assertThrows(SingularMatrixException.class, () -> Linalg.inv(zero)).info());
    }

    @Test
    void badArgumentsAreNamedBeforeAnyNativeCall() {
        HostMatrix square = HostMatrix.of(new double[9], 3, 3);
        assertThrows(ShapeMismatchException.class, () -> Linalg.inv(HostMatrix.of(new double[6], 2, 3)));
        ShapeMismatchException rows = assertThrows(ShapeMismatchException.class,
                () -> Linalg.solve(square, HostMatrix.of(new double[2], 2, 1)));
        assertTrue(rows.getMessage().contains("b"), rows.getMessage());
        InvalidArgumentException type = assertThrows(InvalidArgumentException.class,
                () -> Linalg.solve(square, HostMatrix.of(new float[3], 3, 1)));
        assertTrue(type.getMessage().contains("F64"), type.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Linalg.det(HostMatrix.of(DType.F64, new double[18],
                MatrixShape.rowMajor(3, 3).batched(2))));
        // On a DEVICE context the shape is checked before the device probe is asked.
        assertThrows(ShapeMismatchException.class, () -> Linalg.det(FuseContext.builder()
                .execution(Execution.device()).build(), HostMatrix.of(new double[6], 2, 3)));
        assertThrows(InvalidArgumentException.class, () -> Linalg.det((HostMatrix) null));
    }

    /** n = 1000 with two OpenBLAS threads takes the threaded LU, which needs ~3 MB of native stack. */
    @Test
    void solvesFromAThreadWithA256KbStack() throws Exception {
        int n = 1000;
        FuseContext two = FuseContext.builder().threads(2).build();
        HostMatrix a = random(DType.F64, n, n, Layout.ROW_MAJOR, 1);
        HostMatrix b = random(DType.F64, n, 1, Layout.ROW_MAJOR, 2);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread th = new Thread(null, () -> {
            try {
                result.set(new Object[] {Linalg.solve(two, a, b), Linalg.det(two, a), Linalg.inv(two, a)});
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 << 10);
        th.start();
        th.join(TimeUnit.MINUTES.toMillis(5));
        if (result.get() instanceof Throwable e) {
            throw new AssertionError(e);
        }
        Object[] r = (Object[]) result.get();
        assertTrue(backwardError(a, (HostMatrix) r[0], b) <= C);
        assertEquals(Linalg.det(two, a), r[1], "det on the small stack equals det on the test thread");
        assertArrayEquals(Linalg.inv(two, a).array(), ((HostMatrix) r[2]).array(), "inv on the small stack");
    }
}
