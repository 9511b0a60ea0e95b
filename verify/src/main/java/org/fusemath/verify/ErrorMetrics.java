package org.fusemath.verify;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.fusemath.api.DType;

/**
 * The error metrics of a result beside its reference, all computed in double precision from the stored values
 * (complex elements by their modulus).
 *
 * @param maxAbsolute        max |actual − reference| over the elements
 * @param maxRelative        max |actual − reference| / |reference| (infinite where a zero reference element is missed)
 * @param normwiseFrobenius  ‖actual − reference‖_F / ‖reference‖_F
 * @param normwiseTwo        ‖actual − reference‖₂ / ‖reference‖₂ (spectral norms; for a vector the Euclidean norm)
 * @param maxUlps            the largest distance in units in the last place of the result's type between an element
 *                           and its reference rounded to that type (real and imaginary parts apart; infinite for NaN)
 */
public record ErrorMetrics(double maxAbsolute, double maxRelative, double normwiseFrobenius, double normwiseTwo,
                           double maxUlps) {
    /** Up to this many elements on the shorter side the 2-norm is exact (an SVD); past it, a power iteration. */
    private static final int EXACT_TWO_NORM_LIMIT = 256;

    static ErrorMetrics of(Dense actual, Dense reference) {
        double maxAbs = 0;
        double maxRel = 0;
        double diff2 = 0;
        double ref2 = 0;
        double ulps = 0;
        boolean complex = reference.im != null;
        for (int e = 0; e < reference.size(); e++) {
            double dr = actual.re[e] - reference.re[e];
            double di = complex ? actual.im[e] - reference.im[e] : 0;
            double err = errorOf(actual, reference, e);
            double mag = reference.abs(e);
            maxAbs = Math.max(maxAbs, err);
            maxRel = Math.max(maxRel, err == 0 ? 0 : mag == 0 ? Double.POSITIVE_INFINITY : err / mag);
            diff2 += dr * dr + di * di;
            ref2 += mag * mag;
            ulps = Math.max(ulps, ulps(actual.dtype, actual.re[e], reference.re[e]));
            if (complex) {
                ulps = Math.max(ulps, ulps(actual.dtype, actual.im[e], reference.im[e]));
            }
        }
        if (Double.isNaN(diff2)) {
            diff2 = Double.POSITIVE_INFINITY;
        }
        double frob = diff2 == 0 ? 0 : Math.sqrt(diff2) / Math.sqrt(ref2);
        double two = diff2 == 0 ? 0 : Double.isInfinite(diff2) ? Double.POSITIVE_INFINITY
                : twoNorm(difference(actual, reference)) / twoNorm(reference);
        return new ErrorMetrics(maxAbs, maxRel, frob, two, ulps);
    }

    /** |actual − reference| of element {@code e}: infinite where either is NaN but not both, 0 where they agree exactly. */
    static double errorOf(Dense actual, Dense reference, int e) {
        double ar = actual.re[e];
        double rr = reference.re[e];
        double ai = actual.im == null ? 0 : actual.im[e];
        double ri = reference.im == null ? 0 : reference.im[e];
        if (same(ar, rr) && same(ai, ri)) {
            return 0;
        }
        double err = Math.hypot(ar - rr, ai - ri);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    private static boolean same(double a, double b) {
        return a == b || Double.isNaN(a) && Double.isNaN(b);
    }

    /** Units in the last place of {@code type} between {@code actual} and {@code reference} rounded to {@code type}. */
    static double ulps(DType type, double actual, double reference) {
        if (same(actual, reference)) {
            return 0;
        }
        if (Double.isNaN(actual) || Double.isNaN(reference)) {
            return Double.POSITIVE_INFINITY;
        }
        if (type.isSinglePrecision()) {
            return Math.abs((double) ordered((float) actual) - ordered((float) reference));
        }
        // The ordered longs are near 2^62, where a double is 1024 apart: subtract them as longs, and fall back to
        // double only where the long difference overflows (values of opposite sign and huge magnitude).
        long a = ordered(actual);
        long r = ordered(reference);
        long d = a - r;
        if (((a ^ r) & (a ^ d)) < 0) {
            return Math.abs((double) a - (double) r);
        }
        return Math.abs((double) d);
    }

    private static long ordered(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    private static int ordered(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits < 0 ? Integer.MIN_VALUE - bits : bits;
    }

    private static Dense difference(Dense actual, Dense reference) {
        Dense d = new Dense(reference.dtype, reference.rows, reference.cols);
        for (int e = 0; e < d.size(); e++) {
            d.re[e] = actual.re[e] - reference.re[e];
            if (d.im != null) {
                d.im[e] = actual.im[e] - reference.im[e];
            }
        }
        return d;
    }

    /**
     * ‖M‖₂: EJML's SVD of M (of its real embedding [[Re, −Im], [Im, Re]] for a complex M, whose singular values are
     * M's, each twice), or 50 steps of power iteration on MᵀM past {@link #EXACT_TWO_NORM_LIMIT} (a lower estimate).
     */
    static double twoNorm(Dense m) {
        if (m.size() == 0) {
            return 0;
        }
        if (m.rows == 1 || m.cols == 1) {
            double s = 0;
            for (int e = 0; e < m.size(); e++) {
                s += m.abs(e) * m.abs(e);
            }
            return Math.sqrt(s);
        }
        DMatrixRMaj real = embedding(m);
        if (Math.min(real.numRows, real.numCols) <= EXACT_TWO_NORM_LIMIT) {
            return NormOps_DDRM.normP2(real);
        }
        double[] v = new double[real.numCols];
        java.util.Arrays.fill(v, 1 / Math.sqrt(v.length));
        double sigma = 0;
        for (int step = 0; step < 50; step++) {
            double[] w = new double[real.numRows];
            for (int i = 0; i < real.numRows; i++) {
                double s = 0;
                for (int j = 0; j < real.numCols; j++) {
                    s += real.get(i, j) * v[j];
                }
                w[i] = s;
            }
            double[] z = new double[real.numCols];
            for (int i = 0; i < real.numRows; i++) {
                for (int j = 0; j < real.numCols; j++) {
                    z[j] += real.get(i, j) * w[i];
                }
            }
            double norm = 0;
            for (double x : z) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            for (int j = 0; j < z.length; j++) {
                v[j] = z[j] / norm;
            }
            sigma = Math.sqrt(norm);
        }
        return sigma;
    }

    private static DMatrixRMaj embedding(Dense m) {
        if (m.im == null) {
            return DMatrixRMaj.wrap(m.rows, m.cols, m.re.clone());
        }
        DMatrixRMaj e = new DMatrixRMaj(2 * m.rows, 2 * m.cols);
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                e.set(i, j, m.re(i, j));
                e.set(i, j + m.cols, -m.im(i, j));
                e.set(i + m.rows, j, m.im(i, j));
                e.set(i + m.rows, j + m.cols, m.re(i, j));
            }
        }
        return e;
    }
}
