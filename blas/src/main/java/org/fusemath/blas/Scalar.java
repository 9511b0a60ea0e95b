package org.fusemath.blas;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * A scalar coefficient (alpha, beta) or a scalar result (a dot product): real and imaginary parts in
 * double precision; for F32/C64 operations the parts are rounded to float when the call is made.
 *
 * @param re the real part
 * @param im the imaginary part (0 for real values)
 */
public record Scalar(double re, double im) {
    /** 0. */
    public static final Scalar ZERO = new Scalar(0, 0);
    /** 1. */
    public static final Scalar ONE = new Scalar(1, 0);

    /** A real scalar. */
    public static Scalar of(double re) {
        return re == 0 && Double.doubleToRawLongBits(re) == 0 ? ZERO : re == 1 ? ONE : new Scalar(re, 0);
    }

    /** A complex scalar. */
    public static Scalar of(double re, double im) {
        return new Scalar(re, im);
    }

    /** Whether the imaginary part is zero. */
    public boolean isReal() {
        return im == 0;
    }

    /** Whether both parts are zero (then BLAS does not read the operand this scalar multiplies). */
    public boolean isZero() {
        return re == 0 && im == 0;
    }

    /** Whether this is exactly 1. */
    public boolean isOne() {
        return re == 1 && im == 0;
    }

    /** Throws unless this scalar can multiply operands of {@code dtype} (a real type takes real scalars only). */
    public Scalar requireFor(String name, DType dtype) {
        if (!dtype.isComplex() && im != 0) {
            throw new InvalidArgumentException(name, this, "a real scalar (imaginary part 0) for " + dtype);
        }
        return this;
    }

    @Override
    public String toString() {
        return im == 0 ? Double.toString(re) : re + (im < 0 || Double.isNaN(im) ? "" : "+") + im + "i";
    }
}
