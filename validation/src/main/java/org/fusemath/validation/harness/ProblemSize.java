package org.fusemath.validation.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a case read from its shape text ({@code 64x33x17}, {@code n=7}, {@code 37x29 row-major},
 * {@code 3x5x4x3}): its dimensions are the integers in the text. Stateless.
 */
public final class ProblemSize {
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    private ProblemSize() {
    }

    /** The integers of {@code shape}, in order; none for {@code -} or a shape without numbers. */
    public static List<Long> dimensions(String shape) {
        List<Long> dims = new ArrayList<>();
        if (shape == null) {
            return dims;
        }
        Matcher m = INTEGER.matcher(shape);
        while (m.find()) {
            try {
                dims.add(Long.parseLong(m.group()));
            } catch (NumberFormatException e) {
                dims.add(Long.MAX_VALUE);
            }
        }
        return dims;
    }

    /** The largest dimension (what {@code --sizes} selects on), or -1 when the shape has none. */
    public static long largest(String shape) {
        return dimensions(shape).stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** The product of the dimensions (the plots' problem size: m·n·k for a matmul), or -1 when the shape has none. */
    public static double elements(String shape) {
        List<Long> dims = dimensions(shape);
        if (dims.isEmpty()) {
            return -1;
        }
        double p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }
}
