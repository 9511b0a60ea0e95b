package org.fusemath.ejml;

import static org.fusemath.ejml.SpectralChecks.U32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.Complex_F32;
import org.ejml.data.Complex_F64;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.NormOps_FDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F32;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F32;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated F32 decompositions ({@link DecompositionFactory_FDRM}) on fusemath's path against EJML's F32 ones, with
 * the bounds in float's unit roundoff; and their delegation below the threshold, bit-identical to EJML.
 */
class FloatDecompositionsTest {
    @BeforeEach
    void everySizeOnFusemath() {
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
    }

    @Test
    void svdReconstructsAndMatchesEjml() {
        SplittableRandom r = new SplittableRandom(41);
        for (int[] shape : new int[][] {{9, 6}, {6, 9}, {1, 1}, {30, 30}}) {
            int m = shape[0];
            int n = shape[1];
            FMatrixRMaj a = random(r, m, n);
            FMatrixRMaj before = a.copy();
            SingularValueDecomposition_F32<FMatrixRMaj> ours = DecompositionFactory_FDRM.svd(true, true, true);
            SingularValueDecomposition_F32<FMatrixRMaj> ejml =
                    org.ejml.dense.row.factory.DecompositionFactory_FDRM.svd(true, true, true);
            assertTrue(ours.decompose(a));
            assertTrue(ejml.decompose(a.copy()));
            assertArrayEquals(before.data, a.data);
            FMatrixRMaj uw = new FMatrixRMaj(m, n);
            CommonOps_FDRM.mult(ours.getU(null, false), ours.getW(null), uw);
            FMatrixRMaj f = new FMatrixRMaj(m, n);
            CommonOps_FDRM.mult(uw, ours.getV(null, true), f);
            Validation.factorization(a.data, f.data, m, n, Tolerance.factorization()).assertPassed();
            int k = Math.min(m, n);
            double[] s = new double[k];
            double[] e = new double[k];
            for (int i = 0; i < k; i++) {
                s[i] = ours.getSingularValues()[i];
                e[i] = ejml.getSingularValues()[i];
                if (i > 0) {
                    assertTrue(s[i - 1] >= s[i], "descending");
                }
            }
            double bound = 2 * Tolerance.factorization().constant() * Math.max(m, n) * U32 * NormOps_FDRM.normF(a);
            double[] es = SpectralChecks.descending(e, k);
            for (int i = 0; i < k; i++) {
                assertEquals(es[i], s[i], bound, "singular value " + i);
            }
        }
    }

    @Test
    void symmetricAndGeneralEigenMatchEjml() {
        SplittableRandom r = new SplittableRandom(42);
        int n = 12;
        FMatrixRMaj b = random(r, n, n);
        FMatrixRMaj s = new FMatrixRMaj(n, n);
        CommonOps_FDRM.transpose(b, s);
        CommonOps_FDRM.addEquals(s, b);

        EigenDecomposition_F32<FMatrixRMaj> symmetric = DecompositionFactory_FDRM.eig(n, true, true);
        assertTrue(symmetric.decompose(s));
        float[] values = new float[n];
        FMatrixRMaj vectors = new FMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            values[j] = symmetric.getEigenvalue(j).real;
            CommonOps_FDRM.insert(symmetric.getEigenVector(j), vectors, 0, j);
        }
        Validation.symmetricEigen(s.data, values, vectors.data, Tolerance.eigen()).assertPassed();
        EigenDecomposition_F32<FMatrixRMaj> ejmlSymmetric =
                org.ejml.dense.row.factory.DecompositionFactory_FDRM.eig(n, false, true);
        assertTrue(ejmlSymmetric.decompose(s.copy()));
        double weyl = 2 * Tolerance.eigen().constant() * n * U32 * NormOps_FDRM.normF(s);
        SpectralChecks.assertSameEigenvalues(eigenvalues(ejmlSymmetric), eigenvalues(symmetric), weyl);

