package org.fusemath.cuda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CUDA library's status enumeration, looked up by numeric value; built once per library. */
final class StatusIndex {
    private final List<StatusCode> entries;
    private final Map<Integer, String> names;

    private StatusIndex(List<StatusCode> entries, Map<Integer, String> names) {
        this.entries = entries;
        this.names = names;
    }

    /** Indexes {@code codes}; two names with one value would make names ambiguous, so that is rejected. */
    static StatusIndex of(StatusCode... codes) {
        Map<Integer, String> names = new HashMap<>();
        for (StatusCode c : codes) {
            String previous = names.putIfAbsent(c.code(), c.name());
            if (previous != null) {
                throw new IllegalStateException(c.name() + " and " + previous + " share the value " + c.code());
            }
        }
        return new StatusIndex(List.of(codes), Map.copyOf(names));
    }

    /** The entries in the order of the header. */
    List<StatusCode> entries() {
        return entries;
    }

    /** The name for {@code code}, or null when none has that value. */
    String nameOf(int code) {
        return names.get(code);
    }
}
