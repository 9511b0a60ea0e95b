package org.fusemath.validation.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The free words of {@code fusemath exec}: the operation name and the operation's own options.
 * {@code --name value}, {@code --name=value}, and {@code --name} alone (meaning {@code true}) when the
 * next word is another option or there is none. A value may start with a single '-' ({@code --alpha -2}).
 */
record OperationWords(String op, Map<String, String> options) {
    OperationWords {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Splits {@code words}; the first word that is neither an option nor an option's value is the operation. */
    static OperationWords parse(List<String> words) {
        String op = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") && w.length() > 2) {
                String name = w.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    value = words.get(++i);
                } else {
                    value = "true";
                }
                if (name.isEmpty()) {
                    throw new UsageException("option '" + w + "' has no name");
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("option --" + name + " is given twice");
                }
            } else if (w.startsWith("-") && w.length() > 1) {
                throw new UsageException("unknown option '" + w + "' (an operation's options take two dashes: --name value)");
            } else if (op == null) {
                op = w;
            } else {
                throw new UsageException("unexpected argument '" + w + "' after operation '" + op
                        + "' (options of the operation are written --name value)");
            }
        }
        return new OperationWords(op, options);
    }
}
