package org.fusemath.blas;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/** How a matrix operand enters a product: as is, transposed, or conjugate-transposed (BLAS 'N', 'T', 'C'). */
public enum Op {
    /** op(X) = X. */
    NONE,
    /** op(X) = Xᵀ. */
    TRANSPOSE,
    /** op(X) = Xᴴ (the conjugate transpose; the same as {@link #TRANSPOSE} for real types). */
    CONJUGATE_TRANSPOSE;

    /** Whether the operand's rows and columns swap. */
    public boolean transposes() {
        return this != NONE;
    }

    /** Rows of op(X) for an X of {@code rows}×{@code cols}. */
    public long rowsOf(long rows, long cols) {
        return this == NONE ? rows : cols;
    }

    /** Columns of op(X) for an X of {@code rows}×{@code cols}. */
    public long colsOf(long rows, long cols) {
        return this == NONE ? cols : rows;
    }

    /** Parses {@code n}, {@code t}, {@code c} (or the constant names), case-insensitively. */
    public static Op parse(String text) {
        Arguments.requireNonNull(text, "op");
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "n", "none" -> {
                return NONE;
            }
            case "t", "transpose" -> {
                return TRANSPOSE;
            }
            case "c", "h", "conjugate_transpose" -> {
                return CONJUGATE_TRANSPOSE;
            }
            default -> throw new InvalidArgumentException("op", "'" + text + "'", "n, t or c");
        }
    }
}
