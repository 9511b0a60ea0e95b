package org.fusemath.solver;

import static org.fusemath.solver.LinalgTest.im;
import static org.fusemath.solver.LinalgTest.normInf;
import static org.fusemath.solver.LinalgTest.random;
import static org.fusemath.solver.LinalgTest.re;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.junit.jupiter.api.Test;

/**
 * QR and lstsq against their definitions: ‖A − Q·R‖∞ ≤ c·max(m, n)·u·‖A‖∞ and ‖QᴴQ − I‖∞ ≤ c·m·u (Householder QR
 * is backward stable with a computed Q orthonormal to O(m·n·u), Higham Thm. 19.4; c = 8 holds with margin here),
 * least-squares solutions by the normal-equations residual ‖Aᴴ·(A·X − B)‖ relative to ‖A‖·(‖A‖·‖X‖ + ‖B‖)·m·u,
 * NumPy's documented lstsq example, minimum-norm solutions of rank-deficient and under-determined systems, and
 * EJML's R for F64.
 */
class QrTest {
    private static final double C = 8;

    /** op(A)·B in double from the stored values, as a column-major F64/C128 matrix of A's complexity. */
    static HostMatrix product(HostMatrix a, boolean conjTransA, HostMatrix b) {
        long rows = conjTransA ? a.shape().cols() : a.shape().rows();
        long inner = conjTransA ? a.shape().rows() : a.shape().cols();
        long cols = b.shape().cols();
        boolean complex = a.dtype().isComplex();
        DType t = complex ? DType.C128 : DType.F64;
        double[] out = new double[(int) (rows * cols * t.slotsPerElement())];
        for (long i = 0; i < rows; i++) {
            for (long j = 0; j < cols; j++) {
                double sr = 0;
                double si = 0;
                for (long p = 0; p < inner; p++) {
                    double ar = conjTransA ? re(a, p, i) : re(a, i, p);
                    double ai = conjTransA ? -im(a, p, i) : im(a, i, p);
                    sr += ar * re(b, p, j) - ai * im(b, p, j);
                    si += ar * im(b, p, j) + ai * re(b, p, j);
                }
                int at = (int) (j * rows + i) * t.slotsPerElement();
                out[at] = sr;
                if (complex) {
                    out[at + 1] = si;
                }
            }
        }
        return HostMatrix.of(t, out, MatrixShape.columnMajor(rows, cols));
    }

    /** ‖X − Y‖∞ over two matrices of the same shape. */
    static double difference(HostMatrix x, HostMatrix y) {
        double worst = 0;
        for (long i = 0; i < x.shape().rows(); i++) {
            double row = 0;
            for (long j = 0; j < x.shape().cols(); j++) {
                row += Math.hypot(re(x, i, j) - re(y, i, j), im(x, i, j) - im(y, i, j));
            }
            worst = Math.max(worst, row);
        }
        return worst;
    }

