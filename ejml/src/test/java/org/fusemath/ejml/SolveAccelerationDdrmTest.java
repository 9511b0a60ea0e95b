package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link SolveAcceleration_DDRM} against EJML's CommonOps_DDRM: the accelerated path (forced with a threshold of 0,
 * and by default above the measured threshold) satisfies the backward-error bound that EJML's results satisfy, keeps
 * EJML's reshaping, returned booleans, unmodified inputs and exceptions; calls EJML rejects or that stay below the
 * threshold are EJML's own results, bit for bit.
 */
class SolveAccelerationDdrmTest {
    private static final String CLASS = "CommonOps_DDRM.";
    private final Random random = new Random(42);

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

    /**
     * I + R/(2√n) with R uniform in [-1, 1): ‖R‖₂ ≈ 1.15·√n, so the singular values lie in about [0.42, 1.58] and
     * κ₂ &lt; 4; det stays near 1 (no overflow in either type).
     */
    private DMatrixRMaj wellConditioned(int n) {
        DMatrixRMaj a = uniform(n, n);
        CommonOps_DDRM.scale((double) (0.5 / Math.sqrt(n)), a);
        for (int i = 0; i < n; i++) {
            a.add(i, i, 1);
        }
        return a;
    }

    /** Rᵀ·R + n·I: symmetric positive definite with a small condition number. */
    private DMatrixRMaj spd(int n) {
        DMatrixRMaj r = uniform(n, n);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(r, r, a);
        for (int i = 0; i < n; i++) {
            a.add(i, i, n);
        }
        return a;
    }