        EigenDecomposition_F32<FMatrixRMaj> general = DecompositionFactory_FDRM.eig(n, true, false);
        assertTrue(general.decompose(b));
        double residualBound = Tolerance.eigen().constant() * n * U32 * NormOps_FDRM.normF(b);
        for (int j = 0; j < n; j++) {
            Complex_F32 l = general.getEigenvalue(j);
            if (l.imaginary != 0) {
                assertNull(general.getEigenVector(j));
                continue;
            }
            FMatrixRMaj v = general.getEigenVector(j);
            FMatrixRMaj av = new FMatrixRMaj(n, 1);
            CommonOps_FDRM.mult(b, v, av);
            CommonOps_FDRM.addEquals(av, -l.real, v);
            assertTrue(NormOps_FDRM.normF(av) <= residualBound, "|Av - lv| = " + NormOps_FDRM.normF(av));
        }
        // The F64 eigenvalues of the same (float) matrix, within the F32 method's Bauer–Fike bound: κ₂(V) from F64.
        org.ejml.data.DMatrixRMaj b64 = new org.ejml.data.DMatrixRMaj(n, n);
        for (int i = 0; i < b.data.length; i++) {
            b64.data[i] = b.data[i];
        }
        EigenDecomposition_F64Helper reference = new EigenDecomposition_F64Helper(b64);
        SpectralChecks.assertSameEigenvalues(reference.values, eigenvalues(general),
                reference.conditionOfVectors * Tolerance.eigen().constant() * n * U32 * NormOps_FDRM.normF(b) * 2);
    }

    @Test
    void belowTheThresholdTheResultsAreEjmlsBitForBit() {
        EjmlExecution.reset();
        FMatrixRMaj a = random(new SplittableRandom(43), 4, 4);
        SingularValueDecomposition_F32<FMatrixRMaj> ours = DecompositionFactory_FDRM.svd(true, true, false);
        SingularValueDecomposition_F32<FMatrixRMaj> ejml =
                org.ejml.dense.row.factory.DecompositionFactory_FDRM.svd(true, true, false);
        assertTrue(ours.decompose(a));
        assertTrue(ejml.decompose(a.copy()));
        assertArrayEquals(ejml.getSingularValues(), ours.getSingularValues());
        EigenDecomposition_F32<FMatrixRMaj> eig = DecompositionFactory_FDRM.eig(4, true, false);
        EigenDecomposition_F32<FMatrixRMaj> ejmlEig = org.ejml.dense.row.factory.DecompositionFactory_FDRM.eig(4, true, false);
        FMatrixRMaj before = a.copy();
        assertTrue(eig.decompose(a));
        assertFalse(eig.inputModified());
        assertArrayEquals(before.data, a.data);
        assertTrue(ejmlEig.decompose(a.copy()));
        for (int i = 0; i < 4; i++) {
            assertEquals(ejmlEig.getEigenvalue(i).real, eig.getEigenvalue(i).real);
            assertEquals(ejmlEig.getEigenvalue(i).imaginary, eig.getEigenvalue(i).imaginary);
        }
    }

    /** F64 eigenvalues and κ₂ of the eigenvector matrix of a matrix, from fusemath's F64 general decomposition. */
    private static final class EigenDecomposition_F64Helper {
        final List<Complex_F64> values = new ArrayList<>();
        final double conditionOfVectors;

        EigenDecomposition_F64Helper(org.ejml.data.DMatrixRMaj a) {
            int n = a.numRows;
            org.fusemath.solver.Eigen e = org.fusemath.solver.Linalg.eig(org.fusemath.api.HostMatrix.of(a));
            double[] w = e.values().doubles();
            double[] z = e.vectors().doubles();
            org.ejml.data.DMatrixRMaj embedding = new org.ejml.data.DMatrixRMaj(2 * n, 2 * n);
            for (int i = 0; i < n; i++) {
                values.add(new Complex_F64(w[2 * i], w[2 * i + 1]));
                for (int row = 0; row < n; row++) {
                    double re = z[2 * (i * n + row)];
                    double im = z[2 * (i * n + row) + 1];
                    embedding.set(row, i, re);
                    embedding.set(row, n + i, -im);
                    embedding.set(n + row, i, im);
                    embedding.set(n + row, n + i, re);
                }
            }
            conditionOfVectors = SpectralChecks.condition(embedding);
        }
    }

    private static FMatrixRMaj random(SplittableRandom r, int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (2 * r.nextDouble() - 1);
        }
        return m;
    }

    private static List<Complex_F64> eigenvalues(EigenDecomposition_F32<FMatrixRMaj> eig) {
        List<Complex_F64> values = new ArrayList<>();
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F32 l = eig.getEigenvalue(i);
            values.add(new Complex_F64(l.real, l.imaginary));
        }
        return values;
    }
}
