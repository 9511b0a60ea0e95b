package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Ref;
import org.junit.jupiter.api.Test;

/**
 * gecon, orgqr/ungqr and gelsd on every call path of the LAPACK table (the JDK's own and JavaCPP's staging):
 * exact answers where LAPACK's are exact (the condition number of a diagonal matrix), orthonormality of Q within
 * c·m·u, gelsd's solution of a well-conditioned square system against getrs's, and argument checks.
 */
class LapackDecompositionRoutinesTest {
    private static final int N = 7;

    private static Object zeros(DType t, int elements) {
        return t.isSinglePrecision() ? new float[elements * t.slotsPerElement()] : new double[elements * t.slotsPerElement()];
    }

    @Test
    void geconIsExactForADiagonalMatrix() {
        for (NativeLapack table : NativeLapackTest.tables()) {
            for (DType t : DType.values()) {
                Object a = zeros(t, N * N);
                for (int i = 0; i < N; i++) {
                    Ref.set(a, (i * N + i) * t.slotsPerElement(), i + 1);
                }
                int[] ipiv = new int[N];
                assertEquals(0, table.getrf(t, N, N, a, 0, N, ipiv, 0));
                double[] rcond = new double[2];
                // κ₁ = ‖A‖₁·‖A⁻¹‖₁ = N · 1.
                assertEquals(0, table.gecon(t, '1', N, a, 0, N, N, rcond, 1));
                assertEquals(1.0 / N, rcond[1], 4 * t.unitRoundoff(), t + " " + table.getClass().getSimpleName());
                assertEquals(0, table.gecon(t, 'I', N, a, 0, N, N, rcond, 0));
                assertEquals(1.0 / N, rcond[0], 4 * t.unitRoundoff());
            }
        }
    }

    @Test
    void orgqrFormsAnOrthonormalQ() {
        int m = 11;
        for (NativeLapack table : NativeLapackTest.tables()) {
            for (DType t : DType.values()) {
                int s = t.slotsPerElement();
                Object a = Ref.random(t, m * N * s, 3);
                Object tau = zeros(t, N);
                assertEquals(0, table.geqrf(t, m, N, a, 0, m, tau, 0));
                assertEquals(0, table.orgqr(t, m, N, N, a, 0, m, tau, 0));
                double worst = 0;
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j < N; j++) {
                        double re = i == j ? -1 : 0;
                        double im = 0;
                        for (int p = 0; p < m; p++) {
                            double ar = Ref.get(a, (i * m + p) * s);
                            double ai = s == 2 ? -Ref.get(a, (i * m + p) * s + 1) : 0;
                            double br = Ref.get(a, (j * m + p) * s);
                            double bi = s == 2 ? Ref.get(a, (j * m + p) * s + 1) : 0;
                            re += ar * br - ai * bi;
                            im += ar * bi + ai * br;
                        }
                        worst = Math.max(worst, Math.hypot(re, im));
                    }
                }
                assertTrue(worst <= 8 * m * t.unitRoundoff(), t + ": |QᴴQ − I| = " + worst);
            }
        }
    }

    @Test
    void gelsdSolvesAWellConditionedSquareSystemAsGetrsDoes() {
        for (NativeLapack table : NativeLapackTest.tables()) {
            for (DType t : DType.values()) {
                int s = t.slotsPerElement();
                Object a = NativeLapackTest.matrix(t, N, false, 5);
                Object b = Ref.random(t, N * 2 * s, 6);
                Object lu = Ref.copy(a);
                Object x = Ref.copy(b);
                int[] ipiv = new int[N];
                table.getrf(t, N, N, lu, 0, N, ipiv, 0);
                table.getrs(t, Trans.N, N, 2, lu, 0, N, ipiv, 0, x, 0, N);
                Object sv = zeros(t.componentType(), N);
                int[] rank = new int[3];
                Object y = Ref.copy(b);
                assertEquals(0, table.gelsd(t, N, N, 2, Ref.copy(a), 0, N, y, 0, N, sv, 0, -1, rank, 2));
                assertEquals(N, rank[2]);
                for (int i = 1; i < N; i++) {
                    assertTrue(Ref.get(sv, i - 1) >= Ref.get(sv, i), "descending singular values");
                }
                double scale = 0;
                for (int i = 0; i < N * 2 * s; i++) {
                    scale = Math.max(scale, Math.abs(Ref.get(x, i)));
                }
                for (int i = 0; i < N * 2 * s; i++) {
                    // Both are backward stable for a matrix with κ ≈ 2 (n added to the diagonal).
                    assertEquals(Ref.get(x, i), Ref.get(y, i), 32 * N * t.unitRoundoff() * scale, t + " slot " + i);
                }
            }
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeTheNativeCall() {
        for (NativeLapack table : NativeLapackTest.tables()) {
            double[] a = new double[9];
            assertThrows(InvalidArgumentException.class, () -> table.gecon(DType.F64, 'X', 3, a, 0, 3, 1, new double[1], 0));
            assertThrows(InvalidArgumentException.class, () -> table.gecon(DType.F64, '1', 3, a, 0, 3, Double.NaN,
                    new double[1], 0));
            assertThrows(InvalidArgumentException.class, () -> table.gecon(DType.F64, '1', 3, a, 0, 3, 1, new double[1], 1));
            assertThrows(InvalidArgumentException.class, () -> table.gecon(DType.F64, '1', 4, a, 0, 4, 1, new double[1], 0));
            assertThrows(InvalidArgumentException.class, () -> table.orgqr(DType.F64, 2, 3, 2, new double[6], 0, 2,
                    new double[2], 0), "n > m");
            assertThrows(InvalidArgumentException.class, () -> table.orgqr(DType.F64, 3, 2, 3, new double[6], 0, 3,
                    new double[3], 0), "k > n");
            assertThrows(InvalidArgumentException.class, () -> table.orgqr(DType.F64, 3, 3, 3, a, 0, 3, new double[2], 0),
                    "tau too short");
            // gelsd's B must have max(m, n) rows: a 2x3 A needs a 3-row B.
            assertThrows(InvalidArgumentException.class, () -> table.gelsd(DType.F64, 2, 3, 1, new double[6], 0, 2,
                    new double[3], 0, 2, new double[2], 0, -1, new int[1], 0));
            assertThrows(InvalidArgumentException.class, () -> table.gelsd(DType.F64, 3, 3, 1, a, 0, 3, new double[3], 0, 3,
                    new double[2], 0, -1, new int[1], 0), "s too short");
            assertThrows(InvalidArgumentException.class, () -> table.gelsd(DType.C128, 3, 3, 1, new double[18], 0, 3,
                    new double[6], 0, 3, new float[3], 0, -1, new int[1], 0), "s of the wrong component type");
            assertThrows(InvalidArgumentException.class, () -> table.gelsd(DType.F64, 3, 3, 1, a, 0, 3, new double[3], 0, 3,
                    new double[3], 0, Double.NaN, new int[1], 0));
        }
    }
}
