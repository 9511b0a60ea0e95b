package org.fusemath.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** C = A·B accumulated in float, as a float GEMM would. */
    private static float[] floatProduct(float[] a, float[] b, int m, int k, int n) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static double[] doubleProduct(float[] a, float[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    c[i * n + j] += (double) a[i * k + p] * b[p * n + j];
                }
            }
        }
        return c;
    }

    @Test
    void aFloatGemmIsWithinItsBoundAndAWrongElementIsReportedByPosition() {
        int m = 9;
        int k = 300;
        int n = 7;
        SplittableRandom r = new SplittableRandom(1);
        float[] a = toFloat(random(r, m * k));
        float[] b = toFloat(random(r, k * n));
        float[] c = floatProduct(a, b, m, k, n);
        double[] reference = doubleProduct(a, b, m, k, n);
        Tolerance gemm = Tolerance.gemm(k, a, b);

        Comparison ok = Validation.assertWithinBound(c, reference, gemm);
        assertTrue(ok.passed());
        assertEquals(DType.F32, ok.dtype());
        assertTrue(ok.observed() > 0 && ok.observed() <= 1, ok.describe());
        assertEquals(2, gemm.constant());
        assertTrue(ok.metrics().maxAbsolute() > 0 && ok.metrics().maxUlps() >= 1, ok.describe());

        // The same float result judged as if it were double precision is far outside the double bound.
        double[] widened = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            widened[i] = c[i];
        }
        assertFalse(Validation.compare(widened, reference, gemm).passed());

        float[] wrong = c.clone();
        wrong[3 * n + 5] += 0.05f;
        AssertionError e = assertThrows(AssertionError.class, () -> Validation.assertWithinBound(wrong, reference, gemm));
        String message = e.getMessage();
        assertTrue(message.contains("gemm bound exceeded"), message);
        assertTrue(message.contains("worst element [3, 5]"), message);
        assertTrue(message.contains("actual " + (double) wrong[3 * n + 5]), message);
        assertTrue(message.contains("reference " + reference[3 * n + 5]), message);
        assertTrue(message.contains("c = 2"), message);
        Comparison bad = Validation.compare(wrong, reference, gemm);
        assertEquals(3 * n + 5, bad.worst().index());
        assertEquals(Math.abs(wrong[3 * n + 5] - reference[3 * n + 5]), bad.worst().error(), 1e-12);
        assertEquals(bad.worst().error() / bad.worst().bound(), bad.observed(), 1e-9);
    }

    @Test
    void theGemmBoundIsTheDotProductBoundOfEachElement() {
        double[] a = {1, -2, 3, 4};     // 2x2
        double[] b = {0.5, 1, -1, 2};   // 2x2
        Tolerance t = Tolerance.gemm(2, a, b);
        double u = DType.F64.unitRoundoff();
        // (|A||B|)(0, 1) = 1*1 + 2*2 = 5
        assertEquals(2 * Bounds.gamma(4, u) * 5, t.elementBound(0, 1, u), 1e-30);
        assertEquals(4 * u / (1 - 4 * u), Bounds.gamma(4, u), 0);
    }

    @Test
    void aNanIsNeverWithinBound() {
        double[] reference = {1, 2, 3};
        double[] actual = {1, Double.NaN, 3};
        Comparison c = Validation.compare(actual, reference, Tolerance.ulps(4));
        assertFalse(c.passed());
        assertEquals("[1]", c.worst().position());
        assertEquals(Double.POSITIVE_INFINITY, c.metrics().maxAbsolute());
        // NaN where the reference has NaN is agreement.
        assertTrue(Validation.compare(new double[] {Double.NaN}, new double[] {Double.NaN}, Tolerance.ulps(0)).passed());
    }

    @Test
    void metricsOfAKnownDifference() {
        double[] reference = {3, 0, 0, 4};      // 2x2 diag(3, 4): |.|_F = 5, |.|_2 = 4
        double[] actual = {3, 0, 0, 4.5};
        Tolerance t = Tolerance.gemm(2, new double[] {1, 0, 0, 1}, reference);
        ErrorMetrics m = Validation.compare(actual, reference, t).metrics();
        assertEquals(0.5, m.maxAbsolute());
        assertEquals(0.125, m.maxRelative());
        assertEquals(0.1, m.normwiseFrobenius(), 1e-15);
        assertEquals(0.125, m.normwiseTwo(), 1e-15);
        assertEquals(Math.pow(2, 49), m.maxUlps()); // 0.5 at 4 is 2^49 ulps of 2^-51
    }

    @Test
    void ulpsCountRepresentableNumbersInTheResultsType() {
        float x = 1.5f;
        float[] actual = {Math.nextUp(Math.nextUp(x)), -0f};
        double[] reference = {x, 0.0};
        Comparison c = Validation.compare(actual, reference, Tolerance.ulps(2));
        assertTrue(c.passed(), c.describe());
        assertEquals(2, c.observed());
        assertFalse(Validation.compare(actual, reference, Tolerance.ulps(1)).passed());
        // Across zero: -min and +min are two ulps apart.
        assertEquals(2, ErrorMetrics.ulps(DType.F64, -Double.MIN_VALUE, Double.MIN_VALUE));
        // Doubles of ordinary magnitude are counted exactly (their ordered bit patterns are near 2^62).
        assertEquals(1, ErrorMetrics.ulps(DType.F64, Math.nextUp(1.5), 1.5));
        assertEquals(3, ErrorMetrics.ulps(DType.F64, -1.5, Math.nextUp(Math.nextUp(Math.nextUp(-1.5)))));
        assertEquals(Double.POSITIVE_INFINITY, ErrorMetrics.ulps(DType.F64, Double.NaN, 1), 0);
    }

    @Test
    void theFftBoundIsNormwiseInLog2OfTheLength() {
        int n = 1024;
        Tolerance fft = Tolerance.fft(n);
        double u = DType.F64.unitRoundoff();
        double bound = 8 * u * 10;
        assertEquals(bound, fft.scalarBound(u, 0), 1e-30);
        SplittableRandom r = new SplittableRandom(2);
        double[] y = random(r, 2 * n);
        double[] dir = random(r, 2 * n);
        double ny = 0;
        double nd = 0;
        for (int i = 0; i < y.length; i++) {
            ny += y[i] * y[i];
            nd += dir[i] * dir[i];
        }
        for (double f : new double[] {0.5, 2}) {
            double[] actual = y.clone();
            double s = f * bound * Math.sqrt(ny) / Math.sqrt(nd);
            for (int i = 0; i < y.length; i++) {
                actual[i] += s * dir[i];
            }
            Comparison c = Validation.compare(HostMatrix.complex(actual, 1, n), HostMatrix.complex(y, 1, n), fft);
            assertEquals(f < 1, c.passed(), c.describe());
            assertEquals(f * bound, c.observed(), 1e-3 * bound);
            assertEquals(DType.C128, c.dtype());
        }
    }

    private static double[] data(DMatrixRMaj m) {
        return m.data.clone();
    }

    @Test
    void anLuSolveHasASmallBackwardErrorAndAPerturbedOneDoesNot() {
        int n = 60;
        SplittableRandom r = new SplittableRandom(3);
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, random(r, n * n));
        DMatrixRMaj b = DMatrixRMaj.wrap(n, 2, random(r, n * 2));
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        assertTrue(CommonOps_DDRM.solve(a, b, x));
        Comparison c = Validation.assertSolves(data(a), data(x), data(b), Tolerance.luSolve());
        assertTrue(c.observed() < c.bound(), c.describe());
        assertEquals(4 * n * DType.F64.unitRoundoff(), c.bound(), 1e-30);

        double[] perturbed = data(x);
        perturbed[7] *= 1 + 1e-9;
        AssertionError e = assertThrows(AssertionError.class,
                () -> Validation.assertSolves(data(a), perturbed, data(b), Tolerance.luSolve()));
        assertTrue(e.getMessage().contains("|AX - B|_inf/(|A|_inf*|X|_inf + |B|_inf)"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Validation.solve(new double[5], new double[2], new double[2],
                Tolerance.luSolve()));
        assertThrows(InvalidArgumentException.class, () -> Validation.solve(data(a), data(x), data(b), Tolerance.fft(4)));
    }

    @Test
    void anLuFactorizationReproducesA() {
        int n = 40;
        SplittableRandom r = new SplittableRandom(4);
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, random(r, n * n));
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        assertTrue(lu.decompose(a.copy()));
        DMatrixRMaj pt = lu.getRowPivot(null);
        DMatrixRMaj product = new DMatrixRMaj(n, n);
        DMatrixRMaj lup = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(lu.getLower(null), lu.getUpper(null), lup);
        CommonOps_DDRM.multTransA(pt, lup, product);
        Comparison c = Validation.factorization(data(a), data(product), n, n, Tolerance.factorization()).assertPassed();
        assertTrue(c.observed() > 0, c.describe());
        product.data[5] += 1e-10;
        assertFalse(Validation.factorization(data(a), data(product), n, n, Tolerance.factorization()).passed());
    }

    @Test
    void aSymmetricEigendecompositionHasASmallResidualAndOrthogonalVectors() {
        int n = 30;
        SplittableRandom r = new SplittableRandom(5);
        DMatrixRMaj m = DMatrixRMaj.wrap(n, n, random(r, n * n));
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(m, CommonOps_DDRM.transpose(m, null), a); // symmetric
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        assertTrue(eig.decompose(a.copy()));
        double[] values = new double[n];
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            values[j] = eig.getEigenvalue(j).real;
            DMatrixRMaj col = eig.getEigenVector(j);
            for (int i = 0; i < n; i++) {
                v.set(i, j, col.get(i));
            }
        }
        Comparison c = Validation.symmetricEigen(data(a), values, data(v), Tolerance.eigen()).assertPassed();
        assertEquals(2, c.checks().size());
        double[] skewed = data(v);
        skewed[0] += 1e-8;
        Comparison bad = Validation.symmetricEigen(data(a), values, skewed, Tolerance.eigen());
        assertFalse(bad.passed());
        assertFalse(bad.checks().get(1).passed(), bad.describe());
    }

    @Test
    void shapesAreCheckedBeforeAnythingIsRead() {
        assertThrows(ShapeMismatchException.class, () -> Validation.compare(new double[3], new double[4], Tolerance.ulps(1)));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Tolerance.gemm(3, new double[4], new double[6]));
        assertEquals("a.length", e.argument());
        Tolerance gemm = Tolerance.gemm(1, new double[2], new double[3]); // 2x3
        assertThrows(ShapeMismatchException.class, () -> Validation.compare(new double[6], new double[6],
                Tolerance.gemm(2, new double[2], new double[4])));
        assertTrue(Validation.compare(new double[6], new double[6], gemm).passed());
        assertThrows(InvalidArgumentException.class, () -> Validation.compare(new double[1], new double[1], Tolerance.luSolve()));
        assertThrows(InvalidArgumentException.class, () -> Tolerance.fft(4).withConstant(-1));
    }
}
