package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.ejml.MatrixDimensionException;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.HostMatrix;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MultAcceleration_ZDRM} against EJML's CommonOps_ZDRM mult family: every method, with and without alpha,
 * above the threshold (forced) and below it, agrees with EJML within twice GEMM's elementwise bound (each is within
 * it of the exact product), leaves c's shape alone, and rejects aliased or mismatched operands with EJML's exception.
 */
class MultAccelerationZdrmTest {
    private final Random random = new Random(11);

    /** One EJML mult method and its accelerated twin. */
    private interface Product {
        void run(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c);
    }

    /** A method of the family: which operands are conjugate-transposed, whether it adds, alpha or not. */
    private record Case(String name, boolean transA, boolean transB, boolean add, boolean scaled, Product ours,
                        Product ejml) {
    }

    private static final double ALPHA_RE = (double) 1.5;
    private static final double ALPHA_IM = (double) -0.5;

    private static final List<Case> CASES = List.of(
            new Case("mult", false, false, false, false, MultAcceleration_ZDRM::mult, CommonOps_ZDRM::mult),
            new Case("multAdd", false, false, true, false, MultAcceleration_ZDRM::multAdd, CommonOps_ZDRM::multAdd),
            new Case("multTransA", true, false, false, false, MultAcceleration_ZDRM::multTransA, CommonOps_ZDRM::multTransA),
            new Case("multTransB", false, true, false, false, MultAcceleration_ZDRM::multTransB, CommonOps_ZDRM::multTransB),
            new Case("multTransAB", true, true, false, false, MultAcceleration_ZDRM::multTransAB,
                    CommonOps_ZDRM::multTransAB),
            new Case("multAddTransA", true, false, true, false, MultAcceleration_ZDRM::multAddTransA,
                    CommonOps_ZDRM::multAddTransA),
            new Case("multAddTransB", false, true, true, false, MultAcceleration_ZDRM::multAddTransB,
                    CommonOps_ZDRM::multAddTransB),
            new Case("multAddTransAB", true, true, true, false, MultAcceleration_ZDRM::multAddTransAB,
                    CommonOps_ZDRM::multAddTransAB),
            new Case("mult", false, false, false, true, (a, b, c) -> MultAcceleration_ZDRM.mult(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.mult(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multAdd", false, false, true, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multAdd(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multAdd(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multTransA", true, false, false, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multTransA(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multTransA(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multTransB", false, true, false, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multTransB(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multTransB(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multTransAB", true, true, false, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multTransAB(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multTransAB(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multAddTransA", true, false, true, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multAddTransA(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multAddTransA(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multAddTransB", false, true, true, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multAddTransB(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multAddTransB(ALPHA_RE, ALPHA_IM, a, b, c)),
            new Case("multAddTransAB", true, true, true, true,
                    (a, b, c) -> MultAcceleration_ZDRM.multAddTransAB(ALPHA_RE, ALPHA_IM, a, b, c),
                    (a, b, c) -> CommonOps_ZDRM.multAddTransAB(ALPHA_RE, ALPHA_IM, a, b, c)));

    @BeforeEach
    void enableCoverage() {
        EjmlExecution.reset();
        EjmlCoverage.enable();
        EjmlCoverage.reset();
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
        EjmlCoverage.reset();
        EjmlCoverage.disable();
    }

    private ZMatrixRMaj uniform(int rows, int cols) {
        ZMatrixRMaj m = new ZMatrixRMaj(rows, cols);
        for (int i = 0; i < 2 * rows * cols; i++) {
            m.data[i] = 2 * (double) random.nextDouble() - 1;
        }
        return m;
    }

    private static String key(Case c) {
        return "CommonOps_ZDRM." + c.name() + "(" + (c.scaled() ? "double,double," : "")
                + "ZMatrixRMaj,ZMatrixRMaj,ZMatrixRMaj)";
    }

    /**
     * The exact result as one product L·R whose magnitudes |L|·|R| bound every term: L = [α·op(a) | c₀] and
     * R = [op(b); I] when the method adds c₀, else L = α·op(a) and R = op(b).
     */
    private static Tolerance bound(Case c, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c0) {
        ZMatrixRMaj opA = c.transA() ? CommonOps_ZDRM.transposeConjugate(a, null) : a.copy();
        ZMatrixRMaj opB = c.transB() ? CommonOps_ZDRM.transposeConjugate(b, null) : b.copy();
        if (c.scaled()) {
            CommonOps_ZDRM.scale(ALPHA_RE, ALPHA_IM, opA);
        }
        if (!c.add()) {
            return Tolerance.gemm(HostMatrix.of(opA), HostMatrix.of(opB));
        }
        int m = opA.numRows;
        int k = opA.numCols;
        int n = opB.numCols;
        ZMatrixRMaj left = new ZMatrixRMaj(m, k + n);
        place(opA, left, 0, 0);
        place(c0, left, 0, k);
        ZMatrixRMaj right = new ZMatrixRMaj(k + n, n);
        place(opB, right, 0, 0);
        place(CommonOps_ZDRM.identity(n), right, k, 0);
        return Tolerance.gemm(HostMatrix.of(left), HostMatrix.of(right));
    }

    private static void place(ZMatrixRMaj src, ZMatrixRMaj dst, int row, int col) {
        CommonOps_ZDRM.extract(src, 0, src.numRows, 0, src.numCols, dst, row, col);
    }

    private void check(Case c, int m, int n, int k) {
        ZMatrixRMaj a = c.transA() ? uniform(k, m) : uniform(m, k);
        ZMatrixRMaj b = c.transB() ? uniform(n, k) : uniform(k, n);
        ZMatrixRMaj c0 = uniform(m, n);
        ZMatrixRMaj ours = c0.copy();
        ZMatrixRMaj theirs = c0.copy();
        c.ours().run(a, b, ours);
        c.ejml().run(a, b, theirs);
        assertEquals(m, ours.numRows);
        assertEquals(n, ours.numCols);
        // Each result is within the bound (c = 4 for complex types) of the exact one, so they differ by twice that.
        Validation.compare(HostMatrix.of(ours), HostMatrix.of(theirs), bound(c, a, b, c0).withConstant(8))
                .assertPassed();
    }

    @Test
    void everyMethodAgreesWithEjmlAboveTheThreshold() {
        EjmlExecution.setThreshold(EjmlExecution.Family.MULT, 0);
        for (Case c : CASES) {
            check(c, 33, 17, 25);
            check(c, 1, 1, 1);
            check(c, 64, 1, 40);
            EjmlCoverage.Counts counts = EjmlCoverage.snapshot().get(key(c));
            assertEquals(3, counts == null ? 0 : counts.accelerated(), key(c));
        }
    }

    @Test
    void belowTheMeasuredThresholdTheResultIsEjmls() {
        int side = (int) Math.cbrt(MultAcceleration_ZDRM.MULT_THRESHOLD) - 1;
        for (Case c : CASES) {
            ZMatrixRMaj a = uniform(side, side);
            ZMatrixRMaj b = uniform(side, side);
            ZMatrixRMaj ours = uniform(side, side);
            ZMatrixRMaj theirs = ours.copy();
            c.ours().run(a, b, ours);
            c.ejml().run(a, b, theirs);
            assertArrayEquals(theirs.data, ours.data, key(c));
            EjmlCoverage.Counts counts = EjmlCoverage.snapshot().get(key(c));
            assertEquals(1, counts.delegated(), key(c));
        }
    }

    @Test
    void emptyInnerDimensionsAreEjmls() {
        EjmlExecution.setThreshold(EjmlExecution.Family.MULT, 0);
        for (Case c : CASES) {
            ZMatrixRMaj a = c.transA() ? uniform(0, 3) : uniform(3, 0);
            ZMatrixRMaj b = c.transB() ? uniform(4, 0) : uniform(0, 4);
            ZMatrixRMaj ours = uniform(3, 4);
            ZMatrixRMaj theirs = ours.copy();
            c.ours().run(a, b, ours);
            c.ejml().run(a, b, theirs);
            assertArrayEquals(theirs.data, ours.data, key(c));
        }
    }

    @Test
    void aliasedAndMismatchedOperandsThrowEjmlsExceptions() {
        EjmlExecution.setThreshold(EjmlExecution.Family.MULT, 0);
        for (Case c : CASES) {
            ZMatrixRMaj square = uniform(30, 30);
            ZMatrixRMaj other = uniform(30, 30);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.ejml().run(square, other, square));
            IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                    () -> c.ours().run(square, other, square), key(c));
            assertEquals(e.getMessage(), o.getMessage());

            ZMatrixRMaj wrongC = uniform(30, 29);
            MatrixDimensionException e2 = assertThrows(MatrixDimensionException.class,
                    () -> c.ejml().run(square, other, wrongC));
            MatrixDimensionException o2 = assertThrows(MatrixDimensionException.class,
                    () -> c.ours().run(square, other, wrongC), key(c));
            assertEquals(e2.getMessage(), o2.getMessage());

            ZMatrixRMaj wrongB = uniform(29, 29);
            MatrixDimensionException e3 = assertThrows(MatrixDimensionException.class,
                    () -> c.ejml().run(square, wrongB, uniform(30, 29)));
            MatrixDimensionException o3 = assertThrows(MatrixDimensionException.class,
                    () -> c.ours().run(square, wrongB, uniform(30, 29)), key(c));
            assertEquals(e3.getMessage(), o3.getMessage());
        }
    }
}
