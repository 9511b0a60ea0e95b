package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.verify.Tolerance;

/**
 * Test matrices and the bound-based comparisons the decomposition tests share. Every bound is the backward bound of
 * {@link Tolerance#factorization()} or {@link Tolerance#eigen()} (c·n·u·‖A‖), carried to eigenvalues by Weyl's
 * theorem (symmetric: |λ̂ − λ| ≤ ‖E‖₂) or the Bauer–Fike theorem (diagonalisable: |λ̂ − λ| ≤ κ₂(V)·‖E‖₂).
 */
final class SpectralChecks {
    /** Unit roundoff of double. */
    static final double U64 = Math.ulp(1.0) / 2;
    /** Unit roundoff of float. */
    static final double U32 = Math.ulp(1.0f) / 2;

    private SpectralChecks() {
    }

    /** Uniform entries in [-1, 1). */
    static DMatrixRMaj random(SplittableRandom r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * r.nextDouble() - 1;
        }
        return m;
    }

    /** A random symmetric matrix B + Bᵀ. */
    static DMatrixRMaj symmetric(SplittableRandom r, int n) {
        DMatrixRMaj b = random(r, n, n);
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(b, s);
        CommonOps_DDRM.addEquals(s, b);
        return s;
    }

    /** A random orthogonal n×n matrix (EJML's QR of a random matrix). */
    static DMatrixRMaj orthogonal(SplittableRandom r, int n) {
        var qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(random(r, n, n));
        return qr.getQ(null, false);
    }

    /** Q·D·Qᵀ with D = diag(values) and a random orthogonal Q. */
    static DMatrixRMaj similarSymmetric(SplittableRandom r, double... values) {
        int n = values.length;
        DMatrixRMaj q = orthogonal(r, n);
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qd.set(i, j, q.get(i, j) * values[j]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        return a;
    }

    /** Q·M·Qᵀ for a random orthogonal Q (same eigenvalues, same Jordan structure, same conditioning). */
    static DMatrixRMaj orthogonallySimilar(SplittableRandom r, DMatrixRMaj m) {
        DMatrixRMaj q = orthogonal(r, m.numRows);
        DMatrixRMaj qm = new DMatrixRMaj(m.numRows, m.numRows);
        CommonOps_DDRM.mult(q, m, qm);
        DMatrixRMaj a = new DMatrixRMaj(m.numRows, m.numRows);
        CommonOps_DDRM.multTransB(qm, q, a);
        return a;
    }

    /** An m×n matrix of rank {@code rank}: a product of random m×rank and rank×n factors. */
    static DMatrixRMaj rankDeficient(SplittableRandom r, int m, int n, int rank) {
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(random(r, m, rank), random(r, rank, n), a);
        return a;
    }

    /** ‖A‖₂, by EJML's SVD. */
    static double norm2(DMatrixRMaj a) {
        if (a.getNumElements() == 0) {
            return 0;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(false, false, true);
        assertTrue(svd.decompose(a.copy()));
        double max = 0;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            max = Math.max(max, svd.getSingularValues()[i]);
        }
        return max;
    }

    /** κ₂(V) = σ_max / σ_min, by EJML's SVD. */
    static double condition(DMatrixRMaj v) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(false, false, true);
        assertTrue(svd.decompose(v.copy()));
        double[] s = svd.getSingularValues().clone();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            max = Math.max(max, s[i]);
            min = Math.min(min, s[i]);
        }
        return max / min;
    }

    /** The first {@code k} entries of {@code values} in descending order. */
    static double[] descending(double[] values, int k) {
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = values[i];
        }
        java.util.Arrays.sort(s);
        for (int i = 0; i < k / 2; i++) {
            double t = s[i];
            s[i] = s[k - 1 - i];
            s[k - 1 - i] = t;
        }
        return s;
    }

    /** U·W·Vᵀ. */
    static DMatrixRMaj product(DMatrixRMaj u, DMatrixRMaj w, DMatrixRMaj v) {
        DMatrixRMaj uw = new DMatrixRMaj(u.numRows, w.numCols);
        CommonOps_DDRM.mult(u, w, uw);
        DMatrixRMaj f = new DMatrixRMaj(u.numRows, v.numRows);
        CommonOps_DDRM.multTransB(uw, v, f);
        return f;
    }

    /** ‖QᵀQ − I‖_F ≤ c·n·u (c of {@link Tolerance#eigen()}): orthonormal columns. */
    static void assertOrthonormalColumns(DMatrixRMaj q, double u) {
        DMatrixRMaj qtq = new DMatrixRMaj(q.numCols, q.numCols);
        CommonOps_DDRM.multTransA(q, q, qtq);
        DMatrixRMaj identity = CommonOps_DDRM.identity(q.numCols);
        double error = NormOps_DDRM.normF(CommonOps_DDRM.subtract(qtq, identity, null));
        double bound = Tolerance.eigen().constant() * Math.max(1, Math.max(q.numRows, q.numCols)) * u;
        assertTrue(error <= bound, "|Q^T Q - I|_F = " + error + " > " + bound);
    }

    /**
     * Two singular-value lists of the same A, each exact for A plus a perturbation within
     * {@link Tolerance#factorization()} (‖E‖_F ≤ c·max(m, n)·u·‖A‖_F): by Weyl, each pair sorted in descending order
     * differs by at most the sum of the two bounds.
     */
    static void assertSameSingularValues(double[] expected, double[] actual, int k, DMatrixRMaj a, double u) {
        double[] e = descending(expected, k);
        double[] s = descending(actual, k);
        double bound = 2 * Tolerance.factorization().constant() * Math.max(a.numRows, a.numCols) * u
                * NormOps_DDRM.normF(a);
        for (int i = 0; i < k; i++) {
            assertTrue(Math.abs(e[i] - s[i]) <= bound, "singular value " + i + ": " + s[i] + " vs EJML's " + e[i]
                    + ", bound " + bound);
        }
    }

    /**
     * Eigenvalue multisets equal within {@code bound}: each expected value is matched to a distinct nearest actual one
     * (greedily, in order of the expected values' real parts).
     */
    static void assertSameEigenvalues(List<Complex_F64> expected, List<Complex_F64> actual, double bound) {
        assertEquals(expected.size(), actual.size(), "number of eigenvalues");
        List<Complex_F64> left = new ArrayList<>(actual);
        List<Complex_F64> sorted = new ArrayList<>(expected);
        sorted.sort(Comparator.comparingDouble((Complex_F64 c) -> c.real).thenComparingDouble(c -> c.imaginary));
        for (Complex_F64 e : sorted) {
            Complex_F64 best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (Complex_F64 c : left) {
                double d = Math.hypot(c.real - e.real, c.imaginary - e.imaginary);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            assertTrue(bestDistance <= bound, "eigenvalue " + e + ": nearest " + best + " at " + bestDistance
                    + " > bound " + bound + " (all: " + actual + ")");
            left.remove(best);
        }
    }

    /** Singular values of a decomposition, as a fresh array of its k values. */
    static double[] values(SingularValueDecomposition_F64<DMatrixRMaj> svd) {
        double[] s = new double[svd.numberOfSingularValues()];
        System.arraycopy(svd.getSingularValues(), 0, s, 0, s.length);
        return s;
    }

    /** Sorted descending by EJML's own helper, to show it serves both implementations. */
    static void sortWithEjml(DMatrixRMaj u, DMatrixRMaj w, DMatrixRMaj vt) {
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
    }
}
