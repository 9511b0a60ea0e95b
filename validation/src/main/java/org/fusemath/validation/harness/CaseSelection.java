package org.fusemath.validation.harness;

import java.util.EnumSet;
import java.util.Set;
import org.fusemath.api.Arguments;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;

/**
 * Which cases to run: the spaces, the operation names (empty means all) and whether only the quick
 * cases. Immutable.
 */
public record CaseSelection(Set<Space> spaces, Set<String> ops, boolean quickOnly) {
    /** Copies the sets. */
    public CaseSelection {
        Arguments.requireNonNull(spaces, "spaces");
        Arguments.requireNonNull(ops, "ops");
        spaces = spaces.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(spaces));
        ops = Set.copyOf(ops);
    }

    /** Every case in every space. */
    public static CaseSelection all() {
        return new CaseSelection(EnumSet.allOf(Space.class), Set.of(), false);
    }

    /** Whether {@code c} is selected. */
    public boolean accepts(ValidationCase c) {
        return spaces.contains(c.space()) && (ops.isEmpty() || ops.contains(c.op())) && (!quickOnly || c.quick());
    }
}
