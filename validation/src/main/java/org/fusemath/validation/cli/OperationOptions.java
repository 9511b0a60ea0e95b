package org.fusemath.validation.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;

/**
 * Checks the options given to an exec operation against its declared {@link ExecParameter}s: an option no
 * parameter declares is a usage error that lists the valid ones (and the likely intended one), a bad value fails
 * with the parameter's own message. Stateless.
 */
final class OperationOptions {
    private OperationOptions() {
    }

    /** Throws unless every option in {@code given} is declared by {@code op} and has a value it accepts. */
    static void check(ExecOperation op, Map<String, String> given) {
        List<ExecParameter> declared = op.parameters();
        boolean uncheckedOthers = declared.stream().anyMatch(p -> p.kind() == ExecParameter.Kind.UNCHECKED_OTHERS);
        for (Map.Entry<String, String> e : given.entrySet()) {
            ExecParameter p = find(declared, e.getKey());
            if (p == null) {
                if (uncheckedOthers) {
                    continue;
                }
                throw new UsageException("unknown option --" + e.getKey() + " for '" + op.name() + "'"
                        + suggestion(declared, e.getKey()) + "; " + valid(declared));
            }
            p.check().accept(e.getValue());
        }
    }

    /** "its options: --a, --b" or "it takes no options". */
    static String valid(List<ExecParameter> declared) {
        List<String> names = new ArrayList<>();
        for (ExecParameter p : declared) {
            if (p.kind() != ExecParameter.Kind.UNCHECKED_OTHERS) {
                names.add("--" + p.name());
            }
        }
        return names.isEmpty() ? "it takes no options" : "its options: " + String.join(", ", names);
    }

    private static ExecParameter find(List<ExecParameter> declared, String name) {
        for (ExecParameter p : declared) {
            if (p.kind() != ExecParameter.Kind.UNCHECKED_OTHERS && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    // A typo such as --trans_a or --Trans-A: same letters once case, '_' and '-' are ignored, or one edit away.
    private static String suggestion(List<ExecParameter> declared, String name) {
        String key = normalize(name);
        for (ExecParameter p : declared) {
            if (p.kind() != ExecParameter.Kind.UNCHECKED_OTHERS
                    && (normalize(p.name()).equals(key) || editDistance(p.name(), name) <= 1)) {
                return " (did you mean --" + p.name() + "?)";
            }
        }
        return "";
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
