package org.fusemath.cuda;

import java.util.HashMap;
import java.util.Map;

/** Looks a status code up by its numeric value; built once per status enumeration. */
final class StatusIndex {
    private final Map<Integer, String> names;

    private StatusIndex(Map<Integer, String> names) {
        this.names = names;
    }

    /** Indexes {@code codes}; two names with one value would make names ambiguous, so that is rejected. */
    static StatusIndex of(StatusCode[] codes) {
        Map<Integer, String> names = new HashMap<>();
        for (StatusCode c : codes) {
            String previous = names.putIfAbsent(c.code(), c.name());
            if (previous != null) {
                throw new IllegalStateException(c.name() + " and " + previous + " share the value " + c.code());
            }
        }
        return new StatusIndex(Map.copyOf(names));
    }

    /** The name for {@code code}, or null when none has that value. */
    String nameOf(int code) {
        return names.get(code);
    }
}