    static HostMatrix eye(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1;
        }
        return HostMatrix.of(d, n, n);
    }

    /** ‖QᴴQ − I‖∞ / (m·u). */
    static double orthogonality(HostMatrix q) {
        HostMatrix g = product(q, true, q);
        int k = (int) q.shape().cols();
        return difference(g, eye(k)) / (q.shape().rows() * q.dtype().unitRoundoff());
    }

    @Test
    void qTimesRIsAAndQIsOrthonormalForEveryTypeLayoutAndShape() {
        int[][] shapes = {{1, 1}, {5, 3}, {3, 5}, {37, 37}, {120, 41}};
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (int[] mn : shapes) {
                    int m = mn[0];
                    int n = mn[1];
                    HostMatrix a = random(t, m, n, la, 11L * m + n);
                    QrFactorization qr = QrFactorization.factor(a);
                    HostMatrix q = qr.q();
                    HostMatrix r = qr.r();
                    int k = Math.min(m, n);
                    assertEquals(m, q.shape().rows());
                    assertEquals(k, q.shape().cols());
                    assertEquals(k, r.shape().rows());
                    assertEquals(n, r.shape().cols());
                    assertEquals(la, q.shape().layout());
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < Math.min(i, n); j++) {
                            assertEquals(0, re(r, i, j), "R below the diagonal");
                        }
                    }
                    String what = t + " " + la + " " + m + "x" + n;
                    double e = difference(product(q, false, r), a) / (Math.max(m, n) * t.unitRoundoff() * normInf(a));
                    assertTrue(e <= C, what + ": ‖A − QR‖ = " + e);
                    assertTrue(orthogonality(q) <= C, what + ": ‖QᴴQ − I‖ = " + orthogonality(q));
                    HostMatrix full = qr.q(true);
                    assertEquals(m, full.shape().cols());
                    assertTrue(orthogonality(full) <= C, what + ": full ‖QᴴQ − I‖ = " + orthogonality(full));
                    assertEquals(0, difference(full.withShape(full.shape()), full));
                }
            }
        }
    }

    /** ‖Aᴴ·(A·X − B)‖∞ / (‖A‖∞·(‖A‖∞·‖X‖∞ + ‖B‖∞)·m·u): zero for the exact least-squares X. */
    static double normalEquations(HostMatrix a, HostMatrix x, HostMatrix b) {
        HostMatrix ax = product(a, false, x);
        DType t = ax.dtype();
        int m = (int) b.shape().rows();
        int k = (int) b.shape().cols();
        double[] res = new double[m * k * t.slotsPerElement()];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                int at = (j * m + i) * t.slotsPerElement();
                res[at] = re(ax, i, j) - re(b, i, j);
                if (t.isComplex()) {
                    res[at + 1] = im(ax, i, j) - im(b, i, j);
                }
            }
        }
        HostMatrix g = product(a, true, HostMatrix.of(t, res, MatrixShape.columnMajor(m, k)));
        double na = normInf(a);
        return normInf(g) / (na * (na * normInf(x) + normInf(b)) * m * a.dtype().unitRoundoff());
    }

    @Test
    void qrAndLstsqSolveOverDeterminedSystemsInTheLeastSquaresSense() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (Layout lb : Layout.values()) {
                    HostMatrix a = random(t, 60, 17, la, 5);
                    HostMatrix b = random(t, 60, 3, lb, 6);
                    HostMatrix x = QrFactorization.factor(a).solve(b);
                    assertEquals(lb, x.shape().layout());
                    String what = t + " A " + la + " B " + lb;
                    assertTrue(normalEquations(a, x, b) <= C, what + ": QR " + normalEquations(a, x, b));
                    LeastSquares ls = Linalg.lstsq(a, b);
                    assertEquals(17, ls.rank());
                    assertEquals(3, ls.residuals().length);
                    assertTrue(normalEquations(a, ls.x(), b) <= C, what + ": lstsq " + normalEquations(a, ls.x(), b));
                    // The residuals are ‖A·X − B‖² per column.
                    HostMatrix ax = product(a, false, ls.x());
                    for (int j = 0; j < 3; j++) {
                        double sum = 0;
                        for (int i = 0; i < 60; i++) {
                            double dr = re(ax, i, j) - re(b, i, j);
                            double di = im(ax, i, j) - im(b, i, j);
                            sum += dr * dr + di * di;
                        }
                        assertEquals(sum, ls.residuals()[j], 64 * 60 * t.unitRoundoff() * sum, what + " residual " + j);
                    }
                }
            }
        }
    }

    @Test
    void lstsqMatchesNumpysDocumentedLineFit() {
        // numpy.linalg.lstsq docs: x = [0, 1, 2, 3], y = [-1, 0.2, 0.9, 2.1], A = [x, 1]: m = 1, c = -0.95.
        HostMatrix a = HostMatrix.of(new double[] {0, 1, 1, 1, 2, 1, 3, 1}, 4, 2);
        LeastSquares ls = Linalg.lstsq(a, HostMatrix.of(new double[] {-1, 0.2, 0.9, 2.1}, 4, 1));
        assertArrayEquals(new double[] {1, -0.95}, ls.x().doubles(), 1e-14);
        assertEquals(2, ls.rank());
        assertArrayEquals(new double[] {0.05}, ls.residuals(), 1e-14);
        assertEquals(2, ls.singularValues().length);
        assertTrue(ls.singularValues()[0] >= ls.singularValues()[1]);
    }

    @Test
    void rankDeficientAndUnderDeterminedSystemsGetTheMinimumNormSolution() {
        for (DType t : DType.values()) {
            // Three equal columns of ones: rank 1; b = [1, 2, 3] is fitted by x1 + x2 + x3 = 2, minimum norm x = 2/3 each.
            HostMatrix a = HostMatrix.of(t, Dense.allocate(t, 9), MatrixShape.rowMajor(3, 3));
            HostMatrix b = HostMatrix.of(t, Dense.allocate(t, 3), MatrixShape.rowMajor(3, 1));
            for (int i = 0; i < 3; i++) {
                Dense.set(b.array(), i * t.slotsPerElement(), i + 1);
                for (int j = 0; j < 3; j++) {
                    Dense.set(a.array(), (i * 3 + j) * t.slotsPerElement(), 1);
                }
            }
            LeastSquares ls = Linalg.lstsq(a, b);
            assertEquals(1, ls.rank(), t.toString());
            assertEquals(0, ls.residuals().length, "no residuals when rank < n, as NumPy");
            assertEquals(3, ls.singularValues()[0], 8 * t.unitRoundoff() * 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(2.0 / 3, re(ls.x(), i, 0), 16 * t.unitRoundoff(), t + " x" + i);
                assertEquals(0, im(ls.x(), i, 0), 16 * t.unitRoundoff());
            }
            assertThrows(SingularMatrixException.class, () -> QrFactorization.factor(HostMatrix.of(t, Dense.allocate(t, 6),
                    MatrixShape.rowMajor(3, 2))).solve(HostMatrix.of(t, Dense.allocate(t, 3), MatrixShape.rowMajor(3, 1))));
        }
        // Under-determined [1, 1]·x = 2: x = [1, 1].
        LeastSquares under = Linalg.lstsq(HostMatrix.of(new double[] {1, 1}, 1, 2), HostMatrix.of(new double[] {2}, 1, 1));
        assertArrayEquals(new double[] {1, 1}, under.x().doubles(), 1e-15);
        assertEquals(1, under.rank());
        assertEquals(0, under.residuals().length);
        assertArrayEquals(new double[] {Math.sqrt(2)}, under.singularValues(), 1e-15);
        // rcond decides the rank: singular values 1 and 1e-10.
        HostMatrix d = HostMatrix.of(new double[] {1, 0, 0, 1e-10}, 2, 2);
        HostMatrix rhs = HostMatrix.of(new double[] {1, 1}, 2, 1);
        assertEquals(2, Linalg.lstsq(d, rhs).rank());
        LeastSquares cut = Linalg.lstsq(FuseContext.defaults(), d, rhs, 1e-8);
        assertEquals(1, cut.rank());
        assertArrayEquals(new double[] {1, 0}, cut.x().doubles(), 1e-15);
    }

    @Test
    void agreesWithEjmlsRUpToTheSignsOfItsRows() {
        int m = 80;
        int n = 30;
        HostMatrix a = random(DType.F64, m, n, Layout.ROW_MAJOR, 8);
        DMatrixRMaj e = DMatrixRMaj.wrap(m, n, a.doubles().clone());
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        assertTrue(qr.decompose(e));
        DMatrixRMaj er = qr.getR(null, true);
        HostMatrix r = QrFactorization.factor(a).r();
        double scale = normInf(a);
        for (int i = 0; i < n; i++) {
            double sign = Math.signum(er.get(i, i)) * Math.signum(re(r, i, i));
            for (int j = i; j < n; j++) {
                assertEquals(er.get(i, j), sign * re(r, i, j), 16 * m * DType.F64.unitRoundoff() * scale, i + "," + j);
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        HostMatrix wide = HostMatrix.of(new double[6], 2, 3);
        assertThrows(InvalidArgumentException.class, () -> QrFactorization.factor(wide).solve(HostMatrix.of(new double[2], 2, 1)));
        assertThrows(ShapeMismatchException.class, () -> Linalg.lstsq(wide, HostMatrix.of(new double[3], 3, 1)));
        assertThrows(InvalidArgumentException.class, () -> Linalg.lstsq(wide, HostMatrix.of(new float[2], 2, 1)));
        assertThrows(InvalidArgumentException.class, () -> Linalg.lstsq(FuseContext.defaults(), wide,
                HostMatrix.of(new double[2], 2, 1), Double.NaN));
        LeastSquares empty = Linalg.lstsq(HostMatrix.of(new double[0], 0, 2), HostMatrix.of(new double[0], 0, 1));
        assertArrayEquals(new double[] {0, 0}, empty.x().doubles());
        assertEquals(0, empty.rank());
        assertEquals(0, QrFactorization.factor(HostMatrix.of(new double[0], 0, 3)).q().shape().cols());
    }
}
