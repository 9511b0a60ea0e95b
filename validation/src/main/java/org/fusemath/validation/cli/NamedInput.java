package org.fusemath.validation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --in} entry: {@code NAME=FILE} (NAME an identifier) or a plain {@code FILE}. A path that exists as
 * written is always a plain file, so a file whose name contains '=' still reads as before.
 */
record NamedInput(String name, String file) {
    private static final Pattern NAMED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.+)");

    static NamedInput parse(String entry) {
        Matcher m = NAMED.matcher(entry);
        if (m.matches() && !Files.exists(Path.of(entry))) {
            return new NamedInput(m.group(1), m.group(2));
        }
        return new NamedInput("", entry);
    }
}