    private DMatrixRMaj uniform(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = 2 * (double) random.nextDouble() - 1;
        }
        return m;
    }

    private static boolean anyNonFinite(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isFinite(m.data[i])) {
                return true;
            }
        }
        return false;
    }

    private static double[] dense(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }

    private static void assertSolves(DMatrixRMaj a, DMatrixRMaj x, DMatrixRMaj b) {
        Validation.solve(dense(a), dense(x), dense(b), Tolerance.luSolve()).assertPassed();
    }

    private static long accelerated(String key) {
        EjmlCoverage.Counts c = EjmlCoverage.snapshot().get(key);
        return c == null ? 0 : c.accelerated();
    }

    private static void forceAcceleration() {
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
    }

    /** EJML's outcome and ours are the same: the same exception class and message, or equal results. */
    private static <T> void assertSameOutcome(Callable<T> ours, Callable<T> ejml) throws Exception {
        Object expected;
        try {
            expected = ejml.call();
        } catch (RuntimeException e) {
            Exception got = null;
            try {
                ours.call();
            } catch (RuntimeException o) {
                got = o;
            }
            assertTrue(got != null, "EJML threw " + e + ", ours did not");
            assertEquals(e.getClass(), got.getClass());
            assertEquals(e.getMessage(), got.getMessage());
            return;
        }
        assertEquals(expected, ours.call());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 8, 33, 100})
    void solveMeetsTheBackwardErrorBoundOfEjmlsSolve(int n) {
        forceAcceleration();
        for (int k : new int[] {1, 3}) {
            DMatrixRMaj a = wellConditioned(n);
            DMatrixRMaj b = uniform(n, k);
            DMatrixRMaj a0 = a.copy();
            DMatrixRMaj b0 = b.copy();
            DMatrixRMaj x = new DMatrixRMaj(2, 7);
            assertTrue(SolveAcceleration_DDRM.solve(a, b, x));
            assertEquals(n, x.numRows);
            assertEquals(k, x.numCols);
            assertSolves(a, x, b);
            assertArrayEquals(a0.data, a.data, "a is not modified");
            assertArrayEquals(b0.data, b.data, "b is not modified");
            DMatrixRMaj reference = new DMatrixRMaj(1, 1);
            assertTrue(CommonOps_DDRM.solve(a, b, reference));
            assertSolves(a, reference, b);
        }
        assertEquals(2, accelerated(CLASS + "solve(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)"));
    }

    @Test
    void solveAcceleratesAboveTheMeasuredThresholdAndDelegatesBelowIt() {
        int big = (int) Math.ceil(Math.sqrt(SolveAcceleration_DDRM.SOLVE_THRESHOLD));
        DMatrixRMaj a = wellConditioned(big);
        DMatrixRMaj b = uniform(big, 1);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        assertTrue(SolveAcceleration_DDRM.solve(a, b, x));
        assertSolves(a, x, b);
        assertEquals(1, accelerated(CLASS + "solve(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)"));

        int small = big - 1;
        DMatrixRMaj c = wellConditioned(small);
        DMatrixRMaj d = uniform(small, 2);
        DMatrixRMaj ours = new DMatrixRMaj(1, 1);
        DMatrixRMaj theirs = new DMatrixRMaj(1, 1);
        assertTrue(SolveAcceleration_DDRM.solve(c, d, ours));
        assertTrue(CommonOps_DDRM.solve(c, d, theirs));
        assertArrayEquals(dense(theirs), dense(ours), "below the threshold the result is EJML's");
        assertEquals(1, accelerated(CLASS + "solve(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)"));
    }

    @Test
    void solveMayOverwriteItsRightHandSide() {
        forceAcceleration();
        for (int k : new int[] {1, 4}) {
            DMatrixRMaj a = wellConditioned(40);
            DMatrixRMaj b = uniform(40, k);
            DMatrixRMaj x = new DMatrixRMaj(1, 1);
            SolveAcceleration_DDRM.solve(a, b, x);
            assertTrue(SolveAcceleration_DDRM.solve(a, b, b));
            assertArrayEquals(dense(x), dense(b));
        }
    }

    @Test
    void solveOfASingularSystemReturnsTrueWithNonFiniteValuesAsEjml() {
        forceAcceleration();
        DMatrixRMaj a = wellConditioned(40);
        for (int j = 0; j < 40; j++) {
            a.set(7, j, 0);
        }
        DMatrixRMaj b = uniform(40, 1);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj reference = new DMatrixRMaj(1, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, reference));
        assertTrue(SolveAcceleration_DDRM.solve(a, b, x));
        assertTrue(anyNonFinite(reference), "EJML's x is not finite");
        assertTrue(anyNonFinite(x), "our x is not finite");
    }

    @Test
    void solveOfNonSquareOrMismatchedShapesIsEjmls() throws Exception {
        forceAcceleration();
        DMatrixRMaj tall = uniform(40, 30);
        DMatrixRMaj b = uniform(40, 2);
        DMatrixRMaj ours = new DMatrixRMaj(1, 1);
        DMatrixRMaj theirs = new DMatrixRMaj(1, 1);
        assertTrue(SolveAcceleration_DDRM.solve(tall, b, ours));
        assertTrue(CommonOps_DDRM.solve(tall, b, theirs));
        assertEquals(30, ours.numRows);
        assertArrayEquals(dense(theirs), dense(ours), "least squares is EJML's");

        DMatrixRMaj a = wellConditioned(40);
        DMatrixRMaj wrong = uniform(39, 2);
        assertSameOutcome(() -> SolveAcceleration_DDRM.solve(a, wrong, new DMatrixRMaj(1, 1)),
                () -> CommonOps_DDRM.solve(a, wrong, new DMatrixRMaj(1, 1)));
        DMatrixRMaj empty = new DMatrixRMaj(0, 0);
        assertSameOutcome(() -> SolveAcceleration_DDRM.solve(empty, new DMatrixRMaj(0, 1), new DMatrixRMaj(1, 1)),
                () -> CommonOps_DDRM.solve(empty, new DMatrixRMaj(0, 1), new DMatrixRMaj(1, 1)));
        assertEquals(0, accelerated(CLASS + "solve(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 40, 90})
    void invertInPlaceAndIntoAResultMeetTheBound(int n) {
        forceAcceleration();
        DMatrixRMaj a = wellConditioned(n);
        DMatrixRMaj a0 = a.copy();
        DMatrixRMaj identity = CommonOps_DDRM.identity(n);

        DMatrixRMaj result = new DMatrixRMaj(3, 5);
        assertTrue(SolveAcceleration_DDRM.invert(a, result));
        assertEquals(n, result.numRows);
        assertEquals(n, result.numCols);
        assertArrayEquals(a0.data, a.data, "mat is not modified");
        assertSolves(a, result, identity);

        DMatrixRMaj inPlace = a.copy();
        assertTrue(SolveAcceleration_DDRM.invert(inPlace));
        assertArrayEquals(dense(result), dense(inPlace), "both forms compute the same inverse");

        DMatrixRMaj aliased = a.copy();
        assertTrue(SolveAcceleration_DDRM.invert(aliased, aliased));
        assertArrayEquals(dense(result), dense(aliased), "result may be mat");

        DMatrixRMaj reference = new DMatrixRMaj(1, 1);
        assertTrue(CommonOps_DDRM.invert(a, reference));
        assertSolves(a, reference, identity);
        assertEquals(2, accelerated(CLASS + "invert(DMatrixRMaj,DMatrixRMaj)"));
        assertEquals(1, accelerated(CLASS + "invert(DMatrixRMaj)"));
    }

    @Test
    void invertOfNonSquareOrSingularMatricesBehavesAsEjml() throws Exception {
        forceAcceleration();
        for (int[] shape : new int[][] {{3, 4}, {40, 30}, {0, 0}}) {
            DMatrixRMaj m = uniform(shape[0], shape[1]);
            assertSameOutcome(() -> {
                DMatrixRMaj r = new DMatrixRMaj(1, 1);
                return SolveAcceleration_DDRM.invert(m.copy(), r) + Arrays.toString(dense(r));
            }, () -> {
                DMatrixRMaj r = new DMatrixRMaj(1, 1);
                return CommonOps_DDRM.invert(m.copy(), r) + Arrays.toString(dense(r));
            });
            assertSameOutcome(() -> {
                DMatrixRMaj r = m.copy();
                return SolveAcceleration_DDRM.invert(r) + Arrays.toString(dense(r));
            }, () -> {
                DMatrixRMaj r = m.copy();
                return CommonOps_DDRM.invert(r) + Arrays.toString(dense(r));
            });
        }
        DMatrixRMaj singular = new DMatrixRMaj(40, 40);
        DMatrixRMaj r = new DMatrixRMaj(1, 1);
        assertTrue(CommonOps_DDRM.invert(singular, r));
        assertTrue(SolveAcceleration_DDRM.invert(singular, r), "EJML's LU inverse reports success when singular");
        assertTrue(anyNonFinite(r));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 40, 120})
    void detAgreesWithEjmlWithinTheBackwardErrorBound(int n) {
        forceAcceleration();
        DMatrixRMaj a = wellConditioned(n);
        DMatrixRMaj a0 = a.copy();
        double ours = SolveAcceleration_DDRM.det(a);
        double theirs = CommonOps_DDRM.det(a);
        assertArrayEquals(a0.data, a.data, "mat is not modified");
        // Both are backward stable (‖E‖ <= 4n·u·‖A‖): |Δdet/det| <= n·κ·4n·u each with κ < 4 here, so the two differ
        // by at most 2·16n·n·u: normwise with c = 32n.
        Validation.compare(new double[] {ours}, new double[] {theirs}, Tolerance.normwise(32.0 * n, n)).assertPassed();
        assertNotEquals(0.0, ours, 0.0);
    }

    @Test
    void detOfSingularAndNonSquareMatricesIsEjmls() throws Exception {
        forceAcceleration();
        DMatrixRMaj singular = wellConditioned(40);
        for (int j = 0; j < 40; j++) {
            singular.set(j, 3, 0);
        }
        assertEquals(0.0, CommonOps_DDRM.det(singular), 0.0);
        assertEquals(0.0, SolveAcceleration_DDRM.det(singular), 0.0);
        for (int[] shape : new int[][] {{3, 4}, {40, 30}, {0, 0}}) {
            DMatrixRMaj m = uniform(shape[0], shape[1]);
            assertSameOutcome(() -> SolveAcceleration_DDRM.det(m), () -> CommonOps_DDRM.det(m));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 40, 100})
    void solveSpdMeetsTheBoundAndKeepsItsInputs(int n) {
        forceAcceleration();
        for (int k : new int[] {1, 3}) {
            DMatrixRMaj a = spd(n);
            DMatrixRMaj b = uniform(n, k);
            DMatrixRMaj a0 = a.copy();
            DMatrixRMaj b0 = b.copy();
            DMatrixRMaj x = new DMatrixRMaj(5, 1);
            assertTrue(SolveAcceleration_DDRM.solveSPD(a, b, x));
            assertEquals(n, x.numRows);
            assertEquals(k, x.numCols);
            assertSolves(a, x, b);
            assertArrayEquals(a0.data, a.data);
            assertArrayEquals(b0.data, b.data);
            DMatrixRMaj aliased = b.copy();
            assertTrue(SolveAcceleration_DDRM.solveSPD(a, aliased, aliased));
            assertArrayEquals(dense(x), dense(aliased), "x may be b");
        }
        assertEquals(4, accelerated(CLASS + "solveSPD(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 40})
    void solveSpdAndInvertSpdReturnFalseForANonPositiveDefiniteMatrixAsEjml(int n) {
        forceAcceleration();
        DMatrixRMaj a = spd(n);
        a.set(n - 1, n - 1, -1);
        DMatrixRMaj b = uniform(n, 1);
        assertFalse(CommonOps_DDRM.solveSPD(a, b, new DMatrixRMaj(1, 1)));
        assertFalse(SolveAcceleration_DDRM.solveSPD(a, b, new DMatrixRMaj(1, 1)));
        assertFalse(CommonOps_DDRM.invertSPD(a, new DMatrixRMaj(1, 1)));
        DMatrixRMaj result = new DMatrixRMaj(2, 2);
        assertFalse(SolveAcceleration_DDRM.invertSPD(a, result));
        assertEquals(n, result.numRows, "result is reshaped before the factorisation, as EJML does");
    }

    @Test
    void spdMethodsRejectNonSquareMatricesWithEjmlsException() throws Exception {
        forceAcceleration();
        for (int[] shape : new int[][] {{3, 4}, {40, 30}}) {
            DMatrixRMaj m = uniform(shape[0], shape[1]);
            DMatrixRMaj b = uniform(shape[0], 1);
            assertSameOutcome(() -> SolveAcceleration_DDRM.solveSPD(m, b, new DMatrixRMaj(1, 1)),
                    () -> CommonOps_DDRM.solveSPD(m, b, new DMatrixRMaj(1, 1)));
            assertSameOutcome(() -> SolveAcceleration_DDRM.invertSPD(m, new DMatrixRMaj(1, 1)),
                    () -> CommonOps_DDRM.invertSPD(m, new DMatrixRMaj(1, 1)));
        }
        DMatrixRMaj a = spd(40);
        DMatrixRMaj wrong = uniform(39, 1);
        assertSameOutcome(() -> SolveAcceleration_DDRM.solveSPD(a, wrong, new DMatrixRMaj(1, 1)),
                () -> CommonOps_DDRM.solveSPD(a, wrong, new DMatrixRMaj(1, 1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8, 40, 100})
    void invertSpdMeetsTheBound(int n) {
        forceAcceleration();
        DMatrixRMaj a = spd(n);
        DMatrixRMaj a0 = a.copy();
        DMatrixRMaj result = new DMatrixRMaj(1, 3);
        assertTrue(SolveAcceleration_DDRM.invertSPD(a, result));
        assertArrayEquals(a0.data, a.data);
        assertSolves(a, result, CommonOps_DDRM.identity(n));
        DMatrixRMaj aliased = a.copy();
        assertTrue(SolveAcceleration_DDRM.invertSPD(aliased, aliased));
        assertArrayEquals(dense(result), dense(aliased), "result may be mat");
        assertEquals(2, accelerated(CLASS + "invertSPD(DMatrixRMaj,DMatrixRMaj)"));
    }

    @Test
    void theEjmlModeDelegatesEverything() {
        forceAcceleration();
        EjmlExecution.setMode(EjmlExecution.Mode.EJML);
        DMatrixRMaj a = wellConditioned(50);
        DMatrixRMaj b = uniform(50, 2);
        DMatrixRMaj ours = new DMatrixRMaj(1, 1);
        DMatrixRMaj theirs = new DMatrixRMaj(1, 1);
        SolveAcceleration_DDRM.solve(a, b, ours);
        CommonOps_DDRM.solve(a, b, theirs);
        assertArrayEquals(dense(theirs), dense(ours));
        assertEquals(CommonOps_DDRM.det(a), SolveAcceleration_DDRM.det(a));
        assertEquals(0, accelerated(CLASS + "solve(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)"));
    }

    /** [I; 0] (or [I, 0]) plus R/(4·√max(m, n)): full rank, κ₂ below 2. */
    private DMatrixRMaj nearIdentity(int m, int n) {
        DMatrixRMaj a = uniform(m, n);
        CommonOps_DDRM.scale((double) (0.25 / Math.sqrt(Math.max(m, n))), a);
        for (int i = 0; i < Math.min(m, n); i++) {
            a.add(i, i, 1);
        }
        return a;
    }

    @Test
    void pinvAgreesWithEjmlForTallWideAndRankDeficientMatrices() throws Exception {
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        // gesdd and EJML's SVD are backward stable (residual <= 4·n·u·‖A‖); with κ₂ < 2 each pseudo-inverse is within
        // 2κ²·4n·u = 32n·u of the exact one, so they differ by at most 64n·u.
        Tolerance bound = Tolerance.normwise(64, 60);
        for (int[] shape : new int[][] {{60, 35}, {35, 60}, {40, 40}, {1, 1}, {1, 7}}) {
            DMatrixRMaj a = nearIdentity(shape[0], shape[1]);
            DMatrixRMaj a0 = a.copy();
            DMatrixRMaj ours = new DMatrixRMaj(2, 2);
            DMatrixRMaj theirs = new DMatrixRMaj(2, 2);
            SolveAcceleration_DDRM.pinv(a, ours);
            CommonOps_DDRM.pinv(a, theirs);
            assertArrayEquals(a0.data, a.data, "A is not modified");
            assertEquals(shape[1], ours.numRows);
            assertEquals(shape[0], ours.numCols);
            Validation.compare(dense(ours), dense(theirs), bound).assertPassed();
        }
        // Rank one, x·yᵀ: pinv = y·xᵀ / (‖x‖²·‖y‖²); the zero singular values fall below EJML's cut-off in both.
        DMatrixRMaj x = uniform(50, 1);
        DMatrixRMaj y = uniform(30, 1);
        DMatrixRMaj a = new DMatrixRMaj(50, 30);
        CommonOps_DDRM.multTransB(x, y, a);
        DMatrixRMaj exact = new DMatrixRMaj(30, 50);
        CommonOps_DDRM.multTransB(y, x, exact);
        CommonOps_DDRM.divide(exact, (double) (CommonOps_DDRM.dot(x, x) * CommonOps_DDRM.dot(y, y)));
        DMatrixRMaj ours = new DMatrixRMaj(1, 1);
        SolveAcceleration_DDRM.pinv(a, ours);
        Validation.compare(dense(ours), dense(exact), bound).assertPassed();
        assertEquals(6, accelerated(CLASS + "pinv(DMatrixRMaj,DMatrixRMaj)"));

        DMatrixRMaj same = nearIdentity(40, 40);
        assertSameOutcome(() -> {
            DMatrixRMaj m = same.copy();
            SolveAcceleration_DDRM.pinv(m, m);
            return Arrays.toString(dense(m));
        }, () -> {
            DMatrixRMaj m = same.copy();
            CommonOps_DDRM.pinv(m, m);
            return Arrays.toString(dense(m));
        });
    }
}
