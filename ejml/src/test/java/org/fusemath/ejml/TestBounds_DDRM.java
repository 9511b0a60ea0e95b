package org.fusemath.ejml;

import org.ejml.data.DMatrixRMaj;
import org.fusemath.verify.Tolerance;

/**
 * Error bounds of the factory tests, from verify's {@link Tolerance} constants: c·n·u for a factorisation's
 * backward error (‖A − F‖_F/‖A‖_F) and for a solve's normwise backward error, u the F64 unit roundoff.
 */
final class TestBounds_DDRM {
    /** The unit roundoff of this family's type. */
    static final double U = Math.ulp((double) 1) / 2;

    private TestBounds_DDRM() {
    }

    /** c·n·u of {@code Tolerance.factorization()}. */
    static double factorization(int n) {
        return Tolerance.factorization().constant() * Math.max(1, n) * U;
    }

    /** c·n·u of {@code Tolerance.luSolve()}. */
    static double solve(int n) {
        return Tolerance.luSolve().constant() * Math.max(1, n) * U;
    }

    /** ‖a − b‖²_F (‖a‖²_F when b is null), summed in double. */
    static double frobeniusSq(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        int len = a.getNumElements();
        for (int i = 0; i < len; i++) {
            double d = a.data[i] - (b == null ? 0 : b.data[i]);
            s += d * d;
        }
        return s;
    }

    /** ‖m‖∞: the largest row sum of magnitudes. */
    static double infNorm(DMatrixRMaj m) {
        double best = 0;
        for (int i = 0; i < m.numRows; i++) {
            double row = 0;
            for (int j = 0; j < m.numCols; j++) {
                row += Math.abs(m.get(i, j));
            }
            best = Math.max(best, row);
        }
        return best;
    }

    /** The normwise backward error ‖A·X − B‖∞ / (‖A‖∞·‖X‖∞ + ‖B‖∞) of a solution X. */
    static double backwardError(DMatrixRMaj a, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj r = new DMatrixRMaj(b.numRows, b.numCols);
        org.ejml.dense.row.CommonOps_DDRM.mult(a, x, r);
        org.ejml.dense.row.CommonOps_DDRM.subtractEquals(r, b);
        double den = infNorm(a) * infNorm(x) + infNorm(b);
        return den == 0 ? 0 : infNorm(r) / den;
    }
}
