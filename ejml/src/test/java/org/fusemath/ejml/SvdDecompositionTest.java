package org.fusemath.ejml;

import static org.fusemath.ejml.SpectralChecks.U64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DecompositionFactory_DDRM#svd} against EJML's SVD: fusemath's path (threshold 0) on random, rank-deficient,
 * 1×1, wide and tall inputs, compact and full; EJML's contracts (shapes, transposed outputs, reuse, requested
 * factors, inputModified); and the delegation below the threshold and in EJML mode, bit-identical to EJML.
 */
class SvdDecompositionTest {
    @BeforeEach
    void everySizeOnFusemath() {
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(7, 5, 5), Arguments.of(5, 7, 5), Arguments.of(6, 6, 6), Arguments.of(1, 1, 1),
                Arguments.of(1, 6, 1), Arguments.of(6, 1, 1), Arguments.of(9, 6, 3), Arguments.of(6, 9, 2),
                Arguments.of(40, 33, 33));
    }

    @ParameterizedTest(name = "{0}x{1} rank {2}")
    @MethodSource("shapes")
    void reconstructsAndMatchesEjmlsSingularValues(int m, int n, int rank) {
        SplittableRandom r = new SplittableRandom(31L * m + n);
        DMatrixRMaj a = rank == Math.min(m, n) ? SpectralChecks.random(r, m, n)
                : SpectralChecks.rankDeficient(r, m, n, rank);
        DMatrixRMaj before = a.copy();
        for (boolean compact : new boolean[] {true, false}) {
            SingularValueDecomposition_F64<DMatrixRMaj> ours = DecompositionFactory_DDRM.svd(m, n, true, true, compact);
            SingularValueDecomposition_F64<DMatrixRMaj> ejml =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m, n, true, true, compact);
            assertTrue(ours.decompose(a));
            assertTrue(ejml.decompose(a.copy()));
            assertArrayEquals(before.data, a.data, "inputModified() is false, so A is unchanged");
            assertFalse(ours.inputModified());

            int k = Math.min(m, n);
            assertEquals(k, ours.numberOfSingularValues());
            assertEquals(m, ours.numRows());
            assertEquals(n, ours.numCols());
            assertEquals(compact, ours.isCompact());
            double[] s = SpectralChecks.values(ours);
            for (int i = 1; i < k; i++) {
                assertTrue(s[i - 1] >= s[i], "descending: " + java.util.Arrays.toString(s));
            }
            SpectralChecks.assertSameSingularValues(SpectralChecks.values(ejml), s, k, a, U64);

            DMatrixRMaj u = ours.getU(null, false);
            DMatrixRMaj w = ours.getW(null);
            DMatrixRMaj v = ours.getV(null, false);
            DMatrixRMaj eu = ejml.getU(null, false);
            DMatrixRMaj ew = ejml.getW(null);
            DMatrixRMaj ev = ejml.getV(null, false);
            assertEquals(eu.numRows + "x" + eu.numCols, u.numRows + "x" + u.numCols, "U's shape as EJML's");
            assertEquals(ew.numRows + "x" + ew.numCols, w.numRows + "x" + w.numCols, "W's shape as EJML's");
            assertEquals(ev.numRows + "x" + ev.numCols, v.numRows + "x" + v.numCols, "V's shape as EJML's");
            Validation.factorization(a.data, SpectralChecks.product(u, w, v).data, m, n, Tolerance.factorization())
                    .assertPassed();
            SpectralChecks.assertOrthonormalColumns(u, U64);
            SpectralChecks.assertOrthonormalColumns(v, U64);
            // quality() is |A - F|_F / |F|_F; |F|_F >= |A|_F (1 - c n u), so twice the factorization bound holds it.
            assertTrue(DecompositionFactory_DDRM.quality(a, ours)
                    <= 2 * Tolerance.factorization().constant() * Math.max(m, n) * U64, "EJML's quality() of our SVD");
        }
    }

    @Test
    void transposedAndReusedOutputsFollowEjml() {
        DMatrixRMaj a = SpectralChecks.random(new SplittableRandom(5), 8, 5);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(true, true, true);
        assertTrue(svd.decompose(a));
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj ut = svd.getU(null, true);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj v = svd.getV(null, false);
        assertTrue(MatrixFeatures_DDRM.isIdentical(CommonOps_DDRM.transpose(u, null), ut, 0), "getU(null, true) is Uᵀ");
        assertTrue(MatrixFeatures_DDRM.isIdentical(CommonOps_DDRM.transpose(v, null), vt, 0), "getV(null, true) is Vᵀ");

        DMatrixRMaj storage = new DMatrixRMaj(1, 2);
        assertSame(storage, svd.getU(storage, false), "a given U is filled, not replaced");
        assertEquals(8, storage.numRows);
        assertEquals(5, storage.numCols);
        assertTrue(MatrixFeatures_DDRM.isIdentical(storage, u, 0));
        DMatrixRMaj wStorage = new DMatrixRMaj(9, 9);
        wStorage.fill(7);
        assertSame(wStorage, svd.getW(wStorage));
        assertTrue(MatrixFeatures_DDRM.isIdentical(wStorage, svd.getW(null), 0), "a reused W is reshaped and zeroed off the diagonal");
        DMatrixRMaj vStorage = new DMatrixRMaj(3, 3);
        assertSame(vStorage, svd.getV(vStorage, true));
        assertTrue(MatrixFeatures_DDRM.isIdentical(vStorage, vt, 0));

        // Results are copies: changing one does not change the next.
        u.set(0, 0, 99);
        assertFalse(svd.getU(null, false).get(0, 0) == 99);

        // EJML's helper sorts either implementation's factors.
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
    }

    @Test
    void asksForFactorsThatWereNotRequestedFailAsInEjml() {
        DMatrixRMaj a = SpectralChecks.random(new SplittableRandom(6), 6, 4);
        SingularValueDecomposition_F64<DMatrixRMaj> valuesOnly = DecompositionFactory_DDRM.svd(false, false, true);
        SingularValueDecomposition_F64<DMatrixRMaj> onlyV = DecompositionFactory_DDRM.svd(false, true, false);
        assertTrue(valuesOnly.decompose(a));
        assertTrue(onlyV.decompose(a));
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getU(null, false));
        assertThrows(IllegalArgumentException.class, () -> valuesOnly.getV(null, false));
        assertThrows(IllegalArgumentException.class, () -> onlyV.getU(null, true));
        assertEquals(4, onlyV.getV(null, false).numRows);
        assertEquals(4, onlyV.getV(null, false).numCols);
        SingularValueDecomposition_F64<DMatrixRMaj> ejml =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(false, false, true);
        assertTrue(ejml.decompose(a.copy()));
        SpectralChecks.assertSameSingularValues(SpectralChecks.values(ejml), SpectralChecks.values(valuesOnly), 4, a,
                U64);
        assertThrows(IllegalArgumentException.class, () -> ejml.getU(null, false), "EJML throws the same");
    }

    @Test
    void nonFiniteInputIsAFailedDecomposition() {
        DMatrixRMaj a = SpectralChecks.random(new SplittableRandom(7), 4, 4);
        a.set(2, 1, Double.NaN);
        assertFalse(DecompositionFactory_DDRM.svd(true, true, true).decompose(a));
    }

    @Test
    void reusedForOtherShapes() {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(true, true, true);
        SplittableRandom r = new SplittableRandom(8);
        for (int[] shape : new int[][] {{5, 3}, {3, 5}, {5, 3}, {4, 4}}) {
            DMatrixRMaj a = SpectralChecks.random(r, shape[0], shape[1]);
            assertTrue(svd.decompose(a));
            Validation.factorization(a.data, SpectralChecks.product(svd.getU(null, false), svd.getW(null),
                    svd.getV(null, false)).data, shape[0], shape[1], Tolerance.factorization()).assertPassed();
        }
    }

    @Test
    void belowTheThresholdAndInEjmlModeTheResultsAreEjmlsBitForBit() {
        EjmlExecution.reset();
        DMatrixRMaj small = SpectralChecks.random(new SplittableRandom(9), 4, 3);
        assertTrue(small.getNumElements() < DecompositionThresholds.SVD_F64);
        assertBitIdenticalToEjml(small);

        EjmlExecution.setMode(EjmlExecution.Mode.EJML);
        DMatrixRMaj large = SpectralChecks.random(new SplittableRandom(10), 60, 50);
        assertTrue(large.getNumElements() >= DecompositionThresholds.SVD_F64);
        assertBitIdenticalToEjml(large);
    }

    @Test
    void coverageCountsEachPath() {
        EjmlCoverage.reset();
        EjmlCoverage.enable();
        try {
            DMatrixRMaj a = SpectralChecks.random(new SplittableRandom(11), 4, 3);
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(true, true, true);
            assertTrue(svd.decompose(a));
            EjmlExecution.setMode(EjmlExecution.Mode.EJML);
            assertTrue(svd.decompose(a));
            EjmlCoverage.Counts counts = EjmlCoverage.snapshot()
                    .get("DecompositionFactory_DDRM.svd(int,int,boolean,boolean,boolean).decompose(DMatrixRMaj)");
            assertEquals(1, counts.accelerated());
            assertEquals(1, counts.delegated());
        } finally {
            EjmlCoverage.disable();
            EjmlCoverage.reset();
        }
    }

    private static void assertBitIdenticalToEjml(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> ours = DecompositionFactory_DDRM.svd(true, true, false);
        SingularValueDecomposition_F64<DMatrixRMaj> ejml =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(true, true, false);
        assertTrue(ours.decompose(a));
        assertTrue(ejml.decompose(a.copy()));
        assertArrayEquals(SpectralChecks.values(ejml), SpectralChecks.values(ours));
        assertTrue(MatrixFeatures_DDRM.isIdentical(ejml.getU(null, false), ours.getU(null, false), 0));
        assertTrue(MatrixFeatures_DDRM.isIdentical(ejml.getV(null, true), ours.getV(null, true), 0));
        assertTrue(MatrixFeatures_DDRM.isIdentical(ejml.getW(null), ours.getW(null), 0));
    }
}
