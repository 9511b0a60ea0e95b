package org.fusemath.ejml;

import static org.fusemath.ejml.SpectralChecks.U64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.NormOps_ZDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.api.HostMatrix;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.Test;

/**
 * {@link DecompositionFactory_ZDRM#svd}, which EJML lacks: reconstruction U·W·Vᴴ within
 * {@link Tolerance#factorization()}, unitary factors, and singular values equal to those of EJML's real SVD of the
 * embedding [[Re A, −Im A], [Im A, Re A]] (each of A's twice); EJML's SVD contracts carried over.
 */
class ComplexSvdDecompositionTest {
    @Test
    void reconstructsAndMatchesTheEmbeddingsSingularValues() {
        SplittableRandom r = new SplittableRandom(51);
        for (int[] shape : new int[][] {{7, 4}, {4, 7}, {5, 5}, {1, 1}, {20, 13}}) {
            int m = shape[0];
            int n = shape[1];
            ZMatrixRMaj a = ComplexEigenDecompositionTest.random(r, m, n);
            ZMatrixRMaj before = a.copy();
            for (boolean compact : new boolean[] {true, false}) {
                SingularValueDecomposition_F64<ZMatrixRMaj> svd = DecompositionFactory_ZDRM.svd(m, n, true, true, compact);
                assertTrue(svd.decompose(a));
                assertFalse(svd.inputModified());
                assertArrayEquals(before.data, a.data, "A unchanged");
                int k = Math.min(m, n);
                assertEquals(k, svd.numberOfSingularValues());
                ZMatrixRMaj u = svd.getU(null, false);
                ZMatrixRMaj w = svd.getW(null);
                ZMatrixRMaj v = svd.getV(null, false);
                assertEquals(compact ? k : m, u.numCols);
                assertEquals(compact ? k : m, w.numRows);
                assertEquals(compact ? k : n, w.numCols);
                assertEquals(compact ? k : n, v.numCols);
                ZMatrixRMaj uw = new ZMatrixRMaj(m, w.numCols);
                CommonOps_ZDRM.mult(u, w, uw);
                ZMatrixRMaj f = new ZMatrixRMaj(m, n);
                CommonOps_ZDRM.mult(uw, svd.getV(null, true), f);
                Validation.factorization(HostMatrix.of(a), HostMatrix.of(f), Tolerance.factorization()).assertPassed();
                assertUnitaryColumns(u);
                assertUnitaryColumns(v);

                double[] s = SpectralChecks.values(svd);
                SingularValueDecomposition_F64<DMatrixRMaj> ejml =
                        org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(false, false, true);
                assertTrue(ejml.decompose(ComplexEigenDecompositionTest.embedding(a)));
                double[] e = SpectralChecks.descending(ejml.getSingularValues(), 2 * k);
                // Weyl on the embedding (Frobenius norm √2·|A|_F, dimension 2·max(m, n)).
                double bound = 2 * Tolerance.factorization().constant() * 2 * Math.max(m, n) * U64 * Math.sqrt(2)
                        * NormOps_ZDRM.normF(a);
                for (int i = 0; i < k; i++) {
                    if (i > 0) {
                        assertTrue(s[i - 1] >= s[i], "descending");
                    }
                    assertEquals(e[2 * i], s[i], bound, "singular value " + i);
                    assertEquals(e[2 * i + 1], s[i], bound, "singular value " + i + " (its twin)");
                }
            }
        }
    }

    @Test
    void contracts() {
        ZMatrixRMaj a = ComplexEigenDecompositionTest.random(new SplittableRandom(52), 5, 3);
        SingularValueDecomposition_F64<ZMatrixRMaj> valuesOnly = DecompositionFactory_ZDRM.svd(5, 3, false, false, true);
        assertTrue(valuesOnly.decompose(a));
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getU(null, false));
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getV(null, true));
        assertEquals(3, valuesOnly.getW(null).numCols);

        SingularValueDecomposition_F64<ZMatrixRMaj> svd = DecompositionFactory_ZDRM.svd(5, 3, true, true, true);
        assertTrue(svd.decompose(a));
        ZMatrixRMaj storage = new ZMatrixRMaj(1, 1);
        assertSame(storage, svd.getU(storage, true), "a given matrix is reshaped and filled");
        assertEquals(3, storage.numRows);
        assertEquals(5, storage.numCols);
        ZMatrixRMaj uh = new ZMatrixRMaj(3, 5);
        CommonOps_ZDRM.transposeConjugate(svd.getU(null, false), uh);
        assertArrayEquals(uh.data, storage.data, "transposed means the conjugate transpose");

        ZMatrixRMaj nan = a.copy();
        nan.set(1, 1, 0, Double.POSITIVE_INFINITY);
        assertFalse(svd.decompose(nan));
        assertThrows(IllegalStateException.class, () -> svd.getW(null), "a failed decompose leaves no results");
    }

    /** ‖QᴴQ − I‖_F ≤ c·n·u (c of {@link Tolerance#eigen()}). */
    private static void assertUnitaryColumns(ZMatrixRMaj q) {
        ZMatrixRMaj qh = new ZMatrixRMaj(q.numCols, q.numRows);
        CommonOps_ZDRM.transposeConjugate(q, qh);
        ZMatrixRMaj qhq = new ZMatrixRMaj(q.numCols, q.numCols);
        CommonOps_ZDRM.mult(qh, q, qhq);
        for (int i = 0; i < q.numCols; i++) {
            qhq.set(i, i, qhq.getReal(i, i) - 1, qhq.getImag(i, i));
        }
        double error = NormOps_ZDRM.normF(qhq);
        double bound = Tolerance.eigen().constant() * Math.max(q.numRows, q.numCols) * U64;
        assertTrue(error <= bound, "|Q^H Q - I|_F = " + error + " > " + bound);
    }
}
