package org.fusemath.ejml.differential;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One way of filling a method's parameters: a shape pattern for its matrix parameters over three sizes m, k, n, a
 * variant for its scalar, integer and boolean parameters, and a kind of matrix content.
 *
 * @param pattern how the matrix parameters' shapes relate
 * @param m first size
 * @param k second size
 * @param n third size
 * @param variant selects integer, boolean and scalar values (0..VARIANTS-1)
 * @param content what the matrices hold
 */
record Scenario(Pattern pattern, int m, int k, int n, int variant, Content content) {

    /** Integer/boolean/scalar variants tried for methods that take such parameters. */
    static final int VARIANTS = 4;

    /** How the shapes of a method's matrix parameters (in declaration order) are chosen. */
    enum Pattern {
        /** All m x k. */
        SAME,
        /** All m x m. */
        SQUARE,
        /** m x k, k x n, then m x n: the product chain (also solve's A, B, X when m = k). */
        CHAIN,
        /** k x m, k x n, m x n: A transposed. */
        TRANS_A,
        /** m x k, n x k, m x n: B transposed. */
        TRANS_B,
        /** k x m, n x k, m x n: both transposed. */
        TRANS_AB,
        /** m x k then k x k (inner products). */
        INNER,
        /** m x k then m x m (outer products). */
        OUTER,
        /** All m x 1. */
        COLUMN,
        /** All 1 x m. */
        ROW,
        /** m x k, (k+1) x n, (m+1) x n: no dimension agrees. */
        MISMATCH,
        /** The product chain with a 1 x 1 output (outputs EJML reshapes). */
        SMALL_OUTPUT,
        /** The product chain with the last matrix parameter null (outputs EJML declares). */
        NULL_OUTPUT,
        /** One m x m matrix passed for every matrix parameter (aliasing). */
        ALIASED
    }

    /** What the matrices hold. */
    enum Content {
        /** Uniform in [-1, 1], square matrices with m added to the diagonal (well conditioned). */
        RANDOM,
        /** Symmetric positive definite square matrices (A*A^T + m*I); others as RANDOM. */
        SPD,
        /** Square matrices with two equal rows (singular); others as RANDOM. */
        SINGULAR
    }

    /** Size triples: distinct small sizes, square, 1 x 1, empty dimensions, thin, and a size past small-kernel blocks. */
    static final int[][] SIZES = {{3, 4, 5}, {4, 4, 3}, {1, 1, 1}, {0, 3, 4}, {3, 0, 4}, {5, 2, 1}, {6, 6, 6}, {33, 31, 35}};

    /** The patterns also tried at the largest size (the product and solve shapes, where kernels block). */
    private static final Set<Pattern> LARGE = EnumSet.of(Pattern.SQUARE, Pattern.CHAIN,
            Pattern.TRANS_A, Pattern.TRANS_B, Pattern.TRANS_AB, Pattern.INNER, Pattern.OUTER, Pattern.ALIASED);

    /** The scenarios tried for a method with the given parameter profile. */
    static List<Scenario> all(boolean hasVariantParameters) {
        List<Scenario> list = new ArrayList<>();
        int variants = hasVariantParameters ? VARIANTS : 1;
        for (Pattern p : Pattern.values()) {
            for (int[] s : SIZES) {
                if (s[0] > 8 && !LARGE.contains(p)) {
                    continue;
                }
                for (int v = 0; v < variants; v++) {
                    list.add(new Scenario(p, s[0], s[1], s[2], v, Content.RANDOM));
                }
            }
        }
        // Special contents on square inputs only, at a few sizes (solveSPD, invert of a singular matrix, ...).
        for (Content c : new Content[] {Content.SPD, Content.SINGULAR}) {
            for (Pattern p : new Pattern[] {Pattern.SQUARE, Pattern.CHAIN}) {
                for (int[] s : new int[][] {{4, 4, 3}, {6, 6, 6}, {33, 33, 2}}) {
                    list.add(new Scenario(p, s[0], s[1], s[2], 0, c));
                }
            }
        }
        return list;
    }

    /** The shape {rows, cols} of matrix parameter {@code index} of {@code count}, or null for a null argument. */
    int[] shape(int index, int count) {
        int last = count - 1;
        return switch (pattern) {
            case SAME -> new int[] {m, k};
            case SQUARE, ALIASED -> new int[] {m, m};
            case CHAIN -> chain(index, new int[] {m, k}, new int[] {k, n});
            case TRANS_A -> chain(index, new int[] {k, m}, new int[] {k, n});
            case TRANS_B -> chain(index, new int[] {m, k}, new int[] {n, k});
            case TRANS_AB -> chain(index, new int[] {k, m}, new int[] {n, k});
            case INNER -> index == 0 ? new int[] {m, k} : new int[] {k, k};
            case OUTER -> index == 0 ? new int[] {m, k} : new int[] {m, m};
            case COLUMN -> new int[] {m, 1};
            case ROW -> new int[] {1, m};
            case MISMATCH -> index == 0 ? new int[] {m, k} : index == 1 ? new int[] {k + 1, n} : new int[] {m + 1, n};
            case SMALL_OUTPUT -> count > 1 && index == last ? new int[] {1, 1} : chain(index, new int[] {m, k}, new int[] {k, n});
            case NULL_OUTPUT -> count > 1 && index == last ? null : chain(index, new int[] {m, k}, new int[] {k, n});
        };
    }

    private int[] chain(int index, int[] a, int[] b) {
        return index == 0 ? a : index == 1 ? b : new int[] {m, n};
    }

    @Override
    public String toString() {
        return pattern + " " + m + "," + k + "," + n + (variant > 0 ? " v" + variant : "") + (content != Content.RANDOM ? " " + content : "");
    }
}
