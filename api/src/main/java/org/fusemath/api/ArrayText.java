package org.fusemath.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of a strided heap array as NumPy's {@code str()} prints them: nested brackets, one common
 * number format per array (fixed or scientific, at most 8 fractional digits, trailing zeros dropped),
 * complex as {@code re+imj}, lines wrapped at 75 characters, and arrays of more than 1000 elements
 * summarized to their first and last 3 entries per axis with {@code ...}. Used by the views' {@code toString()}.
 */
final class ArrayText {
    /** NumPy's defaults: {@code threshold}, {@code edgeitems}, {@code linewidth}, {@code precision}. */
    static final int THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;
    static final int LINE_WIDTH = 75;
    static final int PRECISION = 8;

    /** Maps a C-order multi-index of the logical array to the element's index in the backing array. */
    interface Layout {
        long elementIndex(long[] index);
    }

    private final long[] shape;
    private final DType dtype;
    private final Object data;
    private final Layout layout;
    private final boolean summarize;
    private NumberFormat real;
    private NumberFormat imag;

    private ArrayText(long[] shape, DType dtype, Object data, Layout layout) {
        this.shape = shape;
        this.dtype = dtype;
        this.data = data;
        this.layout = layout;
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        this.summarize = count > THRESHOLD;
    }

    /** The array's values, NumPy style; {@code []} for an empty array, the bare value for rank 0. */
    static String format(long[] shape, DType dtype, Object data, Layout layout) {
        return new ArrayText(shape, dtype, data, layout).format();
    }

    private String format() {
        for (long d : shape) {
            if (d == 0) {
                return "[]";
            }
        }
        List<Double> reals = new ArrayList<>();
        List<Double> imags = new ArrayList<>();
        collect(new long[shape.length], 0, reals, imags);
        real = NumberFormat.of(reals, dtype.isSinglePrecision(), false);
        imag = dtype.isComplex() ? NumberFormat.of(imags, dtype.isSinglePrecision(), true) : null;
        StringBuilder out = new StringBuilder();
        if (shape.length == 0) {
            return element(new long[0]).trim();
        }
        block(new long[shape.length], 0, out, 0);
        return out.toString();
    }

