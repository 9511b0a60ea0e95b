package org.fusemath.api;

/**
 * Argument checks shared by every public entry point, each throwing an {@link InvalidArgumentException}
 * that names the argument, its value and what was expected.
 */
public final class Arguments {
    private Arguments() {
    }

    /** Returns {@code value}, or throws if it is null. */
    public static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new InvalidArgumentException(name, "null", "a non-null value");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is negative. */
    public static int requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new InvalidArgumentException(name, value, "a value >= 0");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is negative. */
    public static long requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new InvalidArgumentException(name, value, "a value >= 0");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is not positive. */
    public static int requirePositive(String name, int value) {
        if (value <= 0) {
            throw new InvalidArgumentException(name, value, "a value > 0");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is below {@code min}. */
    public static long requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new InvalidArgumentException(name, value, "a value >= " + min);
        }
        return value;
    }

    /** {@code a * b}, or an exception naming {@code what} when the product overflows a long. */
    public static long multiply(String what, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException(what, a + " * " + b, "a size that fits in 64 bits");
        }
    }

    /** {@code a + b}, or an exception naming {@code what} when the sum overflows a long. */
    public static long add(String what, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException(what, a + " + " + b, "a size that fits in 64 bits");
        }
    }

    /** {@code value} as an int, or an exception naming {@code what} when it does not fit. */
    public static int toInt(String what, long value) {
        if (value != (int) value) {
            throw new InvalidArgumentException(what, value, "a value that fits in a Java int (<= 2147483647)");
        }
        return (int) value;
    }

    /** Throws unless the array {@code name} of {@code length} slots holds at least {@code required}. */
    public static void requireLength(String name, long length, long required) {
        if (length < required) {
            throw new InvalidArgumentException(name, "an array of length " + length,
                    "at least " + required + " slots for its shape, strides and offset");
        }
    }
}
