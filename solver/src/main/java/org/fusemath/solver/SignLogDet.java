package org.fusemath.solver;

import org.fusemath.blas.Scalar;

/**
 * A determinant as NumPy's {@code numpy.linalg.slogdet} returns it: det(A) = sign · exp(logAbsDet), which stays in
 * range where the determinant itself would overflow or underflow. For a real A the sign is ±1, for a complex one a
 * number of modulus 1; an exactly singular A has sign 0 and logAbsDet −∞. NaN in A gives NaN in both.
 *
 * @param sign the sign (real types) or phase (complex types) of det(A), or 0
 * @param logAbsDet the natural logarithm of |det(A)|
 */
public record SignLogDet(Scalar sign, double logAbsDet) {
    /** det(A) = sign · exp(logAbsDet), in double precision (may overflow to ±∞ or underflow to 0). */
    public Scalar determinant() {
        double m = Math.exp(logAbsDet);
        return Scalar.of(sign.re() * m, sign.im() * m);
    }
}
