package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.HostMatrix;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SolveAcceleration_ZDRM} against EJML's CommonOps_ZDRM: accelerated solve, invert and det satisfy the
 * backward-error bound EJML's results satisfy, keep EJML's reshaping, returned booleans and unmodified inputs, and
 * calls EJML rejects or that stay below the threshold give EJML's own outcome.
 */
class SolveAccelerationZdrmTest {
    private static final String CLASS = "CommonOps_ZDRM.";
    private final Random random = new Random(7);

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

    /** I + R/(4√n), R with real and imaginary parts uniform in [-1, 1): κ₂ below 4, det near 1. */
    private ZMatrixRMaj wellConditioned(int n) {
        ZMatrixRMaj a = uniform(n, n);
        CommonOps_ZDRM.scale((double) (0.25 / Math.sqrt(n)), 0, a);
        for (int i = 0; i < n; i++) {
            a.data[2 * (i * n + i)] += 1;
        }
        return a;
    }

    private static double[] dense(ZMatrixRMaj m) {
        return Arrays.copyOf(m.data, 2 * m.getNumElements());
    }

    private static void assertSolves(ZMatrixRMaj a, ZMatrixRMaj x, ZMatrixRMaj b) {
        Validation.solve(HostMatrix.of(a), HostMatrix.of(x), HostMatrix.of(b), Tolerance.luSolve()).assertPassed();
    }

