package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.ejml.LinearSolverSafe;
import org.ejml.LinearSolverType;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The factory's solvers against EJML's own on random and structured systems, on both paths (LAPACK: threshold 0;
 * EJML: threshold maximal), and EJML's contracts: setA's answer, quality, modifiesA/B, X reshaping and aliasing,
 * invert, getDecomposition, storage reuse, LinearSolverSafe, the coverage records and the factory's signatures.
 */
class LinearSolverFactory_DDRMTest {
    private final Random rand = new Random(0xfac7);

    @BeforeEach
    void lapackForEverySize() {
        EjmlExecution.setMode(EjmlExecution.Mode.ACCELERATE);
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
        EjmlCoverage.disable();
        EjmlCoverage.reset();
    }

    private static void ejmlForEverySize() {
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, Long.MAX_VALUE);
    }

    private void assertSolves(DMatrixRMaj a, DMatrixRMaj x, DMatrixRMaj b, String what) {
        double err = TestBounds_DDRM.backwardError(a, x, b);
        double bound = TestBounds_DDRM.solve(a.numCols);
        assertTrue(err <= bound, () -> what + ": backward error " + err + " > c*n*u = " + bound);
    }

    /** X from the solver and from EJML's solver of the same kind agree to within both solutions' bounds. */
    private void assertSameAsEjml(LinearSolverDense<DMatrixRMaj> ours, LinearSolverDense<DMatrixRMaj> ejml,
                                  DMatrixRMaj a, DMatrixRMaj b, String what) {
        DMatrixRMaj aCopy = a.copy();
        DMatrixRMaj bCopy = b.copy();
        assertTrue(ours.setA(a), what);
        assertTrue(MatrixFeatures_DDRM.isIdentical(aCopy, a, 0), what + ": setA modified A");
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        ours.solve(b, x);
        assertTrue(MatrixFeatures_DDRM.isIdentical(bCopy, b, 0), what + ": solve modified B");
        assertEquals(a.numCols, x.numRows);
        assertEquals(b.numCols, x.numCols);
        LinearSolverDense<DMatrixRMaj> safe = new LinearSolverSafe<>(ejml);
        assertTrue(safe.setA(a));
        DMatrixRMaj xe = new DMatrixRMaj(a.numCols, b.numCols);
        safe.solve(b, xe);
        if (a.numRows == a.numCols) {
            assertSolves(a, x, b, what);
        }
        // Both are backward stable: their difference is within κ·(c·n·u) of X; the systems here are well-conditioned
        // (κ < 1e3 for uniform random of these sizes, checked by EJML's own quality being far from 0).
        double kappaBound = 1e3 * TestBounds_DDRM.solve(a.numCols) * Math.max(1, TestBounds_DDRM.infNorm(xe));
        for (int i = 0; i < x.getNumElements(); i++) {
            assertEquals(xe.data[i], x.data[i], kappaBound, what + ": X[" + i + "]");
        }
        assertEquals(safe.quality(), ours.quality(), 1e3 * TestBounds_DDRM.solve(a.numCols) * safe.quality() + 1e-300,
                what + ": quality");
    }

    @Test
    void luCholAndQrMatchEjmlOnRandomSystems() {
        for (int n : new int[]{1, 2, 5, 17, 64}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, -1, 1, rand);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, 3, -1, 1, rand);
            assertSameAsEjml(LinearSolverFactory_DDRM.lu(n),
                    org.ejml.dense.row.factory.LinearSolverFactory_DDRM.lu(n), a, b, "lu n=" + n);
            DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(n, rand);
            assertSameAsEjml(LinearSolverFactory_DDRM.chol(n),
                    org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(n), spd, b, "chol n=" + n);
            assertSameAsEjml(LinearSolverFactory_DDRM.cholOuterBlock(false),
                    org.ejml.dense.row.factory.LinearSolverFactory_DDRM.cholOuterBlock(false), spd, b,
                    "chol upper n=" + n);
            DMatrixRMaj tall = RandomMatrices_DDRM.rectangle(n + 4, n, -1, 1, rand);
            DMatrixRMaj bt = RandomMatrices_DDRM.rectangle(n + 4, 2, -1, 1, rand);
            assertSameAsEjml(LinearSolverFactory_DDRM.leastSquares(n + 4, n),
                    org.ejml.dense.row.factory.LinearSolverFactory_DDRM.leastSquares(n + 4, n), tall, bt,
                    "qr " + (n + 4) + "x" + n);
            assertSameAsEjml(LinearSolverFactory_DDRM.qr(n, n),
                    org.ejml.dense.row.factory.LinearSolverFactory_DDRM.qr(n, n), a, b, "qr square n=" + n);
        }
    }

    @Test
    void theEjmlPathIsEjmlsOwnResult() {
        ejmlForEverySize();
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(6, 6, -1, 1, rand);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(6, 2, -1, 1, rand);
        LinearSolverDense<DMatrixRMaj> ours = LinearSolverFactory_DDRM.linear(6);
        LinearSolverDense<DMatrixRMaj> ejml = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.linear(6);
        assertTrue(ours.setA(a));
        assertTrue(ejml.setA(a));
        DMatrixRMaj x = new DMatrixRMaj(6, 2);
        DMatrixRMaj xe = new DMatrixRMaj(6, 2);
        ours.solve(b, x);
        ejml.solve(b, xe);
        assertTrue(MatrixFeatures_DDRM.isIdentical(xe, x, 0), "bit-identical below the threshold");
        DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(6, rand);
        DMatrixRMaj spdCopy = spd.copy();
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(6);
        assertTrue(chol.setA(spd));
        assertTrue(MatrixFeatures_DDRM.isIdentical(spdCopy, spd, 0), "EJML's in-place Cholesky ran on a copy");
        chol.solve(b, x);
        LinearSolverDense<DMatrixRMaj> chole = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.symmPosDef(6);
        assertTrue(chole.setA(spd.copy()));
        chole.solve(b, xe);
        assertTrue(MatrixFeatures_DDRM.isIdentical(xe, x, 0));
        assertSame(chol.getDecomposition(), chol.getDecomposition());
        assertInstanceOf(CholeskyDecompositionLapack_DDRM.class, chol.getDecomposition());
        assertEquals(chole.quality(), chol.quality(), 0);
    }

    @Test
    void structuredSystems() {
        for (boolean lapack : new boolean[]{true, false}) {
            if (!lapack) {
                ejmlForEverySize();
            }
            // Singular: LU accepts it (as EJML) with quality 0; Cholesky and QR refuse it.
            DMatrixRMaj singular = new DMatrixRMaj(3, 3);
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(3);
            assertTrue(lu.setA(singular));
            assertEquals(0, lu.quality(), 0);
            assertFalse(LinearSolverFactory_DDRM.chol(3).setA(singular));
            assertFalse(LinearSolverFactory_DDRM.leastSquares(3, 3).setA(singular));
            // Not positive definite.
            assertFalse(LinearSolverFactory_DDRM.chol(2).setA(new DMatrixRMaj(2, 2, true, 1, -1, -1, -2)));
            // Rank-deficient least squares: a zero column.
            DMatrixRMaj tall = RandomMatrices_DDRM.rectangle(8, 3, -1, 1, rand);
            for (int i = 0; i < 8; i++) {
                tall.set(i, 1, 0);
            }
            assertFalse(LinearSolverFactory_DDRM.leastSquares(8, 3).setA(tall));
            // Wide least squares and non-square Cholesky are refused by exception, as EJML.
            assertThrows(IllegalArgumentException.class,
                    () -> LinearSolverFactory_DDRM.leastSquares(3, 8).setA(new DMatrixRMaj(3, 8)));
            assertThrows(IllegalArgumentException.class,
                    () -> LinearSolverFactory_DDRM.chol(3).setA(new DMatrixRMaj(3, 4)));
            // 1 x 1.
            LinearSolverDense<DMatrixRMaj> one = LinearSolverFactory_DDRM.linear(1);
            assertTrue(one.setA(new DMatrixRMaj(1, 1, true, 4)));
            DMatrixRMaj x = new DMatrixRMaj(1, 1);
            one.solve(new DMatrixRMaj(1, 1, true, 2), x);
            assertEquals(0.5, x.get(0, 0), 0);
            // Ill-conditioned: the Hilbert matrix of order 5 (κ ≈ 4.8e5, still positive definite in single
            // precision); the solve is backward stable all the same.
            int n = 5;
            DMatrixRMaj hilbert = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    hilbert.set(i, j, 1 / (double) (i + j + 1));
                }
            }
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, 1, -1, 1, rand);
            for (LinearSolverDense<DMatrixRMaj> s : Arrays.asList(LinearSolverFactory_DDRM.lu(n),
                    LinearSolverFactory_DDRM.chol(n))) {
                assertTrue(s.setA(hilbert));
                DMatrixRMaj xh = new DMatrixRMaj(n, 1);
                s.solve(b, xh);
                assertSolves(hilbert, xh, b, "hilbert " + s.getClass().getSimpleName() + (lapack ? "" : " (EJML)"));
                assertTrue(s.quality() < 1e-4, "an ill-conditioned A has a small quality");
            }
            EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
        }
    }

    @Test
    void qualityIsEjmlsDefinition() {
        // EJML's quality is |Π d(i)/max|d|| of the triangular factor's diagonal: diag(4, 3, 2, 1) against
        // diag(4, 3, 2, 0.1) changes U(3, 3) and R(3, 3) tenfold, L(3, 3) = √d by √10.
        for (LinearSolverDense<DMatrixRMaj> s : Arrays.asList(LinearSolverFactory_DDRM.lu(4),
                LinearSolverFactory_DDRM.chol(4), LinearSolverFactory_DDRM.qr(4, 4))) {
            String what = s.getClass().getSimpleName();
            boolean chol = s instanceof LinearSolverCholLapack_DDRM;
            var ratio = chol ? Math.sqrt(10) : 10;
            var tol = 10 * TestBounds_DDRM.solve(4);
            assertTrue(s.setA(CommonOps_DDRM.diag(4, 3, 2, 1)));
            var good = s.quality();
            // (4/4)(3/4)(2/4)(1/4) for U and R; (2/2)(√3/2)(√2/2)(1/2) for L.
            assertEquals(chol ? Math.sqrt(6) / 8 : 6 / 64.0, good, tol, what);
            assertTrue(s.setA(CommonOps_DDRM.diag(4, 3, 2, 0.1)));
            var bad = s.quality();
            assertEquals(good, bad * ratio, tol, what);
            DMatrixRMaj scaled = CommonOps_DDRM.diag(4, 3, 2, 1);
            CommonOps_DDRM.scale(0.01, scaled);
            assertTrue(s.setA(scaled));
            assertEquals(good, s.quality(), tol, what + ": scale-invariant");
        }
    }

    @Test
    void solveChecksBAndReshapesX() {
        for (boolean lapack : new boolean[]{true, false}) {
            if (!lapack) {
                ejmlForEverySize();
            }
            LinearSolverDense<DMatrixRMaj> qr = new LinearSolverSafe<>(LinearSolverFactory_DDRM.leastSquares(10, 4));
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(10, 4, -1, 1, rand);
            assertTrue(qr.setA(a));
            assertThrows(IllegalArgumentException.class,
                    () -> qr.solve(new DMatrixRMaj(9, 2), new DMatrixRMaj(4, 2)));
            DMatrixRMaj x = new DMatrixRMaj(5, 3);
            qr.solve(RandomMatrices_DDRM.rectangle(10, 2, rand), x);
            assertEquals(4, x.numRows);
            assertEquals(2, x.numCols);
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(5);
            assertThrows(RuntimeException.class, () -> lu.solve(new DMatrixRMaj(5, 1), new DMatrixRMaj(5, 1)),
                    "solve before setA");
            DMatrixRMaj sq = RandomMatrices_DDRM.rectangle(5, 5, -1, 1, rand);
            assertTrue(lu.setA(sq));
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(5, 3, -1, 1, rand);
            DMatrixRMaj want = new DMatrixRMaj(5, 3);
            lu.solve(b, want);
            // X = B: solved in place.
            lu.solve(b, b);
            assertTrue(MatrixFeatures_DDRM.isIdentical(want, b, 0));
            EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
        }
    }

    @Test
    void invertMatchesEjmlAndChecksItsOutput() {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(12, 12, -1, 1, rand);
        DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(12, rand);
        DMatrixRMaj identity = CommonOps_DDRM.identity(12);
        for (Object[] c : new Object[][]{{LinearSolverFactory_DDRM.lu(12), a}, {LinearSolverFactory_DDRM.chol(12), spd},
                {LinearSolverFactory_DDRM.qr(12, 12), a}}) {
            @SuppressWarnings("unchecked")
            LinearSolverDense<DMatrixRMaj> s = (LinearSolverDense<DMatrixRMaj>) c[0];
            DMatrixRMaj m = (DMatrixRMaj) c[1];
            assertTrue(s.setA(m));
            DMatrixRMaj inv = RandomMatrices_DDRM.rectangle(12, 12, rand);
            s.invert(inv);
            DMatrixRMaj prod = new DMatrixRMaj(12, 12);
            CommonOps_DDRM.mult(m, inv, prod);
            DMatrixRMaj want = CommonOps_DDRM.identity(12);
            DMatrixRMaj ejmlInv = new DMatrixRMaj(12, 12);
            assertTrue(CommonOps_DDRM.invert(m, ejmlInv));
            // ‖A·A⁻¹ − I‖ ≤ κ·c·n·u with κ < 1e3 here.
            double bound = 1e3 * TestBounds_DDRM.solve(12);
            assertTrue(MatrixFeatures_DDRM.isIdentical(want, prod, (double) bound), s.getClass().getSimpleName());
            double invBound = bound * TestBounds_DDRM.infNorm(ejmlInv);
            assertTrue(MatrixFeatures_DDRM.isIdentical(ejmlInv, inv, (double) invBound));
            assertThrows(RuntimeException.class, () -> s.invert(new DMatrixRMaj(11, 12)));
            assertTrue(MatrixFeatures_DDRM.isIdentical(identity, CommonOps_DDRM.identity(12), 0));
        }
    }

    @Test
    void contractsAndStorageReuse() {
        LinearSolverLuLapack_DDRM lu = (LinearSolverLuLapack_DDRM) LinearSolverFactory_DDRM.linear(30);
        assertFalse(lu.modifiesA());
        assertFalse(lu.modifiesB());
        DMatrixRMaj a1 = RandomMatrices_DDRM.rectangle(30, 30, -1, 1, rand);
        DMatrixRMaj a2 = RandomMatrices_DDRM.rectangle(30, 30, -1, 1, rand);
        assertTrue(lu.setA(a1));
        LuDecompositionLapack_DDRM d = lu.getDecomposition();
        double[] factors = d.factors();
        assertTrue(lu.setA(a2));
        assertSame(d, lu.getDecomposition());
        assertSame(factors, d.factors(), "a second A of the same shape reuses the factor storage");
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(30, 2, -1, 1, rand);
        DMatrixRMaj x = new DMatrixRMaj(30, 2);
        lu.solve(b, x);
        assertSolves(a2, x, b, "second A");
        // A smaller A also fits the storage.
        assertTrue(lu.setA(RandomMatrices_DDRM.rectangle(10, 10, -1, 1, rand)));
        assertSame(factors, d.factors());
        for (LinearSolverDense<DMatrixRMaj> s : Arrays.asList(LinearSolverFactory_DDRM.chol(4),
                LinearSolverFactory_DDRM.qr(6, 4), LinearSolverFactory_DDRM.general(6, 4),
                LinearSolverFactory_DDRM.general(4, 4))) {
            assertFalse(s.modifiesA());
            assertFalse(s.modifiesB());
            assertNotNull(s.getDecomposition());
        }
        assertInstanceOf(QrDecompositionLapack_DDRM.class, LinearSolverFactory_DDRM.general(6, 4).getDecomposition());
        assertInstanceOf(LuDecompositionLapack_DDRM.class, LinearSolverFactory_DDRM.general(4, 4).getDecomposition());
    }

    @Test
    void theDefaultThresholdsSendSmallSystemsToEjml() {
        EjmlExecution.clearThreshold(EjmlExecution.Family.DECOMPOSITION);
        LinearSolverLuLapack_DDRM lu = new LinearSolverLuLapack_DDRM();
        assertTrue(lu.setA(RandomMatrices_DDRM.rectangle(8, 8, -1, 1, rand)));
        assertTrue(lu.getDecomposition().isEjml(), "8 x 8 is below the measured LU threshold");
        assertTrue(lu.setA(RandomMatrices_DDRM.rectangle(40, 40, -1, 1, rand)));
        assertFalse(lu.getDecomposition().isEjml(), "40 x 40 is above it");
        LinearSolverCholLapack_DDRM chol = new LinearSolverCholLapack_DDRM(true);
        assertTrue(chol.setA(RandomMatrices_DDRM.symmetricPosDef(40, rand)));
        assertTrue(chol.getDecomposition().isEjml(), "40 x 40 is below the measured Cholesky threshold");
        assertTrue(chol.setA(RandomMatrices_DDRM.symmetricPosDef(60, rand)));
        assertFalse(chol.getDecomposition().isEjml());
        EjmlExecution.setMode(EjmlExecution.Mode.EJML);
        assertTrue(lu.setA(RandomMatrices_DDRM.rectangle(40, 40, -1, 1, rand)));
        assertTrue(lu.getDecomposition().isEjml(), "mode ejml sends everything to EJML");
    }

    @Test
    void coverageRecordsEachCallsPath() {
        EjmlCoverage.reset();
        EjmlCoverage.enable();
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(4, 4, -1, 1, rand);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(4, 1, -1, 1, rand);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(4);
        lu.setA(a);
        lu.solve(b, new DMatrixRMaj(4, 1));
        ejmlForEverySize();
        lu.setA(a);
        lu.solve(b, new DMatrixRMaj(4, 1));
        LinearSolverFactory_DDRM.pseudoInverse(true);
        Map<String, EjmlCoverage.Counts> counts = EjmlCoverage.snapshot();
        EjmlCoverage.Counts setA = counts.get("LinearSolverLuLapack_DDRM.setA(DMatrixRMaj)");
        EjmlCoverage.Counts solve = counts.get("LinearSolverLuLapack_DDRM.solve(DMatrixRMaj,DMatrixRMaj)");
        assertEquals(1, setA.accelerated());
        assertEquals(1, setA.delegated());
        assertEquals(1, solve.accelerated());
        assertEquals(1, solve.delegated());
        assertEquals(1, counts.get("LinearSolverFactory_DDRM.pseudoInverse(boolean)").delegated());
    }

    @Test
    void everyFactoryMethodOfEjmlExistsWithItsSignature() throws Exception {
        Class<?> theirs = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.class;
        int count = 0;
        for (Method m : theirs.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != theirs) {
                continue;
            }
            Method ours = LinearSolverFactory_DDRM.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(m.getGenericReturnType(), ours.getGenericReturnType(), m.getName());
            assertTrue(Modifier.isStatic(ours.getModifiers()), m.getName());
            count++;
        }
        assertEquals(15, count);
        for (LinearSolverType t : LinearSolverType.values()) {
            LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.create(t);
            DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(5, rand);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(5, 1, -1, 1, rand);
            assertTrue(new LinearSolverSafe<>(s).setA(spd), t.name());
            DMatrixRMaj x = new DMatrixRMaj(5, 1);
            new LinearSolverSafe<>(s).solve(b, x);
            assertSolves(spd, x, b, t.name());
        }
        assertNotNull(LinearSolverFactory_DDRM.cholLdl());
        assertNotNull(LinearSolverFactory_DDRM.cholInner(true));
        assertNotNull(LinearSolverFactory_DDRM.adjustable());
        assertNotNull(LinearSolverFactory_DDRM.qrp(true, false));
        assertNotNull(LinearSolverFactory_DDRM.pseudoInverse(false));
    }
}
