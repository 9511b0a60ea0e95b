package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.spi.SpectralMetrics;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * SVD, Hermitian and general eigen decompositions against their definitions, scaled by the unit roundoff u of the
 * type: reconstruction ‖A − UΣVᴴ‖_F/(‖A‖_F·max(m, n)·u), orthogonality ‖QᴴQ − I‖_F/(n·u) and eigen residuals
 * ‖Av − λv‖/(‖A‖_F·n·u). Backward-stable algorithms (all of LAPACK's used here) keep each O(1) (Demmel, Applied
 * Numerical Linear Algebra, §5.4 and §4.4: backward errors of order ε·‖A‖); the bound C = 16 allows for the
 * dimension-dependent constants, and the measured values lie well below 1 for these inputs. Singular values and
 * symmetric eigenvalues are compared with EJML's, within Weyl's bound (both backward errors ≤ C·n·u·‖A‖ move each value
 * by at most that much).
 */
class SpectralTest {
    private static final double C = 16;
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();

    private static void descending(HostMatrix s) {
        double[] v = SpectralSamplesAccess.reals(s);
        for (int i = 0; i < v.length; i++) {
            assertTrue(v[i] >= 0, "negative singular value " + v[i]);
            assertTrue(i == 0 || v[i] <= v[i - 1], "not descending at " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void svdReconstructsAndIsOrthonormalForEveryShapeModeAndLayout(DType t) {
        int[][] shapes = {{1, 1}, {5, 5}, {17, 17}, {3, 7}, {7, 3}, {61, 40}};
        for (int[] shape : shapes) {
            for (Layout layout : Layout.values()) {
                HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], layout, 31L * shape[0] + shape[1]);
                for (SvdMode mode : new SvdMode[] {SvdMode.THIN, SvdMode.FULL}) {
                    String where = t + " " + shape[0] + "x" + shape[1] + " " + layout + " " + mode;
                    Svd svd = Linalg.svd(HOST, a, mode);
                    int k = Math.min(shape[0], shape[1]);
                    int uCols = mode == SvdMode.FULL ? shape[0] : k;
                    int vRows = mode == SvdMode.FULL ? shape[1] : k;
                    assertEquals(shape[0], svd.u().shape().rows(), where);
                    assertEquals(uCols, svd.u().shape().cols(), where);
                    assertEquals(vRows, svd.vh().shape().rows(), where);
                    assertEquals(shape[1], svd.vh().shape().cols(), where);
                    assertEquals(t.componentType(), svd.s().dtype(), where);
                    assertEquals(t, svd.u().dtype(), where);
                    descending(svd.s());
                    double r = SpectralMetrics.reconstruction(a, svd);
                    assertTrue(r <= C, where + ": reconstruction " + r);
                    double ou = SpectralMetrics.orthogonality(svd.u(), false);
                    double ov = SpectralMetrics.orthogonality(svd.vh(), true);
                    assertTrue(ou <= C && ov <= C, where + ": orthogonality U " + ou + ", Vh " + ov);
                    // Values only agree with the vectors' run to rounding of the same backward-stable algorithm.
                    double[] values = SpectralSamplesAccess.reals(Linalg.svd(HOST, a, SvdMode.VALUES).s());
                    double[] withVectors = SpectralSamplesAccess.reals(svd.s());
                    for (int i = 0; i < k; i++) {
                        assertEquals(withVectors[i], values[i], C * Math.max(shape[0], shape[1]) * t.unitRoundoff()
                                * withVectors[0], where + " value " + i);
                    }
                }
            }
        }
    }

    @Test
    void singularValuesAgreeWithEjml() {
        int m = 40;
        int n = 25;
        HostMatrix a = SpectralSamples.random(DType.F64, m, n, Layout.ROW_MAJOR, 5);
        SingularValueDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.svd(m, n, false, false, false);
        assertTrue(ejml.decompose(new DMatrixRMaj(m, n, true, a.doubles())));
        double[] expected = ejml.getSingularValues().clone();
        java.util.Arrays.sort(expected);
        double[] s = SpectralSamplesAccess.reals(Linalg.svdvals(a));
        double tolerance = 2 * C * m * DType.F64.unitRoundoff() * expected[n - 1];
        for (int i = 0; i < n; i++) {
            assertEquals(expected[n - 1 - i], s[i], tolerance, "singular value " + i);
        }
    }

    @Test
    void symmetricEigenvaluesAgreeWithEjml() {
        int n = 30;
        HostMatrix a = SpectralSamples.hermitian(DType.F64, n, Layout.ROW_MAJOR, 9);
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(ejml.decompose(new DMatrixRMaj(n, n, true, a.doubles())));
        double[] expected = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            expected[i] = ejml.getEigenvalue(i).real;
            norm = Math.max(norm, Math.abs(expected[i]));
        }
        java.util.Arrays.sort(expected);
        double[] w = SpectralSamplesAccess.reals(Linalg.eigvalsh(a));
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], w[i], 2 * C * n * DType.F64.unitRoundoff() * norm * Math.sqrt(n), "eigenvalue " + i);
        }
    }

    @Test
    void structuredInputsHilbertRankDeficientAndRepeatedValues() {
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                HostMatrix hilbert = SpectralSamples.hilbert(t, 12, layout);
                Svd h = Linalg.svd(HOST, hilbert, SvdMode.THIN);
                assertTrue(SpectralMetrics.reconstruction(hilbert, h) <= C, t + " Hilbert SVD");
                HermitianEigen he = Linalg.eigh(HOST, hilbert, Uplo.UPPER, true);
                assertTrue(SpectralMetrics.residual(hilbert, Uplo.UPPER, he) <= C, t + " Hilbert eigh");

                // Rank 3 of 9x6: singular values 4..6 at rounding level (‖A‖·k·u), the first three well above it.
                HostMatrix low = SpectralSamples.rankDeficient(t, 9, 6, 3, layout, 4);
                Svd l = Linalg.svd(HOST, low, SvdMode.FULL);
                double[] s = SpectralSamplesAccess.reals(l.s());
                assertTrue(SpectralMetrics.reconstruction(low, l) <= C, t + " rank-deficient SVD");
                for (int i = 3; i < 6; i++) {
                    assertTrue(s[i] <= C * 9 * t.unitRoundoff() * s[0], t + " value " + i + " = " + s[i]);
                }
                assertTrue(s[2] > 1e-2 * s[0], t + " rank 3 value " + s[2]);

                HostMatrix rep = SpectralSamples.repeatedEigenvalues(t, 10, layout, 8);
                HermitianEigen re = Linalg.eigh(HOST, rep, Uplo.LOWER, true);
                double[] w = SpectralSamplesAccess.reals(re.values());
                for (int i = 0; i < 10; i++) {
                    assertEquals(i < 5 ? 1 : 2, w[i], C * 10 * t.unitRoundoff() * 2, t + " repeated value " + i);
                }
                assertTrue(SpectralMetrics.residual(rep, Uplo.LOWER, re) <= C, t + " repeated residual");
                assertTrue(SpectralMetrics.orthogonality(re.vectors(), false) <= C, t + " repeated orthogonality");
                Eigen ge = Linalg.eig(HOST, rep, true);
                assertTrue(SpectralMetrics.residual(rep, ge) <= C, t + " repeated general eigen");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void hermitianEigenFromEitherTriangleAndLayoutIsAscendingAndOrthonormal(DType t) {
        for (int n : new int[] {1, 6, 13, 90}) {
            for (Layout layout : Layout.values()) {
                HostMatrix full = SpectralSamples.hermitian(t, n, layout, n);
                for (Uplo uplo : Uplo.values()) {
                    String where = t + " n=" + n + " " + layout + " " + uplo;
                    // Poison the triangle that must not be read: the results may not change.
                    HostMatrix a = SpectralSamples.zeros(t, n, n, layout);
                    System.arraycopy(full.array(), 0, a.array(), 0, java.lang.reflect.Array.getLength(a.array()));
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            boolean unread = uplo == Uplo.LOWER ? j > i : j < i;
                            if (unread) {
                                SpectralSamplesAccess.put(a, i, j, Double.NaN);
                            }
                        }
                    }
                    HermitianEigen e = Linalg.eigh(HOST, a, uplo, true);
                    double[] w = SpectralSamplesAccess.reals(e.values());
                    for (int i = 1; i < n; i++) {
                        assertTrue(w[i] >= w[i - 1], where + ": not ascending at " + i);
                    }
                    double r = SpectralMetrics.residual(full, uplo, e);
                    double o = SpectralMetrics.orthogonality(e.vectors(), false);
                    assertTrue(r <= C && o <= C, where + ": residual " + r + ", orthogonality " + o);
                    double[] valuesOnly = SpectralSamplesAccess.reals(Linalg.eigh(HOST, a, uplo, false).values());
                    assertNull(Linalg.eigh(HOST, a, uplo, false).vectors());
                    for (int i = 0; i < n; i++) {
                        assertEquals(w[i], valuesOnly[i], C * n * t.unitRoundoff() * Math.max(1, Math.abs(w[n - 1])
                                + Math.abs(w[0])), where);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void generalEigenSatisfiesAvEqualsLambdaV(DType t) {
        for (int n : new int[] {1, 2, 7, 31, 120}) {
            for (Layout layout : Layout.values()) {
                HostMatrix a = SpectralSamples.random(t, n, n, layout, 100 + n);
                Eigen e = Linalg.eig(HOST, a, true);
                assertEquals(t.complexType(), e.values().dtype());
                double r = SpectralMetrics.residual(a, e);
                assertTrue(r <= C, t + " n=" + n + " " + layout + ": residual " + r);
                // Eigenvalues only: the same values (the same Hessenberg QR iteration, without accumulating vectors).
                HostMatrix w = Linalg.eigvals(a);
                double[] sum = SpectralSamplesAccess.moments(w);
                double[] expected = SpectralSamplesAccess.moments(e.values());
                assertEquals(expected[0], sum[0], 1e3 * n * t.unitRoundoff() * (1 + Math.abs(expected[0])));
                assertEquals(expected[1], sum[1], 1e3 * n * t.unitRoundoff() * (1 + Math.abs(expected[1])));
            }
        }
    }

    @Test
    void aRealRotationHasComplexConjugateEigenvaluesPositiveImaginaryFirst() {
        // [[0, -1], [1, 0]]: λ = ±i with v = (1, ∓i)/√2 up to phase; NumPy returns [0.+1.j, 0.-1.j].
        HostMatrix a = HostMatrix.of(new double[] {0, -1, 1, 0}, 2, 2);
        Eigen e = Linalg.eig(a);
        double[] w = e.values().doubles();
        assertEquals(0, w[0], 1e-15);
        assertEquals(1, w[1], 1e-15);
        assertEquals(0, w[2], 1e-15);
        assertEquals(-1, w[3], 1e-15);
        assertTrue(!e.isReal());
        assertTrue(SpectralMetrics.residual(a, e) <= C);
        // A triangular real matrix has real eigenvalues: NumPy then returns real arrays.
        assertTrue(Linalg.eig(HostMatrix.of(new double[] {2, 1, 0, 3}, 2, 2)).isReal());
    }

    @Test
    void complexHermitianKnownSpectrum() {
        // [[2, i], [-i, 2]] has eigenvalues 1 and 3.
        HostMatrix a = HostMatrix.complex(new double[] {2, 0, 0, 1, 0, -1, 2, 0}, 2, 2);
        HermitianEigen e = Linalg.eigh(a);
        assertEquals(1, e.values().doubles()[0], 1e-15);
        assertEquals(3, e.values().doubles()[1], 1e-15);
        assertTrue(SpectralMetrics.residual(a, Uplo.LOWER, e) <= C);
    }

    @Test
    void badInputsAreRefusedBeforeLapack() {
        HostMatrix rect = SpectralSamples.random(DType.F64, 3, 4, Layout.ROW_MAJOR, 1);
        assertThrows(ShapeMismatchException.class, () -> Linalg.eig(rect));
        assertThrows(ShapeMismatchException.class, () -> Linalg.eigh(rect));
        assertThrows(ShapeMismatchException.class, () -> Linalg.eigvalsh(rect));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            HostMatrix a = SpectralSamples.random(DType.F32, 4, 4, Layout.COLUMN_MAJOR, 2);
            SpectralSamplesAccess.put(a, 2, 1, bad);
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Linalg.svd(a));
            assertTrue(e.getMessage().contains("(2, 1)"), e.getMessage());
            assertThrows(InvalidArgumentException.class, () -> Linalg.eig(a));
            assertThrows(InvalidArgumentException.class, () -> Linalg.eigvalsh(a)); // (2, 1) is in the lower triangle
            Linalg.eigh(HOST, a, Uplo.UPPER, false); // ... which UPPER never reads
        }
        SvdPlan plan = SvdPlan.create(HOST, DType.F64, 3, 4, Layout.ROW_MAJOR, SvdMode.THIN);
        assertThrows(ShapeMismatchException.class,
                () -> plan.execute(SpectralSamples.random(DType.F64, 4, 3, Layout.ROW_MAJOR, 1)));
        assertThrows(InvalidArgumentException.class,
                () -> plan.execute(SpectralSamples.random(DType.F32, 3, 4, Layout.ROW_MAJOR, 1)));
        // A DEVICE plan is made on cuSOLVER (DeviceSpectralPlanTest); without a device the probe says why.
        if (!org.fusemath.cuda.CudaProbe.get().usable()) {
            assertThrows(org.fusemath.api.DeviceUnavailableException.class, () -> SvdPlan.create(
                    FuseContext.builder().execution(Execution.device()).build(), rect, SvdMode.THIN));
        }
    }

    @Test
    void aPlanIsReusableAndMatchesTheOneShotForm() {
        HostMatrix a = SpectralSamples.random(DType.C128, 30, 20, Layout.ROW_MAJOR, 3);
        HostMatrix b = SpectralSamples.random(DType.C128, 30, 20, Layout.ROW_MAJOR, 4);
        SvdPlan plan = SvdPlan.create(HOST, a, SvdMode.THIN);
        Svd first = plan.execute(a);
        Svd other = plan.execute(b);
        Svd again = plan.execute(a);
        assertTrue(java.util.Arrays.equals(first.s().doubles(), again.s().doubles()));
        assertTrue(java.util.Arrays.equals(first.u().doubles(), again.u().doubles()));
        assertTrue(SpectralMetrics.reconstruction(b, other) <= C);
        assertTrue(java.util.Arrays.equals(first.s().doubles(), Linalg.svd(HOST, a, SvdMode.THIN).s().doubles()));
    }

    @Test
    void emptyMatrices() {
        HostMatrix empty = SpectralSamples.zeros(DType.F64, 0, 3, Layout.ROW_MAJOR);
        Svd full = Linalg.svd(empty);
        assertEquals(0, full.s().shape().rows());
        assertEquals(3, full.vh().shape().rows());
        assertEquals(1.0, full.vh().doubles()[0]);
        assertEquals(0, Linalg.eigvalsh(SpectralSamples.zeros(DType.C64, 0, 0, Layout.ROW_MAJOR)).shape().rows());
        assertEquals(0, Linalg.eigvals(SpectralSamples.zeros(DType.F32, 0, 0, Layout.ROW_MAJOR)).shape().rows());
    }
}
