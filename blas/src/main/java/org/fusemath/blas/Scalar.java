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

    /**
     * Parses a real number ({@code 2}, {@code -1.5e-3}) or a complex one in Python's or the usual notation
     * ({@code 1+2j}, {@code (1-2j)}, {@code 3j}, {@code -j}, {@code 1+2i}), as {@code fusemath exec} reads
     * {@code --alpha} and {@code --beta}; {@code name} is the option named in the error for anything else.
     */
    public static Scalar parse(String name, String text) {
        if (text == null) {
            throw new InvalidArgumentException(name, "null", "a number such as 2, -1.5e-3 or 1+2j");
        }
        String s = text.strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        try {
            char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
            if (last != 'j' && last != 'i') {
                return of(Double.parseDouble(s));
            }
            String body = s.substring(0, s.length() - 1);
            int split = imaginarySign(body);
            double re = split <= 0 ? 0 : Double.parseDouble(body.substring(0, split));
            String im = body.substring(Math.max(split, 0));
            return of(re, im.isEmpty() || im.equals("+") ? 1 : im.equals("-") ? -1 : Double.parseDouble(im));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(name, "'" + text + "'", "a number such as 2, -1.5e-3 or 1+2j");
        }
    }

    /** Where the imaginary part's sign starts in {@code body} (a sign not after an exponent's e), or -1. */
    private static int imaginarySign(String body) {
        for (int i = body.length() - 1; i > 0; i--) {
            char c = body.charAt(i);
            char before = Character.toLowerCase(body.charAt(i - 1));
            if ((c == '+' || c == '-') && before != 'e') {
                return i;
            }
        }
        return -1;
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
