package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LAPACK paths of the LU, Cholesky and QR decompositions (threshold 0) against EJML's own decompositions and
 * the factorisation bound of {@code Tolerance.factorization()}, and the EJML contracts of their accessors.
 */
class DecompositionsLapack_DDRMTest {
    private final Random rand = new Random(0x5eed);

    @BeforeEach
    void lapackForEverySize() {
        EjmlExecution.setMode(EjmlExecution.Mode.ACCELERATE);
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
    }

    private void assertFactorization(DMatrixRMaj a, DMatrixRMaj product) {
        double bound = TestBounds_DDRM.factorization(Math.max(a.numRows, a.numCols));
        double diff = TestBounds_DDRM.frobeniusSq(a, product);
        double norm = TestBounds_DDRM.frobeniusSq(a, null);
        assertTrue(diff <= bound * bound * norm, () -> "|A - F|_F^2 = " + diff + " > (c*n*u)^2*|A|_F^2 = "
                + bound * bound * norm);
    }

    @Test
    void luMatchesEjmlAndRebuildsA() {
        int[][] shapes = {{1, 1}, {2, 2}, {7, 7}, {40, 40}, {9, 4}, {4, 9}, {65, 65}};
        for (int[] s : shapes) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, rand);
            DMatrixRMaj copy = a.copy();
            LuDecompositionLapack_DDRM lu = new LuDecompositionLapack_DDRM();
            assertTrue(lu.decompose(a));
            assertTrue(MatrixFeatures_DDRM.isIdentical(copy, a, 0), "decompose modified its input");
            LUDecompositionAlt_DDRM ejml = new LUDecompositionAlt_DDRM();
            ejml.decompose(a.copy());
            // Random entries have no ties between candidate pivots: both choose the same rows.
            assertArrayEquals(ejml.getRowPivotV(null), lu.getRowPivotV(null));
            DMatrixRMaj l = lu.getLower(null);
            DMatrixRMaj u = lu.getUpper(null);
            assertEquals(s[0], l.numRows);
            assertEquals(Math.min(s[0], s[1]), l.numCols);
            assertEquals(Math.min(s[0], s[1]), u.numRows);
            assertEquals(s[1], u.numCols);
            DMatrixRMaj lu1 = new DMatrixRMaj(s[0], s[1]);
            CommonOps_DDRM.mult(l, u, lu1);
            DMatrixRMaj rebuilt = new DMatrixRMaj(s[0], s[1]);
            CommonOps_DDRM.multTransA(lu.getRowPivot(null), lu1, rebuilt);
            assertFactorization(a, rebuilt);
            if (s[0] == s[1]) {
                double det = lu.computeDeterminant().real;
                double want = ejml.computeDeterminant().real;
                double tol = TestBounds_DDRM.factorization(s[0]) * Math.abs(want) * 4;
                assertEquals(want, det, tol);
                assertFalse(lu.isSingular());
            } else {
                assertThrows(IllegalArgumentException.class, lu::computeDeterminant);
            }
        }
    }

    @Test
    void luOfASingularMatrixSucceedsAndSaysSo() {
        DMatrixRMaj a = new DMatrixRMaj(3, 3, true, 1, 2, 3, 2, 4, 6, 4, 4, 0);
        LuDecompositionLapack_DDRM lu = new LuDecompositionLapack_DDRM();
        assertTrue(lu.decompose(a));
        assertTrue(lu.isSingular());
        assertEquals(0, lu.computeDeterminant().real, 0);
        DMatrixRMaj zero = new DMatrixRMaj(3, 3);
        assertTrue(lu.decompose(zero));
        assertTrue(lu.isSingular());
        DMatrixRMaj prod = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(lu.getLower(null), lu.getUpper(null), prod);
        assertFalse(MatrixFeatures_DDRM.hasUncountable(prod));
        assertTrue(MatrixFeatures_DDRM.isIdentical(zero, prod, 0));
    }

    @Test
    void luAccessorsFollowEjmlsReuseRules() {
        DMatrixRMaj a = new DMatrixRMaj(3, 3, true, 5, 2, 3, 1.5, -2, 8, -3, 4.7, -0.5);
        LuDecompositionLapack_DDRM lu = new LuDecompositionLapack_DDRM();
        assertThrows(IllegalStateException.class, () -> lu.getLower(null));
        lu.decompose(a);
        DMatrixRMaj lGiven = RandomMatrices_DDRM.rectangle(3, 3, rand);
        DMatrixRMaj uGiven = RandomMatrices_DDRM.rectangle(3, 3, rand);
        assertSame(lGiven, lu.getLower(lGiven));
        assertSame(uGiven, lu.getUpper(uGiven));
        assertTrue(MatrixFeatures_DDRM.isEquals(lGiven, lu.getLower(null)));
        assertTrue(MatrixFeatures_DDRM.isEquals(uGiven, lu.getUpper(null)));
        // EJML: a lower factor of the wrong shape is refused, an upper one reshaped.
        assertThrows(IllegalArgumentException.class, () -> lu.getLower(new DMatrixRMaj(2, 3)));
        DMatrixRMaj uWrong = new DMatrixRMaj(2, 5);
        lu.getUpper(uWrong);
        assertEquals(3, uWrong.numRows);
        assertEquals(3, uWrong.numCols);
        DMatrixRMaj p = lu.getRowPivot(new DMatrixRMaj(3, 3));
        assertThrows(IllegalArgumentException.class, () -> lu.getRowPivot(new DMatrixRMaj(2, 2)), "as EJML");
        int[] pv = lu.getRowPivotV(null);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, (int) p.get(i, pv[i]));
        }
        DMatrixRMaj empty = new DMatrixRMaj(0, 0);
        assertTrue(lu.decompose(empty));
        assertEquals(0, lu.getLower(null).getNumElements());
        assertEquals(0, lu.getUpper(null).getNumElements());
        assertFalse(lu.inputModified());
    }

    @Test
    void luReusesItsStorageForTheSameShape() {
        LuDecompositionLapack_DDRM lu = new LuDecompositionLapack_DDRM();
        lu.decompose(RandomMatrices_DDRM.rectangle(20, 20, -1, 1, rand));
        Object first = lu.factors();
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(20, 20, -1, 1, rand);
        lu.decompose(b);
        assertSame(first, lu.factors());
        DMatrixRMaj prod = new DMatrixRMaj(20, 20);
        CommonOps_DDRM.mult(lu.getLower(null), lu.getUpper(null), prod);
        DMatrixRMaj rebuilt = new DMatrixRMaj(20, 20);
        CommonOps_DDRM.multTransA(lu.getRowPivot(null), prod, rebuilt);
        assertFactorization(b, rebuilt);
    }

    @Test
    void choleskyMatchesEjmlInBothTriangles() {
        for (boolean lower : new boolean[]{true, false}) {
            for (int n : new int[]{1, 3, 10, 33}) {
                DMatrixRMaj a = RandomMatrices_DDRM.symmetricPosDef(n, rand);
                DMatrixRMaj copy = a.copy();
                CholeskyDecompositionLapack_DDRM chol = new CholeskyDecompositionLapack_DDRM(lower);
                assertTrue(chol.decompose(a));
                assertTrue(MatrixFeatures_DDRM.isIdentical(copy, a, 0), "decompose modified its input");
                assertFalse(chol.inputModified());
                assertEquals(lower, chol.isLower());
                DMatrixRMaj t = chol.getT(null);
                CholeskyDecompositionInner_DDRM ejml = new CholeskyDecompositionInner_DDRM(lower);
                assertTrue(ejml.decompose(a.copy()));
                DMatrixRMaj te = ejml.getT(null);
                double bound = TestBounds_DDRM.factorization(n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(te.get(i, j), t.get(i, j), bound * 4, "T(" + i + ", " + j + "), n = " + n);
                    }
                }
                DMatrixRMaj rebuilt = new DMatrixRMaj(n, n);
                if (lower) {
                    CommonOps_DDRM.multTransB(t, t, rebuilt);
                } else {
                    CommonOps_DDRM.multTransA(t, t, rebuilt);
                }
                assertFactorization(a, rebuilt);
                double det = ejml.computeDeterminant().real;
                assertEquals(det, chol.computeDeterminant().real, Math.abs(det) * bound * 4);
            }
        }
    }

    @Test
    void choleskyRefusesWhatIsNotPositiveDefinite() {
        CholeskyDecompositionLapack_DDRM chol = new CholeskyDecompositionLapack_DDRM(true);
        assertFalse(chol.decompose(new DMatrixRMaj(2, 2, true, 1, -1, -1, -2)));
        assertFalse(chol.decompose(new DMatrixRMaj(1, 1, true, -3)));
        assertThrows(IllegalArgumentException.class, () -> chol.decompose(new DMatrixRMaj(2, 3)));
        assertTrue(chol.decompose(new DMatrixRMaj(0, 0)));
        assertEquals(0, chol.getT(null).getNumElements());
        // Only the lower triangle is read: garbage above the diagonal changes nothing.
        DMatrixRMaj a = new DMatrixRMaj(3, 3, true, 1, 99, -99, 2, 13, 99, 4, 23, 90);
        assertTrue(chol.decompose(a));
        DMatrixRMaj want = new DMatrixRMaj(3, 3, true, 1, 0, 0, 2, 3, 0, 4, 5, 7);
        DMatrixRMaj given = RandomMatrices_DDRM.rectangle(3, 3, rand);
        assertSame(given, chol.getT(given));
        assertTrue(MatrixFeatures_DDRM.isIdentical(want, given, (double) (TestBounds_DDRM.factorization(3) * 90)));
        assertThrows(IllegalArgumentException.class, () -> chol.getT(new DMatrixRMaj(2, 2)));
    }

    @Test
    void qrRebuildsAInEveryShapeAndMatchesEjmlsR() {
        int[][] shapes = {{5, 5}, {10, 5}, {5, 10}, {1, 1}, {0, 0}, {0, 5}, {5, 0}, {70, 40}};
        for (boolean compact : new boolean[]{false, true}) {
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = Math.min(m, n);
                DMatrixRMaj a = RandomMatrices_DDRM.rectangle(m, n, -1, 1, rand);
                DMatrixRMaj copy = a.copy();
                QrDecompositionLapack_DDRM qr = new QrDecompositionLapack_DDRM();
                assertTrue(qr.decompose(a));
                assertTrue(MatrixFeatures_DDRM.isIdentical(copy, a, 0), "decompose modified its input");
                DMatrixRMaj q = qr.getQ(new DMatrixRMaj(1, 1), compact);
                DMatrixRMaj r = qr.getR(null, compact);
                assertEquals(m, q.numRows);
                assertEquals(compact ? k : m, q.numCols);
                assertEquals(compact ? k : m, r.numRows);
                assertEquals(n, r.numCols);
                double bound = TestBounds_DDRM.factorization(Math.max(1, Math.max(m, n)));
                assertTrue(MatrixFeatures_DDRM.isOrthogonal(q, (double) (bound * 4)) || q.numCols == 0);
                DMatrixRMaj rebuilt = new DMatrixRMaj(m, n);
                CommonOps_DDRM.mult(q, r, rebuilt);
                assertFactorization(a, rebuilt);
                for (int i = 0; i < r.numRows; i++) {
                    for (int j = 0; j < Math.min(i, n); j++) {
                        assertEquals(0, r.get(i, j), 0, "R below the diagonal");
                    }
                }
                if (k > 0) {
                    QRDecompositionHouseholderColumn_DDRM ejml = new QRDecompositionHouseholderColumn_DDRM();
                    assertTrue(ejml.decompose(a.copy()));
                    DMatrixRMaj re = ejml.getR(null, true);
                    for (int i = 0; i < k; i++) {
                        // A QR is unique up to the signs of R's rows.
                        assertEquals(Math.abs(re.get(i, i)), Math.abs(r.get(i, i)), bound * 4 * n);
                    }
                }
            }
        }
    }

    @Test
    void qrFollowsEjmlsShapeRulesAndReportsAZeroColumn() {
        QrDecompositionLapack_DDRM qr = new QrDecompositionLapack_DDRM();
        assertFalse(qr.inputModified());
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(10, 5, -1, 1, rand);
        assertTrue(qr.decompose(a));
        DMatrixRMaj qGiven = RandomMatrices_DDRM.rectangle(10, 10, rand);
        DMatrixRMaj rGiven = RandomMatrices_DDRM.rectangle(10, 5, rand);
        assertSame(qGiven, qr.getQ(qGiven, false));
        assertSame(rGiven, qr.getR(rGiven, false));
        assertTrue(MatrixFeatures_DDRM.isEquals(qGiven, qr.getQ(null, false)));
        assertTrue(MatrixFeatures_DDRM.isEquals(rGiven, qr.getR(null, false)));
        DMatrixRMaj r = new DMatrixRMaj(10, 5);
        qr.getR(r, true);
        assertEquals(5, r.numRows);
        DMatrixRMaj q = new DMatrixRMaj(10, 10);
        qr.getQ(q, true);
        assertEquals(5, q.numCols);
        for (int i = 0; i < 10; i++) {
            a.set(i, 2, 0);
        }
        assertFalse(qr.decompose(a), "a zero column leaves nothing to reflect");
    }
}
