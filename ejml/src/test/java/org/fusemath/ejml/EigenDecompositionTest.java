package org.fusemath.ejml;

import static org.fusemath.ejml.SpectralChecks.U64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DecompositionFactory_DDRM#eig} against EJML's eigen decompositions on fusemath's path (threshold 0):
 * symmetric (random, repeated eigenvalues, 1×1) by residual and orthogonality and by Weyl's bound on the eigenvalues;
 * general (random, complex pairs, a rotation, a defective matrix) by residual and by eigenvalue multisets; the
 * symmetry-detecting {@code eig(size, vectors)}; EJML's contracts; delegation below the threshold.
 */
class EigenDecompositionTest {
    @BeforeEach
    void everySizeOnFusemath() {
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
    }

    @Test
    void symmetricMatchesEjmlAndIsAscending() {
        SplittableRandom r = new SplittableRandom(1);
        List<DMatrixRMaj> cases = List.of(SpectralChecks.symmetric(r, 9), SpectralChecks.symmetric(r, 40),
                SpectralChecks.similarSymmetric(r, 2, 2, 2, -1, -1, 5), DMatrixRMaj.wrap(1, 1, new double[] {-3.5}),
                SpectralChecks.similarSymmetric(r, 0, 0, 1, 1e-3));
        for (DMatrixRMaj a : cases) {
            int n = a.numRows;
            DMatrixRMaj before = a.copy();
            EigenDecomposition_F64<DMatrixRMaj> ours = DecompositionFactory_DDRM.eig(n, true, true);
            EigenDecomposition_F64<DMatrixRMaj> ejml =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, true, true);
            assertTrue(ours.decompose(a));
            assertTrue(ejml.decompose(a.copy()));
            assertFalse(ours.inputModified());
            assertArrayEquals(before.data, a.data, "A unchanged");
            assertEquals(n, ours.getNumberOfEigenvalues());

            double[] values = new double[n];
            DMatrixRMaj vectors = new DMatrixRMaj(n, n);
            for (int j = 0; j < n; j++) {
                Complex_F64 l = ours.getEigenvalue(j);
                assertEquals(0.0, l.imaginary, "symmetric eigenvalues are real");
                values[j] = l.real;
                if (j > 0) {
                    assertTrue(values[j - 1] <= values[j], "ascending");
                }
                DMatrixRMaj v = ours.getEigenVector(j);
                assertEquals(n, v.numRows);
                assertEquals(1, v.numCols);
                CommonOps_DDRM.insert(v, vectors, 0, j);
            }
            Validation.symmetricEigen(a.data, values, vectors.data, Tolerance.eigen()).assertPassed();
            // Weyl: each method's values are exact for A + E with |E|_2 <= c n u |A|_F.
            double bound = 2 * Tolerance.eigen().constant() * n * U64 * NormOps_DDRM.normF(a);
            SpectralChecks.assertSameEigenvalues(eigenvalues(ejml), eigenvalues(ours), bound);
        }
    }

    @Test
    void generalMatchesEjmlAsAMultisetWithSmallResiduals() {
        SplittableRandom r = new SplittableRandom(2);
        checkGeneral(SpectralChecks.random(r, 8, 8));
        checkGeneral(SpectralChecks.random(r, 35, 35));
        assertFalse(checkGeneral(DMatrixRMaj.wrap(1, 1, new double[] {4})));
        assertTrue(checkGeneral(DMatrixRMaj.wrap(2, 2, new double[] {0, -1, 1, 0})), "a rotation: +-i");
        assertTrue(checkGeneral(SpectralChecks.orthogonallySimilar(r,
                DMatrixRMaj.wrap(3, 3, new double[] {1, 2, 0, -2, 1, 0, 0, 0, 3}))), "1 +- 2i and 3");
        assertFalse(checkGeneral(SpectralChecks.similarSymmetric(r, 1, 2, 3, 4)), "a symmetric input, general path");
    }

    /** Checks one general decomposition against EJML's; returns whether it had complex eigenvalues. */
    private static boolean checkGeneral(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj before = a.copy();
        EigenDecomposition_F64<DMatrixRMaj> ours = DecompositionFactory_DDRM.eig(n, true, false);
        EigenDecomposition_F64<DMatrixRMaj> ejml = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, true, false);
        assertTrue(ours.decompose(a));
        assertTrue(ejml.decompose(a.copy()));
        assertArrayEquals(before.data, a.data, "A unchanged");
        assertEquals(n, ours.getNumberOfEigenvalues());
        boolean complex = false;
        for (int j = 0; j < n; j++) {
            Complex_F64 l = ours.getEigenvalue(j);
            if (l.imaginary != 0) {
                complex = true;
                assertNull(ours.getEigenVector(j), "no real vector for a complex eigenvalue, as EJML");
            } else {
                assertResidual(a, l.real, ours.getEigenVector(j));
            }
        }
        SpectralChecks.assertSameEigenvalues(eigenvalues(ejml), eigenvalues(ours), bauerFike(a));
        return complex;
    }

    @Test
    void defectiveMatrixEigenvaluesWithinTheJordanBlockBound() {
        // Q·J·Qᵀ, J with a 2×2 Jordan block for 2 and a simple eigenvalue -1: a perturbation E moves the double
        // eigenvalue by at most about sqrt(|E|_2) (Puiseux, the block's superdiagonal is 1 and Q is orthogonal), so
        // each method is within sqrt(c n u |A|_F) of the exact 2 and their difference within twice that.
        SplittableRandom r = new SplittableRandom(3);
        DMatrixRMaj j = DMatrixRMaj.wrap(3, 3, new double[] {2, 1, 0, 0, 2, 0, 0, 0, -1});
        DMatrixRMaj a = SpectralChecks.orthogonallySimilar(r, j);
        EigenDecomposition_F64<DMatrixRMaj> ours = DecompositionFactory_DDRM.eig(3, true, false);
        EigenDecomposition_F64<DMatrixRMaj> ejml = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(3, true, false);
        assertTrue(ours.decompose(a));
        assertTrue(ejml.decompose(a.copy()));
        double perturbation = Tolerance.eigen().constant() * 3 * U64 * NormOps_DDRM.normF(a);
        double bound = 2 * 2 * Math.sqrt(perturbation);
        SpectralChecks.assertSameEigenvalues(List.of(new Complex_F64(2, 0), new Complex_F64(2, 0),
                new Complex_F64(-1, 0)), eigenvalues(ours), bound);
        SpectralChecks.assertSameEigenvalues(eigenvalues(ejml), eigenvalues(ours), 2 * bound);
        for (int i = 0; i < 3; i++) {
            Complex_F64 l = ours.getEigenvalue(i);
            if (l.imaginary == 0) {
                assertResidual(a, l.real, ours.getEigenVector(i));
            }
        }
    }

    @Test
    void switchingDecompositionDetectsSymmetry() {
        SplittableRandom r = new SplittableRandom(4);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(6, true);
        DMatrixRMaj s = SpectralChecks.symmetric(r, 6);
        assertTrue(eig.decompose(s));
        for (int i = 1; i < 6; i++) {
            assertTrue(eig.getEigenvalue(i - 1).real <= eig.getEigenvalue(i).real, "the symmetric path's ascending order");
        }
        DMatrixRMaj rotation = DMatrixRMaj.wrap(2, 2, new double[] {0, -2, 2, 0});
        assertTrue(eig.decompose(rotation));
        assertEquals(2, Math.abs(eig.getEigenvalue(0).imaginary), 4 * 2 * U64 * 2 * Math.sqrt(8));
        assertNull(eig.getEigenVector(0));
        assertFalse(eig.inputModified());
    }

    @Test
    void contracts() {
        DMatrixRMaj rect = new DMatrixRMaj(3, 4);
        assertThrows(IllegalArgumentException.class, () -> DecompositionFactory_DDRM.eig(3, true, true).decompose(rect));
        assertThrows(IllegalArgumentException.class, () -> DecompositionFactory_DDRM.eig(3, true, false).decompose(rect));
        assertThrows(IllegalArgumentException.class, () -> DecompositionFactory_DDRM.eig(true).decompose(rect));

        DMatrixRMaj s = SpectralChecks.symmetric(new SplittableRandom(5), 4);
        EigenDecomposition_F64<DMatrixRMaj> valuesOnly = DecompositionFactory_DDRM.eig(4, false, true);
        assertTrue(valuesOnly.decompose(s));
        assertEquals(4, valuesOnly.getNumberOfEigenvalues());
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getEigenVector(0));
        EigenDecomposition_F64<DMatrixRMaj> generalValuesOnly = DecompositionFactory_DDRM.eig(false);
        assertTrue(generalValuesOnly.decompose(s));
        assertThrows(IllegalArgumentException.class, () -> generalValuesOnly.getEigenVector(0));

        DMatrixRMaj nan = s.copy();
        nan.set(3, 0, Double.NaN);
        assertFalse(DecompositionFactory_DDRM.eig(4, true, true).decompose(nan));
        assertFalse(DecompositionFactory_DDRM.eig(4, true, false).decompose(nan));

        EigenDecomposition_F64<DMatrixRMaj> symmetric = DecompositionFactory_DDRM.eig(4, true, true);
        assertTrue(symmetric.decompose(s));
        // quality() is |AV - VD|_F / |AV|_F, and |AV|_F = |A|_F for orthonormal V: the residual bound itself.
        assertTrue(DecompositionFactory_DDRM.quality(s, symmetric) <= 2 * Tolerance.eigen().constant() * 4 * U64,
                "EJML's quality() of our decomposition");
    }

    @Test
    void belowTheThresholdTheResultsAreEjmlsBitForBitAndTheInputIsKept() {
        EjmlExecution.reset();
        SplittableRandom r = new SplittableRandom(6);
        for (boolean symmetric : new boolean[] {true, false}) {
            DMatrixRMaj a = symmetric ? SpectralChecks.symmetric(r, 5) : SpectralChecks.random(r, 5, 5);
            DMatrixRMaj before = a.copy();
            EigenDecomposition_F64<DMatrixRMaj> ours = DecompositionFactory_DDRM.eig(5, true, symmetric);
            EigenDecomposition_F64<DMatrixRMaj> ejml =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(5, true, symmetric);
            assertTrue(ours.decompose(a));
            assertTrue(ejml.inputModified(), "EJML's own overwrites its input ...");
            assertFalse(ours.inputModified(), "... so below the threshold it decomposes a copy");
            assertArrayEquals(before.data, a.data);
            assertTrue(ejml.decompose(a.copy()));
            for (int i = 0; i < 5; i++) {
                assertEquals(ejml.getEigenvalue(i).real, ours.getEigenvalue(i).real);
                assertEquals(ejml.getEigenvalue(i).imaginary, ours.getEigenvalue(i).imaginary);
                DMatrixRMaj ev = ejml.getEigenVector(i);
                DMatrixRMaj ov = ours.getEigenVector(i);
                assertEquals(ev == null, ov == null);
                if (ev != null) {
                    assertArrayEquals(ev.data, ov.data);
                }
            }
        }
    }

    /** |A·v − λ·v|_2 <= c·n·u·|A|_F for a unit v ({@link Tolerance#eigen()}'s backward bound). */
    private static void assertResidual(DMatrixRMaj a, double lambda, DMatrixRMaj v) {
        assertNotNull(v, "a real eigenvalue has a real vector");
        int n = a.numRows;
        assertEquals(1, NormOps_DDRM.normF(v), 2 * n * U64, "unit vector");
        DMatrixRMaj av = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(a, v, av);
        CommonOps_DDRM.addEquals(av, -lambda, v);
        double bound = Tolerance.eigen().constant() * n * U64 * NormOps_DDRM.normF(a);
        assertTrue(NormOps_DDRM.normF(av) <= bound, "|Av - lv| = " + NormOps_DDRM.normF(av) + " > " + bound);
    }

    /**
     * Bauer–Fike: each method's eigenvalues are exact for A + E with |E|_2 <= c·n·u·|A|_F, so within κ₂(V)·|E|_2 of
     * A's, and the two within twice that. κ₂(V) of the complex eigenvector matrix (from fusemath's geev) is that of
     * its real embedding [[Re V, −Im V], [Im V, Re V]], which has the same singular values, each twice.
     */
    private static double bauerFike(DMatrixRMaj a) {
        int n = a.numRows;
        double perturbation = Tolerance.eigen().constant() * n * U64 * NormOps_DDRM.normF(a);
        double[] z = org.fusemath.solver.Linalg.eig(org.fusemath.api.HostMatrix.of(a.copy())).vectors().doubles();
        DMatrixRMaj embedding = new DMatrixRMaj(2 * n, 2 * n);
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < n; r++) {
                double re = z[2 * (j * n + r)];
                double im = z[2 * (j * n + r) + 1];
                embedding.set(r, j, re);
                embedding.set(r, n + j, -im);
                embedding.set(n + r, j, im);
                embedding.set(n + r, n + j, re);
            }
        }
        return 2 * perturbation * SpectralChecks.condition(embedding);
    }

    private static List<Complex_F64> eigenvalues(EigenDecomposition_F64<DMatrixRMaj> eig) {
        List<Complex_F64> values = new ArrayList<>();
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 l = eig.getEigenvalue(i);
            values.add(new Complex_F64(l.real, l.imaginary));
        }
        return values;
    }
}
