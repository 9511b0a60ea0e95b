package org.fusemath.solver.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SmallSolve} against LAPACK's getrf and potrf on the same column-major matrices: the same pivot rows and
 * info, and factors equal to within the factorisations' rounding (each factor entry is a sum of at most n products of
 * entries of order 1: n·u relative to the largest entry, with a margin of 4 for the different summation order).
 */
class SmallSolveTest {
    private static final NativeLapack LAPACK = NativeCalls.lapack();

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = 2 * r.nextDouble() - 1;
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 8, 17, 24})
    void luHasLapacksPivotsAndFactors(int n) {
        for (long seed = 0; seed < 5; seed++) {
            double[] a = random(n, seed);
            double[] mine = a.clone();
            int[] ipiv = new int[n];
            int info = SmallSolve.getrf(n, mine, 0, ipiv);
            double[] lapack = a.clone();
            int[] lp = new int[n];
            assertEquals(LAPACK.getrf(DType.F64, n, n, lapack, 0, n, lp, 0), info);
            for (int j = 0; j < n; j++) {
                assertEquals(lp[j] - 1, ipiv[j], "pivot of column " + j);
            }
            assertArrayEquals(lapack, mine, 4 * n * DType.F64.unitRoundoff() * 8);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 24})
    void aZeroPivotGivesLapacksInfoAndTheFactorisationGoesOn(int n) {
        double[] a = random(n, 9);
        for (int i = 0; i < n; i++) { // column 0 = e0 and column 1 = 2·e0: the second pivot is exactly zero
            a[i] = i == 0 ? 1 : 0;
            a[n + i] = 2 * a[i];
        }
        double[] mine = a.clone();
        int info = SmallSolve.getrf(n, mine, 0, new int[n]);
        double[] lapack = a.clone();
        assertEquals(LAPACK.getrf(DType.F64, n, n, lapack, 0, n, new int[n], 0), info);
        assertEquals(2, info);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 24})
    void choleskyHasLapacksFactorInEitherTriangle(int n) {
        double[] m = random(n, 3);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int p = 0; p < n; p++) {
                    s += m[i + p * n] * m[j + p * n] / n;
                }
                a[i + j * n] = s;
            }
        }
        for (Uplo uplo : Uplo.values()) {
            double[] mine = a.clone();
            boolean lower = uplo == Uplo.LOWER;
            assertEquals(0, SmallSolve.potrf(n, mine, 0, lower ? 1 : n, lower ? n : 1));
            double[] lapack = a.clone();
            assertEquals(0, LAPACK.potrf(DType.F64, uplo, n, lapack, 0, n));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (lower ? i >= j : i <= j) {
                        assertEquals(lapack[i + j * n], mine[i + j * n], 4 * n * DType.F64.unitRoundoff() * 2,
                                uplo + " (" + i + ", " + j + ")");
                    }
                }
            }
        }
        double[] bad = a.clone();
        bad[3 % n + (3 % n) * n] = -5;
        assertEquals(LAPACK.potrf(DType.F64, Uplo.LOWER, n, bad.clone(), 0, n), SmallSolve.potrf(n, bad, 0, 1, n));
    }
}
