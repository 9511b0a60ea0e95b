package org.fusemath.api.spi;

import java.util.List;
import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * One option of an {@link ExecOperation}, declared as data: its name on the command line ({@code --name}), its
 * kind, its default, the values it allows and one line of help. {@code fusemath exec} refuses an option that no
 * parameter declares, checks each value with {@link #check} before the operation runs, and prints the
 * declarations in {@code exec --list}; operations read values with {@link ExecRequest#option(ExecParameter)}, so
 * the default is stated once. Immutable and thread-safe.
 *
 * @param name         the option name without dashes, e.g. {@code trans-a}
 * @param kind         what sort of value it takes
 * @param defaultValue the value when the option is absent, or null when absent means "not given"
 * @param allowed      the accepted values of a {@link Kind#CHOICE} (case-insensitive), else empty
 * @param help         one line for {@code exec --list}
 * @param check        rejects a bad value with an {@link InvalidArgumentException} naming {@code --name}
 */
public record ExecParameter(String name, Kind kind, String defaultValue, List<String> allowed, String help, Check check) {
    /** What sort of value an option takes. */
    public enum Kind {
        /** One of {@link ExecParameter#allowed()}. */
        CHOICE,
        /** A number: real, or complex where the operation says so ({@code 1+2j}). */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** {@code --name} alone (true), or {@code --name true|false}. */
        FLAG,
        /** A .npy file the command line reads into {@link ExecRequest#arrays()}. */
        ARRAY,
        /** Free text the operation interprets. */
        TEXT,
        /**
         * Not an option: declares that options not listed pass through unchecked, for an operation that interprets
         * free-form options itself (and checks them in {@link ExecOperation#execute}). Never implied: an operation
         * must add {@link ExecParameter#uncheckedOthers()} to its declarations explicitly.
         */
        UNCHECKED_OTHERS
    }

    /** A choice of more values than this is written {@code --name NAME} in a usage line, its values listed apart. */
    public static final int MAX_LISTED_IN_USAGE = 6;

    /** Rejects a bad value; the message names {@code --name}, the value and what is accepted. */
    @FunctionalInterface
    public interface Check {
        void accept(String value);
    }

    /** Checks the fields and copies {@code allowed}. */
    public ExecParameter {
        Arguments.requireNonNull(name, "name");
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(help, "help");
        Arguments.requireNonNull(check, "check");
        allowed = List.copyOf(Arguments.requireNonNull(allowed, "allowed"));
        if (kind != Kind.UNCHECKED_OTHERS && (name.isEmpty() || name.startsWith("-"))) {
            throw new InvalidArgumentException("name", "'" + name + "'", "an option name without leading dashes");
        }
    }

    /** One of {@code allowed} (case-insensitive), {@code defaultValue} when absent. */
    public static ExecParameter choice(String name, String defaultValue, String help, String... allowed) {
        List<String> values = List.of(allowed);
        return new ExecParameter(name, Kind.CHOICE, defaultValue, values, help, v -> {
            for (String a : values) {
                if (a.equalsIgnoreCase(v.trim())) {
                    return;
                }
            }
            throw new InvalidArgumentException("--" + name, "'" + v + "'", alternatives(values));
        });
    }

    /** "a", "a or b", "a, b or c": the allowed values as a message lists them. */
    public static String alternatives(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /** A real number ({@code Double.parseDouble}). */
    public static ExecParameter real(String name, String defaultValue, String help) {
        return new ExecParameter(name, Kind.NUMBER, defaultValue, List.of(), help, v -> {
            try {
                Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("--" + name, "'" + v + "'", "a number");
            }
        });
    }

    /** A number the operation parses with {@code check} (e.g. a complex scalar such as {@code 1+2j}). */
    public static ExecParameter number(String name, String defaultValue, String help, Check check) {
        return new ExecParameter(name, Kind.NUMBER, defaultValue, List.of(), help, check);
    }

    /** A 64-bit integer. */
    public static ExecParameter integer(String name, String defaultValue, String help) {
        return new ExecParameter(name, Kind.INTEGER, defaultValue, List.of(), help, v -> {
            try {
                Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("--" + name, "'" + v + "'", "an integer");
            }
        });
    }

    /** A switch: {@code --name} alone or {@code --name true|false}; false when absent. */
    public static ExecParameter flag(String name, String help) {
        return new ExecParameter(name, Kind.FLAG, "false", List.of("true", "false"), help, v -> {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false")) {
                throw new InvalidArgumentException("--" + name, "'" + v + "'", "true or false (or the option alone for true)");
            }
        });
    }

    /** A .npy file, read into {@link ExecRequest#arrays()} under {@code name}. */
    public static ExecParameter array(String name, String help) {
        return new ExecParameter(name, Kind.ARRAY, null, List.of(), help, v -> { });
    }

    /** Free text that {@code check} validates. */
    public static ExecParameter text(String name, String defaultValue, String help, Check check) {
        return new ExecParameter(name, Kind.TEXT, defaultValue, List.of(), help, check);
    }

    /** The explicit opt-in that lets options not listed through unchecked (see {@link Kind#UNCHECKED_OTHERS}). */
    public static ExecParameter uncheckedOthers() {
        return new ExecParameter("", Kind.UNCHECKED_OTHERS, null, List.of(), "options not declared, passed through unchecked",
                v -> { });
    }

    /** This parameter with {@code check} in place of its own (a CHOICE keeps its allowed values for the listing). */
    public ExecParameter withCheck(Check replacement) {
        return new ExecParameter(name, kind, defaultValue, allowed, help, replacement);
    }

    /**
     * How the value is written in a usage line: {@code --uplo u|l}, {@code --alpha NUMBER}, {@code --bias FILE.npy},
     * {@code --epilog NAME} for a choice of more than {@link #MAX_LISTED_IN_USAGE} values.
     */
    public String usage() {
        String value = switch (kind) {
            case CHOICE -> allowed.size() > MAX_LISTED_IN_USAGE ? "NAME" : String.join("|", allowed);
            case NUMBER -> "NUMBER";
            case INTEGER -> "N";
            case FLAG -> "";
            case ARRAY -> "FILE.npy";
            case TEXT -> "TEXT";
            case UNCHECKED_OTHERS -> "...";
        };
        return kind == Kind.UNCHECKED_OTHERS ? "[--name value ...]" : "--" + name + (value.isEmpty() ? "" : " " + value);
    }
}
