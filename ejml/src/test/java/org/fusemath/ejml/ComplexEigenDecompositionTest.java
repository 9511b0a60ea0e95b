package org.fusemath.ejml;

import static org.fusemath.ejml.SpectralChecks.U64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.NormOps_ZDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.fusemath.api.HostMatrix;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.Test;

/**
 * {@link DecompositionFactory_ZDRM#eigHermitian} and {@link DecompositionFactory_ZDRM#eigGeneral}, which EJML lacks:
 * judged by their residuals (‖A·V − V·Λ‖ within {@link Tolerance#eigen()}), orthonormality (Hermitian), and against
 * EJML's real eigen decompositions of the real embedding [[Re A, −Im A], [Im A, Re A]], whose eigenvalues are A's
 * and their conjugates (a Hermitian A's each twice).
 */
class ComplexEigenDecompositionTest {
    @Test
    void hermitianIsRealAscendingOrthonormalAndMatchesTheEmbedding() {
        SplittableRandom r = new SplittableRandom(21);
        List<ZMatrixRMaj> cases = List.of(hermitian(r, 7), hermitian(r, 30),
                unitarilySimilar(r, new double[] {3, 3, 3, -1, -1, 0.5}), new ZMatrixRMaj(1, 1, true, 2.5, 0));
        for (ZMatrixRMaj a : cases) {
            int n = a.numRows;
            ZMatrixRMaj before = a.copy();
            ComplexEigenDecomposition_F64 eig = DecompositionFactory_ZDRM.eigHermitian(n, true);
            assertTrue(eig.isHermitian());
            assertTrue(eig.decompose(a));
            assertFalse(eig.inputModified());
            assertArrayEquals(before.data, a.data, "A unchanged");
            assertEquals(n, eig.getNumberOfEigenvalues());
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                assertEquals(0.0, eig.getEigenvalue(i).imaginary, "Hermitian eigenvalues are real");
                values[i] = eig.getEigenvalue(i).real;
                if (i > 0) {
                    assertTrue(values[i - 1] <= values[i], "ascending");
                }
            }
            ZMatrixRMaj v = eig.getEigenVectors(null);
            Validation.symmetricEigen(HostMatrix.of(a), values, HostMatrix.of(v), Tolerance.eigen()).assertPassed();
            for (int i = 0; i < n; i++) {
                ZMatrixRMaj column = eig.getEigenVector(i);
                assertEquals(n, column.numRows);
                assertEquals(1, column.numCols);
                for (int row = 0; row < n; row++) {
                    assertEquals(v.getReal(row, i), column.getReal(row, 0));
                    assertEquals(v.getImag(row, i), column.getImag(row, 0));
                }
            }
            DMatrixRMaj embedding = embedding(a);
            EigenDecomposition_F64<DMatrixRMaj> ejml =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(2 * n, false, true);
            assertTrue(ejml.decompose(embedding));
            List<Complex_F64> twice = new ArrayList<>();
            for (double l : values) {
                twice.add(new Complex_F64(l, 0));
                twice.add(new Complex_F64(l, 0));
            }
            // Weyl on the 2n×2n embedding, whose Frobenius norm is √2·|A|_F.
            double bound = 2 * Tolerance.eigen().constant() * 2 * n * U64 * Math.sqrt(2) * NormOps_ZDRM.normF(a);
            SpectralChecks.assertSameEigenvalues(eigenvalues(ejml), twice, bound);
        }
    }

    @Test
    void generalHasSmallResidualsAndMatchesTheEmbedding() {
        SplittableRandom r = new SplittableRandom(22);
        ZMatrixRMaj jordan = new ZMatrixRMaj(3, 3);
        jordan.set(0, 0, 1, 1);
        jordan.set(0, 1, 1, 0);
        jordan.set(1, 1, 1, 1);
        jordan.set(2, 2, -2, 0.5);
        List<ZMatrixRMaj> cases = List.of(random(r, 6, 6), random(r, 25, 25), new ZMatrixRMaj(1, 1, true, -1, 3));
        for (ZMatrixRMaj a : cases) {
            checkGeneral(a, false);
        }
        checkGeneral(jordan, true);
    }

    private static void checkGeneral(ZMatrixRMaj a, boolean defective) {
        int n = a.numRows;
        ZMatrixRMaj before = a.copy();
        ComplexEigenDecomposition_F64 eig = DecompositionFactory_ZDRM.eigGeneral(n, true);
        assertFalse(eig.isHermitian());
        assertTrue(eig.decompose(a));
        assertArrayEquals(before.data, a.data, "A unchanged");
        double residualBound = Tolerance.eigen().constant() * n * U64 * NormOps_ZDRM.normF(a);
        List<Complex_F64> withConjugates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Complex_F64 l = eig.getEigenvalue(i);
            ZMatrixRMaj v = eig.getEigenVector(i);
            assertEquals(1, NormOps_ZDRM.normF(v), 2 * n * U64, "unit eigenvector");
            ZMatrixRMaj av = new ZMatrixRMaj(n, 1);
            CommonOps_ZDRM.mult(a, v, av);
            for (int row = 0; row < n; row++) {
                double vr = v.getReal(row, 0);
                double vi = v.getImag(row, 0);
                av.set(row, 0, av.getReal(row, 0) - (l.real * vr - l.imaginary * vi),
                        av.getImag(row, 0) - (l.real * vi + l.imaginary * vr));
            }
            double residual = NormOps_ZDRM.normF(av);
            assertTrue(residual <= residualBound, "|Av - lv| = " + residual + " > " + residualBound);
            withConjugates.add(new Complex_F64(l.real, l.imaginary));
            withConjugates.add(new Complex_F64(l.real, -l.imaginary));
        }
        EigenDecomposition_F64<DMatrixRMaj> ejml =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(2 * n, false, false);
        assertTrue(ejml.decompose(embedding(a)));
        // Each method is exact for its matrix plus E, |E|_2 <= c·(2n)·u·√2·|A|_F. Diagonalisable: Bauer–Fike with
        // κ₂(V) (the embedding's eigenvector matrix is a unitary transform of diag(V, conj V)). The defective case is
        // a 2×2 Jordan block with superdiagonal 1, where a perturbation moves the double value by about sqrt(|E|_2).
        double perturbation = Tolerance.eigen().constant() * 2 * n * U64 * Math.sqrt(2) * NormOps_ZDRM.normF(a);
        double bound = defective ? 2 * 2 * Math.sqrt(perturbation)
                : 2 * perturbation * SpectralChecks.condition(embedding(eig.getEigenVectors(null)));
        SpectralChecks.assertSameEigenvalues(eigenvalues(ejml), withConjugates, bound);
    }

    @Test
    void contracts() {
        ZMatrixRMaj a = hermitian(new SplittableRandom(23), 4);
        ComplexEigenDecomposition_F64 valuesOnly = DecompositionFactory_ZDRM.eigHermitian(4, false);
        assertTrue(valuesOnly.decompose(a));
        assertEquals(4, valuesOnly.getNumberOfEigenvalues());
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getEigenVector(0));
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getEigenVectors(null));
        assertThrows(IllegalArgumentException.class,
                () -> DecompositionFactory_ZDRM.eigGeneral(3, true).decompose(new ZMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> DecompositionFactory_ZDRM.eigHermitian(3, true).decompose(new ZMatrixRMaj(4, 3)));

        ComplexEigenDecomposition_F64 general = DecompositionFactory_ZDRM.eigGeneral(4, true);
        assertThrows(IllegalStateException.class, () -> general.getEigenvalue(0), "nothing decomposed yet");
        assertTrue(general.decompose(a));
        ZMatrixRMaj storage = new ZMatrixRMaj(1, 7);
        assertSame(storage, general.getEigenVectors(storage), "a given matrix is reshaped and filled");
        assertEquals(4, storage.numRows);
        assertEquals(4, storage.numCols);
        assertThrows(IndexOutOfBoundsException.class, () -> general.getEigenVector(4));
        assertTrue(DecompositionFactory_ZDRM.decomposeSafe(general, a), "EJML's decomposeSafe takes it");

        ZMatrixRMaj nan = a.copy();
        nan.set(2, 1, Double.NaN, 0);
        assertFalse(general.decompose(nan));
        assertFalse(DecompositionFactory_ZDRM.eigHermitian(4, true).decompose(nan));
        assertThrows(IllegalStateException.class, () -> general.getEigenvalue(0), "a failed decompose leaves no results");
    }

    static ZMatrixRMaj random(SplittableRandom r, int rows, int cols) {
        ZMatrixRMaj m = new ZMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * r.nextDouble() - 1;
        }
        return m;
    }

    static ZMatrixRMaj hermitian(SplittableRandom r, int n) {
        ZMatrixRMaj b = random(r, n, n);
        ZMatrixRMaj h = new ZMatrixRMaj(n, n);
        CommonOps_ZDRM.transposeConjugate(b, h);
        CommonOps_ZDRM.add(b, h, h);
        return h;
    }

    /** Q·diag(values)·Qᴴ for a random unitary Q (EJML's complex QR): a Hermitian matrix with those eigenvalues. */
    static ZMatrixRMaj unitarilySimilar(SplittableRandom r, double[] values) {
        int n = values.length;
        QRDecomposition<ZMatrixRMaj> qr = org.ejml.dense.row.factory.DecompositionFactory_ZDRM.qr(n, n);
        assertTrue(qr.decompose(random(r, n, n)));
        ZMatrixRMaj q = qr.getQ(null, false);
        ZMatrixRMaj d = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            d.set(i, i, values[i], 0);
        }
        ZMatrixRMaj qd = new ZMatrixRMaj(n, n);
        CommonOps_ZDRM.mult(q, d, qd);
        ZMatrixRMaj a = new ZMatrixRMaj(n, n);
        ZMatrixRMaj qh = new ZMatrixRMaj(n, n);
        CommonOps_ZDRM.transposeConjugate(q, qh);
        CommonOps_ZDRM.mult(qd, qh, a);
        return a;
    }

    /** The real 2n×2n matrix [[Re A, −Im A], [Im A, Re A]]. */
    static DMatrixRMaj embedding(ZMatrixRMaj a) {
        int m = a.numRows;
        int n = a.numCols;
        DMatrixRMaj e = new DMatrixRMaj(2 * m, 2 * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                e.set(i, j, a.getReal(i, j));
                e.set(i, n + j, -a.getImag(i, j));
                e.set(m + i, j, a.getImag(i, j));
                e.set(m + i, n + j, a.getReal(i, j));
            }
        }
        return e;
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
