package org.fusemath.validation.harness;

import java.util.EnumSet;
import java.util.Set;
import org.fusemath.api.Arguments;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;

/**
 * Which cases to run: the spaces, the operation names (empty means all) and whether only the quick
 * cases. An operation name selects the cases of that exact name and every variant of it: {@code matmul}
 * (the name {@code fusemath exec --list} prints) selects {@code matmul[TN]}, {@code matmul[NN]+relu_bias beta=0} and
 * the rest, as {@link #family} groups them; {@code sizes} keeps cases by their largest dimension. Immutable.
 */
public record CaseSelection(Set<Space> spaces, Set<String> ops, boolean quickOnly, SizeFilter sizes) {
    /** Copies the sets. */
    public CaseSelection {
        Arguments.requireNonNull(spaces, "spaces");
        Arguments.requireNonNull(ops, "ops");
        Arguments.requireNonNull(sizes, "sizes");
        spaces = spaces.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(spaces));
        ops = Set.copyOf(ops);
    }

    /** Every size. */
    public CaseSelection(Set<Space> spaces, Set<String> ops, boolean quickOnly) {
        this(spaces, ops, quickOnly, SizeFilter.ANY);
    }

    /** Every case in every space. */
    public static CaseSelection all() {
        return new CaseSelection(EnumSet.allOf(Space.class), Set.of(), false);
    }

    /** Whether {@code c} is selected. */
    public boolean accepts(ValidationCase c) {
        return spaces.contains(c.space()) && (ops.isEmpty() || ops.contains(c.op()) || ops.contains(family(c.op())))
                && (!quickOnly || c.quick()) && sizes.accepts(c.shape());
    }

    /**
     * The operation a case name is a variant of: the name up to its first flag, epilogue or parameter
     * ({@code [}, {@code +}, a space or {@code (}); {@code matmul[TN]+gelu beta=0} is {@code matmul}.
     */
    public static String family(String op) {
        Arguments.requireNonNull(op, "op");
        for (int i = 0; i < op.length(); i++) {
            char ch = op.charAt(i);
            if (ch == '[' || ch == '+' || ch == ' ' || ch == '(') {
                return i == 0 ? op : op.substring(0, i);
            }
        }
        return op;
    }
}
