package org.fusemath.verify;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * The rounding-error constants the tolerances are built from (Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed.): γ(n) = n·u/(1 − n·u) for n accumulated roundings, u the unit roundoff (2⁻²⁴ in float, 2⁻⁵³ in
 * double), and the factor by which complex arithmetic widens a real bound. Stateless.
 */
public final class Bounds {
    private Bounds() {
    }

    /** γ(n) = n·u/(1 − n·u), the bound on the relative error of n roundings; infinite once n·u ≥ 1. */
    public static double gamma(long n, double u) {
        Arguments.requireNonNegative("n", n);
        if (!(u > 0 && u < 1)) {
            throw new InvalidArgumentException("u", u, "a unit roundoff in (0, 1)");
        }
        double nu = n * u;
        return nu >= 1 ? Double.POSITIVE_INFINITY : nu / (1 - nu);
    }

    /** γ(n) in the unit roundoff of {@code dtype}. */
    public static double gamma(long n, DType dtype) {
        return gamma(n, Arguments.requireNonNull(dtype, "dtype").unitRoundoff());
    }

    /**
     * The constant c of the dot-product bound |fl(xᵀy) − xᵀy| ≤ c·γ(n)·|x|ᵀ|y| for {@code dtype}: 2 for real types (the
     * bound with a margin of two over Higham's γ(n)), 4 for complex ones (a complex product and sum cost up to
     * √2·γ(2) more per term: Higham's Lemma 3.5, with the same margin).
     */
    public static double dotConstant(DType dtype) {
        return Arguments.requireNonNull(dtype, "dtype").isComplex() ? 4 : 2;
    }
}
