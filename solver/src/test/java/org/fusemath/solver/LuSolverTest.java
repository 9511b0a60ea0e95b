package org.fusemath.solver;

import static org.fusemath.solver.LinalgTest.backwardError;
import static org.fusemath.solver.LinalgTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The LU factor object beyond A·X = B: transposed and conjugate-transposed solves (backward error of op(A), same
 * bound as {@link LinalgTest}), slogdet against det, gecon against the exact 1-norm condition number, and the
 * stateful {@link LuSolver}'s plan → factorize → solve → resetOperands cycle.
 */
class LuSolverTest {
    private static final double C = 4;

    /** op(A) as an explicit dense matrix in A's layout. */
    static HostMatrix applied(Op op, HostMatrix a) {
        DType t = a.dtype();
        int rows = (int) a.shape().rows();
        int cols = (int) a.shape().cols();
        boolean tr = op != Op.NONE;
        MatrixShape s = MatrixShape.dense(tr ? cols : rows, tr ? rows : cols, a.shape().layout());
        Object out = Dense.allocate(t, (long) rows * cols);
        int slots = t.slotsPerElement();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int from = (int) a.shape().indexOf(0, i, j) * slots;
                int to = (int) (tr ? s.indexOf(0, j, i) : s.indexOf(0, i, j)) * slots;
                Dense.set(out, to, Dense.get(a.array(), from));
                if (slots == 2) {
                    double im = Dense.get(a.array(), from + 1);
                    Dense.set(out, to + 1, op == Op.CONJUGATE_TRANSPOSE ? -im : im);
                }
            }
        }
        return HostMatrix.of(t, out, s);
    }

    @Test
    void transposedAndConjugateTransposedSolvesMeetTheBackwardErrorBound() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (int n : new int[] {1, 6, 97}) {
                    HostMatrix a = random(t, n, n, la, 31 + n);
                    LuFactorization lu = LuFactorization.factor(a);
                    for (Op op : Op.values()) {
                        HostMatrix opA = applied(op, a);
                        for (Layout lb : Layout.values()) {
                            HostMatrix b = random(t, n, 2, lb, 5 + n);
                            HostMatrix x = lu.solve(op, b);
                            double e = backwardError(opA, x, b);
                            assertTrue(e <= C, t + " " + la + " " + op + " B " + lb + " n=" + n + ": " + e);
                        }
                    }
                }
            }
        }
    }

    @Test
    void slogdetAgreesWithDetAndStaysFiniteWhereDetOverflows() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                HostMatrix a = random(t, 9, 9, la, 77);
                Scalar det = Linalg.det(a);
                SignLogDet s = Linalg.slogdet(a);
                Scalar back = s.determinant();
                double scale = Math.hypot(det.re(), det.im());
                // Both come from the same factors: they differ by the rounding of n logs and exps, O(n·u) relative.
                double bound = 9 * 16 * t.unitRoundoff() * scale;
                assertTrue(Math.hypot(back.re() - det.re(), back.im() - det.im()) <= bound, t + " " + la + ": " + s
                        + " vs " + det);
                assertEquals(1, Math.hypot(s.sign().re(), s.sign().im()), 8 * t.unitRoundoff(), "|sign|");
            }
        }
        // det((-10)·I) = 10^400 for n = 400 overflows F64; slogdet does not.
        int n = 400;
        double[] big = new double[n * n];
        for (int i = 0; i < n; i++) {
            big[i * n + i] = -10;
        }
        HostMatrix a = HostMatrix.of(big, n, n);
        assertEquals(Double.POSITIVE_INFINITY, Linalg.det(a).re(), "det overflows");
        SignLogDet s = Linalg.slogdet(a);
        assertEquals(1.0, s.sign().re(), "(-1)^400");
        assertEquals(n * Math.log(10), s.logAbsDet(), 1e-12 * n * Math.log(10));
        SignLogDet singular = Linalg.slogdet(HostMatrix.of(new double[] {1, 2, 2, 4}, 2, 2));
        assertEquals(Scalar.ZERO, singular.sign());
        assertEquals(Double.NEGATIVE_INFINITY, singular.logAbsDet());
        assertEquals(new SignLogDet(Scalar.ONE, 0), Linalg.slogdet(HostMatrix.of(new double[0], 0, 0)));
    }

    /** The exact 1-norm reciprocal condition number from an explicit inverse, in double. */
    private static double exactRcond(HostMatrix a) {
        HostMatrix inv = LuFactorization.factor(a).inverse();
        return 1 / (norm1(a) * norm1(inv));
    }

    private static double norm1(HostMatrix m) {
        double worst = 0;
        for (long j = 0; j < m.shape().cols(); j++) {
            double sum = 0;
            for (long i = 0; i < m.shape().rows(); i++) {
                sum += Math.hypot(LinalgTest.re(m, i, j), LinalgTest.im(m, i, j));
            }
            worst = Math.max(worst, sum);
        }
        return worst;
    }

    static HostMatrix hilbert(DType t, int n, Layout layout) {
        Object data = Dense.allocate(t, (long) n * n);
        MatrixShape s = MatrixShape.dense(n, n, layout);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Dense.set(data, (int) s.indexOf(0, i, j) * t.slotsPerElement(), 1.0 / (i + j + 1));
            }
        }
        return HostMatrix.of(t, data, s);
    }

    @Test
    void theConditionEstimateBracketsTheExactValueWithinAFactorOfTen() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                // gecon estimates ‖A⁻¹‖₁ from below, so its rcond is at least the exact one, and in practice within 3x.
                HostMatrix[] cases = {random(t, 50, 50, la, 3), hilbert(t, t.isSinglePrecision() ? 4 : 8, la)};
                for (HostMatrix a : cases) {
                    double exact = exactRcond(a);
                    double est = LuFactorization.factor(a).reciprocalCondition();
                    // The exact value's own error: the inverse is accurate to O(κ·u) relatively.
                    double slack = 1 + 100 * t.unitRoundoff() / exact;
                    assertTrue(est * slack >= exact && est <= 10 * exact * slack, t + " " + la + " n="
                            + a.shape().rows() + ": estimate " + est + ", exact " + exact);
                }
            }
        }
        assertEquals(0.0, LuFactorization.factor(HostMatrix.of(new double[] {1, 2, 2, 4}, 2, 2)).reciprocalCondition());
        assertEquals(1.0, LuFactorization.factor(LinalgTest.identity(DType.C128, 5)).reciprocalCondition(), 1e-15);
        assertTrue(Double.isNaN(LuFactorization.factor(HostMatrix.of(new double[] {1, Double.NaN, 0, 1}, 2, 2))
                .reciprocalCondition()), "NaN in A propagates into rcond");
    }

    @Test
    void nanInAPropagatesIntoTheSolution() {
        HostMatrix a = HostMatrix.of(new double[] {2, 0, 0, Double.NaN}, 2, 2);
        HostMatrix x = Linalg.solve(a, HostMatrix.of(new double[] {2, 1}, 2, 1));
        assertTrue(Double.isNaN(x.doubles()[1]), "x = " + java.util.Arrays.toString(x.doubles()));
        assertTrue(Double.isNaN(Linalg.det(a).re()));
    }

    @Test
    void theSolverFactorsOnceSolvesManyAndRefactorsNewMatricesIntoTheSameBuffers() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (Layout lb : Layout.values()) {
                    int n = 40;
                    HostMatrix a = random(t, n, n, la, 1);
                    HostMatrix b = random(t, n, 3, lb, 2);
                    try (LuSolver solver = new LuSolver(FuseContext.defaults(), a, b, Op.NONE)) {
                        solver.plan().factorize();
                        HostMatrix x = solver.solve();
                        assertTrue(backwardError(a, x, b) <= C);
                        assertEquals(lb, x.shape().layout());
                        HostMatrix b2 = random(t, n, 3, lb, 3);
                        HostMatrix x2 = solver.resetOperands(null, b2).solve();
                        assertSame(x.array(), x2.array(), "the plan's buffer is reused");
                        assertTrue(backwardError(a, x2, b2) <= C);
                        HostMatrix a2 = random(t, n, n, la, 4);
                        solver.resetOperands(a2, null);
                        assertThrows(IllegalStateException.class, solver::solve, "a new A needs factorize()");
                        HostMatrix x3 = solver.factorize().solve();
                        assertTrue(backwardError(a2, x3, b2) <= C);
                        assertEquals(LuFactorization.factor(a2).logDeterminant(), solver.logDeterminant());
                    }
                }
            }
        }
    }

    @Test
    void theSolverChecksItsLifecycleAndOperands() {
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 2, 4}, 2, 2);
        HostMatrix b = HostMatrix.of(new double[] {1, 1}, 2, 1);
        LuSolver solver = new LuSolver(a, b);
        assertThrows(IllegalStateException.class, solver::factorize, "not planned");
        solver.plan().factorize();
        assertEquals(2, solver.info());
        assertEquals(2, assertThrows(SingularMatrixException.class, solver::solve).info());
        assertThrows(ShapeMismatchException.class, () -> solver.resetOperands(HostMatrix.of(new double[9], 3, 3), null));
        assertThrows(ShapeMismatchException.class, () -> solver.resetOperands(null, HostMatrix.of(new double[4], 2, 2)));
        assertThrows(ShapeMismatchException.class, () -> solver.resetOperands(HostMatrix.of(DType.F64, new double[4],
                MatrixShape.columnMajor(2, 2)), null), "another storage order than planned");
        assertThrows(ShapeMismatchException.class, () -> new LuSolver(a, HostMatrix.of(new double[3], 3, 1)));
        solver.close();
        solver.close();
        assertThrows(IllegalStateException.class, solver::solve);
        assertThrows(IllegalStateException.class, solver::plan);
    }
}