    /** The indices shown along an axis: all of them, or the first and last EDGE_ITEMS (-1 marks the gap). */
    private long[] shown(int axis) {
        long n = shape[axis];
        if (!summarize || n <= 2L * EDGE_ITEMS) {
            long[] all = new long[(int) n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        long[] edge = new long[2 * EDGE_ITEMS + 1];
        for (int i = 0; i < EDGE_ITEMS; i++) {
            edge[i] = i;
            edge[EDGE_ITEMS + 1 + i] = n - EDGE_ITEMS + i;
        }
        edge[EDGE_ITEMS] = -1;
        return edge;
    }

    private void collect(long[] index, int axis, List<Double> reals, List<Double> imags) {
        if (axis == shape.length) {
            long slot = layout.elementIndex(index) * dtype.slotsPerElement();
            reals.add(value(slot));
            if (dtype.isComplex()) {
                imags.add(value(slot + 1));
            }
            return;
        }
        for (long i : shown(axis)) {
            if (i >= 0) {
                index[axis] = i;
                collect(index, axis + 1, reals, imags);
            }
        }
    }

    private double value(long slot) {
        return data instanceof double[] d ? d[(int) slot] : ((float[]) data)[(int) slot];
    }

    private String element(long[] index) {
        long slot = layout.elementIndex(index) * dtype.slotsPerElement();
        if (!dtype.isComplex()) {
            return real.format(value(slot));
        }
        String im = imag.format(value(slot + 1));
        int end = im.stripTrailing().length();
        // NumPy moves the imaginary part's padding after the j: "1.+2. j" would read badly.
        return real.format(value(slot)) + im.substring(0, end) + "j" + im.substring(end);
    }

    /** Appends the sub-array at {@code axis}; {@code column} is where the opening bracket stands. */
    private void block(long[] index, int axis, StringBuilder out, int column) {
        out.append('[');
        String indent = " ".repeat(column + 1);
        long[] shown = shown(axis);
        if (axis == shape.length - 1) {
            int lineStart = out.lastIndexOf("\n") + 1;
            for (int k = 0; k < shown.length; k++) {
                String word = shown[k] < 0 ? "..." : elementAt(index, axis, shown[k]);
                if (k > 0) {
                    // A word that would pass the line width starts a new line under the first element.
                    if (out.length() - lineStart + 1 + word.length() + 1 > LINE_WIDTH) {
                        while (out.charAt(out.length() - 1) == ' ') {
                            out.setLength(out.length() - 1);   // NumPy strips a wrapped line's padding
                        }
                        out.append('\n').append(indent);
                        lineStart = out.length() - indent.length();
                    } else {
                        out.append(' ');
                    }
                }
                out.append(word);
            }
        } else {
            String separator = "\n".repeat(shape.length - axis - 1);
            for (int k = 0; k < shown.length; k++) {
                if (k > 0) {
                    out.append(separator).append(indent);
                }
                if (shown[k] < 0) {
                    out.append("...");
                } else {
                    index[axis] = shown[k];
                    block(index, axis + 1, out, column + 1);
                }
            }
        }
        out.append(']');
    }

    private String elementAt(long[] index, int axis, long i) {
        index[axis] = i;
        return element(index);
    }

    /** One number format shared by every element shown, chosen as NumPy's FloatingFormat chooses it. */
    private static final class NumberFormat {
        private final boolean scientific;
        private final boolean sign;
        private final int digits;
        private final int padLeft;
        private final int padRight;
        private final int width;
        private final boolean single;

        private NumberFormat(boolean scientific, boolean sign, int digits, int padLeft, int padRight, int width,
                             boolean single) {
            this.scientific = scientific;
            this.sign = sign;
            this.digits = digits;
            this.padLeft = padLeft;
            this.padRight = padRight;
            this.width = width;
            this.single = single;
        }

        /** The format for {@code values}; {@code sign} always prints + or - (the imaginary parts). */
        static NumberFormat of(List<Double> values, boolean single, boolean sign) {
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            boolean anyFinite = false;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    anyFinite = true;
                    double a = Math.abs(v);
                    max = Math.max(max, a);
                    if (a != 0) {
                        min = Math.min(min, a);
                    }
                }
            }
            boolean scientific = anyFinite && min != Double.POSITIVE_INFINITY
                    && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
            int digits = 0;
            int padLeft = 0;
            int padRight = 0;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                BigDecimal shortest = shortest(v, single);
                if (scientific) {
                    BigDecimal m = shortest.round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
                    digits = Math.max(digits, m.precision() - 1);
                } else {
                    BigDecimal f = shortest.setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
                    String plain = f.abs().toPlainString();
                    int dot = plain.indexOf('.');
                    int intLength = (dot < 0 ? plain.length() : dot) + (sign || isNegative(v) ? 1 : 0);
                    padLeft = Math.max(padLeft, intLength);
                    padRight = Math.max(padRight, dot < 0 ? 0 : plain.length() - dot - 1);
                }
            }
            NumberFormat draft = new NumberFormat(scientific, sign, digits, padLeft, padRight, 0, single);
            int width = 0;
            for (double v : values) {
                width = Math.max(width, draft.unpadded(v).length());
            }
            return new NumberFormat(scientific, sign, digits, padLeft, padRight, width, single);
        }

        private static boolean isNegative(double v) {
            return v < 0 || (v == 0 && 1 / v < 0);
        }

        private static BigDecimal shortest(double v, boolean single) {
            // Float.toString gives the shortest decimal that reads back as the same float, as NumPy's repr does.
            return new BigDecimal(single ? Float.toString((float) v) : Double.toString(v));
        }

        private String unpadded(double v) {
            if (Double.isNaN(v)) {
                return sign ? "+nan" : "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? (sign ? "+inf" : "inf") : "-inf";
            }
            String prefix = isNegative(v) ? "-" : sign ? "+" : "";
            if (scientific) {
                String s = String.format(Locale.ROOT, "%." + digits + "e", Math.abs(v));
                if (digits == 0) {
                    s = s.replace("e", ".e");
                }
                return prefix + s;
            }
            BigDecimal f = shortest(Math.abs(v), single).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
            String plain = f.scale() < 0 ? f.setScale(0).toPlainString() : f.toPlainString();
            int dot = plain.indexOf('.');
            String intPart = dot < 0 ? plain : plain.substring(0, dot);
            String fraction = dot < 0 ? "" : plain.substring(dot + 1);
            return " ".repeat(Math.max(0, padLeft - prefix.length() - intPart.length())) + prefix + intPart + "."
                    + fraction + " ".repeat(padRight - fraction.length());
        }

        String format(double v) {
            String s = unpadded(v);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