    private static long accelerated(String key) {
        EjmlCoverage.Counts c = EjmlCoverage.snapshot().get(key);
        return c == null ? 0 : c.accelerated();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 20, 70})
    void solveMeetsTheBackwardErrorBound(int n) {
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        for (int k : new int[] {1, 3}) {
            ZMatrixRMaj a = wellConditioned(n);
            ZMatrixRMaj b = uniform(n, k);
            ZMatrixRMaj a0 = a.copy();
            ZMatrixRMaj b0 = b.copy();
            ZMatrixRMaj x = new ZMatrixRMaj(2, 5);
            assertTrue(SolveAcceleration_ZDRM.solve(a, b, x));
            assertEquals(n, x.numRows);
            assertEquals(k, x.numCols);
            assertSolves(a, x, b);
            assertArrayEquals(a0.data, a.data);
            assertArrayEquals(b0.data, b.data);
            ZMatrixRMaj reference = new ZMatrixRMaj(1, 1);
            assertTrue(CommonOps_ZDRM.solve(a, b, reference));
            assertSolves(a, reference, b);
            ZMatrixRMaj aliased = b.copy();
            assertTrue(SolveAcceleration_ZDRM.solve(a, aliased, aliased));
            assertArrayEquals(dense(x), dense(aliased), "x may be b");
        }
        assertEquals(4, accelerated(CLASS + "solve(ZMatrixRMaj,ZMatrixRMaj,ZMatrixRMaj)"));
    }

    @Test
    void belowTheThresholdAndForShapesEjmlTreatsItselfTheResultIsEjmls() {
        int small = (int) Math.ceil(Math.sqrt(SolveAcceleration_ZDRM.LU_THRESHOLD)) - 1;
        ZMatrixRMaj a = wellConditioned(small);
        ZMatrixRMaj b = uniform(small, 2);
        ZMatrixRMaj ours = new ZMatrixRMaj(1, 1);
        ZMatrixRMaj theirs = new ZMatrixRMaj(1, 1);
        assertTrue(SolveAcceleration_ZDRM.solve(a, b, ours));
        assertTrue(CommonOps_ZDRM.solve(a, b, theirs));
        assertArrayEquals(dense(theirs), dense(ours));

        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        ZMatrixRMaj tall = uniform(30, 20);
        ZMatrixRMaj c = uniform(30, 1);
        ours = new ZMatrixRMaj(1, 1);
        theirs = new ZMatrixRMaj(1, 1);
        assertTrue(SolveAcceleration_ZDRM.solve(tall, c, ours));
        assertTrue(CommonOps_ZDRM.solve(tall, c, theirs));
        assertArrayEquals(dense(theirs), dense(ours), "least squares is EJML's");
        ZMatrixRMaj square = wellConditioned(30);
        ZMatrixRMaj wrong = uniform(29, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommonOps_ZDRM.solve(square, wrong, new ZMatrixRMaj(1, 1)));
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> SolveAcceleration_ZDRM.solve(square, wrong, new ZMatrixRMaj(1, 1)));
        assertEquals(e.getMessage(), o.getMessage());
        assertEquals(0, accelerated(CLASS + "solve(ZMatrixRMaj,ZMatrixRMaj,ZMatrixRMaj)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 30, 70})
    void invertMeetsTheBoundInPlaceAndIntoAResult(int n) {
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        ZMatrixRMaj a = wellConditioned(n);
        ZMatrixRMaj a0 = a.copy();
        ZMatrixRMaj result = new ZMatrixRMaj(2, 3);
        assertTrue(SolveAcceleration_ZDRM.invert(a, result));
        assertEquals(n, result.numRows);
        assertEquals(n, result.numCols);
        assertArrayEquals(a0.data, a.data);
        assertSolves(a, result, CommonOps_ZDRM.identity(n));
        ZMatrixRMaj inPlace = a.copy();
        assertTrue(SolveAcceleration_ZDRM.invert(inPlace));
        assertArrayEquals(dense(result), dense(inPlace));
        ZMatrixRMaj aliased = a.copy();
        assertTrue(SolveAcceleration_ZDRM.invert(aliased, aliased));
        assertArrayEquals(dense(result), dense(aliased), "output may be input");
        ZMatrixRMaj reference = new ZMatrixRMaj(1, 1);
        assertTrue(CommonOps_ZDRM.invert(a, reference));
        assertSolves(a, reference, CommonOps_ZDRM.identity(n));
        assertEquals(2, accelerated(CLASS + "invert(ZMatrixRMaj,ZMatrixRMaj)"));
        assertEquals(1, accelerated(CLASS + "invert(ZMatrixRMaj)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 30, 90})
    void detAgreesWithEjmlWithinTheBackwardErrorBound(int n) {
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        ZMatrixRMaj a = wellConditioned(n);
        ZMatrixRMaj a0 = a.copy();
        Complex_F64 ours = SolveAcceleration_ZDRM.det(a);
        Complex_F64 theirs = CommonOps_ZDRM.det(a);
        assertArrayEquals(a0.data, a.data);
        // Both backward stable (‖E‖ <= 4n·u·‖A‖): |Δdet/det| <= n·κ·4n·u each with κ < 4, so they differ by at most
        // 32n·n·u (normwise over the (re, im) pair).
        Validation.compare(new double[] {ours.real, ours.imaginary}, new double[] {theirs.real, theirs.imaginary},
                Tolerance.normwise(32.0 * n, n)).assertPassed();
        assertTrue(ours.getMagnitude() > 0.01, "det is not trivially small");
        assertEquals(1, accelerated(CLASS + "det(ZMatrixRMaj)"));
    }

    @Test
    void singularAndNonSquareMatricesBehaveAsEjml() {
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        ZMatrixRMaj singular = new ZMatrixRMaj(30, 30);
        Complex_F64 ejml = CommonOps_ZDRM.det(singular);
        Complex_F64 ours = SolveAcceleration_ZDRM.det(singular);
        assertEquals(0.0, ejml.getMagnitude(), 0.0);
        assertEquals(0.0, ours.getMagnitude(), 0.0);
        ZMatrixRMaj r = new ZMatrixRMaj(1, 1);
        assertTrue(CommonOps_ZDRM.invert(singular, r));
        assertTrue(SolveAcceleration_ZDRM.invert(singular, r), "EJML's LU reports success when singular");
        boolean nonFinite = false;
        for (int i = 0; i < 2 * r.getNumElements(); i++) {
            nonFinite |= !Double.isFinite(r.data[i]);
        }
        assertTrue(nonFinite);

        ZMatrixRMaj wide = uniform(20, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommonOps_ZDRM.det(wide));
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> SolveAcceleration_ZDRM.det(wide));
        assertEquals(e.getMessage(), o.getMessage());
        assertEquals(1, accelerated(CLASS + "det(ZMatrixRMaj)"), "only the square det was accelerated");
    }
}
