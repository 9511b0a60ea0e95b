package org.fusemath.solver;

import static org.fusemath.solver.LinalgTest.backwardError;
import static org.fusemath.solver.LinalgTest.identity;
import static org.fusemath.solver.LinalgTest.im;
import static org.fusemath.solver.LinalgTest.normInf;
import static org.fusemath.solver.LinalgTest.random;
import static org.fusemath.solver.LinalgTest.re;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Uplo;
import org.junit.jupiter.api.Test;

/**
 * Cholesky against its definition: ‖A − L·Lᴴ‖∞ ≤ c·n·u·‖A‖∞ (Higham Thm. 10.3 bounds it by γₙ₊₁·‖L‖·‖Lᴴ‖, and
 * ‖L‖² ≤ n·‖A‖ for the 2-norm; c = 4 with margin here), solves and the inverse by the backward error of
 * {@link LinalgTest}, EJML's factor for F64, and the failing minor of a matrix that is not positive definite.
 */
class CholeskyTest {
    private static final double C = 4;

    /** A = M·Mᴴ + n·I (Hermitian positive definite, well conditioned), in {@code layout}. */
    static HostMatrix spd(DType t, int n, Layout layout, long seed) {
        HostMatrix m = random(t, n, n, Layout.ROW_MAJOR, seed);
        Object data = Dense.allocate(t, (long) n * n);
        MatrixShape s = MatrixShape.dense(n, n, layout);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = i == j ? n : 0;
                double si = 0;
                for (int p = 0; p < n; p++) {
                    // M(i, p)·conj(M(j, p))
                    sr += re(m, i, p) * re(m, j, p) + im(m, i, p) * im(m, j, p);
                    si += im(m, i, p) * re(m, j, p) - re(m, i, p) * im(m, j, p);
                }
                int at = (int) s.indexOf(0, i, j) * t.slotsPerElement();
                Dense.set(data, at, sr);
                if (t.isComplex()) {
                    Dense.set(data, at + 1, i == j ? 0 : si);
                }
            }
        }
        return HostMatrix.of(t, data, s);
    }

    /** ‖A − F·Fᴴ‖∞ / (n·u·‖A‖∞) for F = L, or ‖A − Fᴴ·F‖∞ / (n·u·‖A‖∞) for F = U. */
    static double reconstructionError(HostMatrix a, HostMatrix f, Uplo uplo) {
        int n = (int) a.shape().rows();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                double sr = -re(a, i, j);
                double si = -im(a, i, j);
                for (int p = 0; p < n; p++) {
                    // LOWER: L(i, p)·conj(L(j, p)); UPPER: conj(U(p, i))·U(p, j).
                    double xr = uplo == Uplo.LOWER ? re(f, i, p) : re(f, p, i);
                    double xi = uplo == Uplo.LOWER ? im(f, i, p) : -im(f, p, i);
                    double yr = uplo == Uplo.LOWER ? re(f, j, p) : re(f, p, j);
                    double yi = uplo == Uplo.LOWER ? -im(f, j, p) : im(f, p, j);
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                row += Math.hypot(sr, si);
            }
            worst = Math.max(worst, row);
        }
        return worst / (n * a.dtype().unitRoundoff() * normInf(a));
    }

    @Test
    void theFactorReconstructsAAndSolvesAndInvertsWithinTheBounds() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (int n : new int[] {1, 5, 67, t == DType.F64 ? 200 : 100}) {
                    HostMatrix a = spd(t, n, la, n);
                    for (Uplo uplo : Uplo.values()) {
                        CholeskyFactorization c = CholeskyFactorization.factor(FuseContext.defaults(), a, uplo);
                        HostMatrix f = c.triangularFactor();
                        assertEquals(la, f.shape().layout());
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j < n; j++) {
                                boolean outside = uplo == Uplo.LOWER ? j > i : j < i;
                                if (outside) {
                                    assertEquals(0, re(f, i, j));
                                    assertEquals(0, im(f, i, j));
                                }
                            }
                        }
                        double e = reconstructionError(a, f, uplo);
                        assertTrue(e <= C, t + " " + la + " " + uplo + " n=" + n + ": ‖A − factor product‖ = " + e);
                        for (Layout lb : Layout.values()) {
                            HostMatrix b = random(t, n, 3, lb, 9);
                            HostMatrix x = c.solve(b);
                            assertEquals(lb, x.shape().layout());
                            double be = backwardError(a, x, b);
                            assertTrue(be <= C, t + " " + la + " " + uplo + " B " + lb + " n=" + n + ": " + be);
                        }
                        double ie = backwardError(a, c.inverse(), identity(t, n));
                        assertTrue(ie <= C, t + " " + la + " " + uplo + " inverse n=" + n + ": " + ie);
                    }
                    HostMatrix l = Linalg.cholesky(a);
                    assertTrue(reconstructionError(a, l, Uplo.LOWER) <= C);
                }
            }
        }
    }

    @Test
    void onlyTheChosenTriangleIsRead() {
        HostMatrix a = spd(DType.F64, 4, Layout.ROW_MAJOR, 2);
        double[] garbled = a.doubles().clone();
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                garbled[i * 4 + j] = Double.NaN; // the upper triangle
            }
        }
        HostMatrix g = HostMatrix.of(garbled, 4, 4);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Linalg.cholesky(a).doubles(), Linalg.cholesky(g).doubles());
    }

    @Test
    void agreesWithEjmlsCholesky() {
        int n = 120;
        HostMatrix a = spd(DType.F64, n, Layout.ROW_MAJOR, 4);
        DMatrixRMaj e = DMatrixRMaj.wrap(n, n, a.doubles().clone());
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        assertTrue(chol.decompose(e));
        double[] expected = chol.getT(null).data;
        double[] actual = Linalg.cholesky(a).doubles();
        // Both factors are backward stable for the same well-conditioned A: they agree to O(κ(A)·n·u) (κ(A) ≈ 5 here).
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < n * n; i++) {
            assertEquals(expected[i], actual[i], 16 * n * DType.F64.unitRoundoff() * scale, "element " + i);
        }
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteNamesItsFailingMinor() {
        for (Layout la : Layout.values()) {
            // [[4, 2, 0], [2, 1, 0], [0, 0, 1]]: the leading 2×2 minor is 4·1 − 2·2 = 0.
            HostMatrix a = HostMatrix.of(DType.F64, new double[] {4, 2, 0, 2, 1, 0, 0, 0, 1}, MatrixShape.dense(3, 3, la));
            for (Uplo uplo : Uplo.values()) {
                NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                        () -> CholeskyFactorization.factor(FuseContext.defaults(), a, uplo));
                assertEquals(2, e.info(), la + " " + uplo);
                assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
            }
        }
        HostMatrix negative = HostMatrix.complex(new double[] {-1, 0}, 1, 1);
        assertEquals(1, assertThrows(NotPositiveDefiniteException.class, () -> Linalg.cholesky(negative)).info());
        // OpenBLAS's potrf tests a pivot with "<= 0", which NaN passes: NaN propagates into the factor, as in NumPy.
        HostMatrix nan = HostMatrix.of(new double[] {1, 0, 0, Double.NaN}, 2, 2);
        double[] l = Linalg.cholesky(nan).doubles();
        assertEquals(1, l[0]);
        assertTrue(Double.isNaN(l[3]), java.util.Arrays.toString(l));
        assertThrows(ShapeMismatchException.class, () -> Linalg.cholesky(HostMatrix.of(new double[6], 2, 3)));
        CholeskyFactorization c = CholeskyFactorization.factor(spd(DType.F32, 3, Layout.ROW_MAJOR, 1));
        assertThrows(ShapeMismatchException.class, () -> c.solve(HostMatrix.of(new float[2], 2, 1)));
        assertEquals(0, Linalg.cholesky(HostMatrix.of(new double[0], 0, 0)).shape().size());
    }

    @Test
    void factorInPlaceOverwritesOnlyTheCallersTriangleAndMatchesTheCopyingFactor() {
        for (DType t : DType.values()) {
            for (Layout la : Layout.values()) {
                for (Uplo uplo : Uplo.values()) {
                    HostMatrix a = spd(t, 9, la, 3);
                    CholeskyFactorization copied = CholeskyFactorization.factor(FuseContext.defaults(), a, uplo);
                    Object array = a.array();
                    Object before = array instanceof double[] d ? d.clone() : ((float[]) array).clone();
                    CholeskyFactorization inPlace = CholeskyFactorization.factorInPlace(FuseContext.defaults(), a, uplo);
                    // The same potrf on the same numbers: the same factor, now in the caller's array.
                    HostMatrix f = copied.triangularFactor();
                    HostMatrix g = inPlace.triangularFactor();
                    int slots = t.slotsPerElement();
                    boolean changed = false;
                    for (int i = 0; i < 9; i++) {
                        for (int j = 0; j < 9; j++) {
                            boolean inTriangle = uplo == Uplo.LOWER ? i >= j : i <= j;
                            for (int p = 0; p < slots; p++) {
                                int at = (int) a.shape().indexOf(0, i, j) * slots + p;
                                double now = Dense.get(array, at);
                                double was = Dense.get(before, at);
                                if (inTriangle) {
                                    assertEquals(Dense.get(f.array(), (int) f.shape().indexOf(0, i, j) * slots + p), now,
                                            t + " " + la + " " + uplo + " factor (" + i + "," + j + ")");
                                    changed |= now != was;
                                } else {
                                    assertEquals(was, now, t + " " + la + " " + uplo + " untouched (" + i + "," + j + ")");
                                }
                            }
                        }
                    }
                    assertTrue(changed, "the caller's array holds the factor");
                    assertEquals(0, QrTest.difference(f, g), t + " " + la + " " + uplo);
                    HostMatrix b = LinalgTest.random(t, 9, 2, la, 4);
                    assertEquals(0, QrTest.difference(copied.solve(b), inPlace.solve(b)), "solves from either array");
                }
            }
        }
        HostMatrix wide = HostMatrix.of(DType.F64, new double[12], new MatrixShape(1, 3, 3, Layout.ROW_MAJOR, 4, 0, 0));
        assertThrows(org.fusemath.api.InvalidArgumentException.class,
                () -> CholeskyFactorization.factorInPlace(FuseContext.defaults(), wide, Uplo.LOWER));
        HostMatrix shifted = HostMatrix.of(DType.F64, new double[10], new MatrixShape(1, 3, 3, Layout.ROW_MAJOR, 3, 0, 1));
        assertThrows(org.fusemath.api.InvalidArgumentException.class,
                () -> CholeskyFactorization.factorInPlace(FuseContext.defaults(), shifted, Uplo.LOWER));
    }
}
