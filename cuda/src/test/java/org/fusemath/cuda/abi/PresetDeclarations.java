package org.fusemath.cuda.abi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CUDA headers declare for one library, as the JavaCPP CUDA preset reproduces them: the parameter
 * names of every function (from the preset's sources jar, {@code org.bytedeco:cuda:<version>:sources}, whose
 * generated {@code org/bytedeco/cuda/global/<library>.java} keeps the C parameter names), the value of every
 * enumerator (the compiled class's {@code static final int} constants, read from its class file so that no
 * native library loads) and the C type an enumerator's documentation states (cuBLASLt documents each
 * attribute's type as "int32_t, default: ..."). The sources jar must be on the test class path. Thread-safe;
 * parsed once per library.
 */
public final class PresetDeclarations {
    private static final Map<String, PresetDeclarations> LOADED = new ConcurrentHashMap<>();
    private static final Pattern FUNCTION = Pattern.compile(
            "public\\s+static\\s+native\\s+(?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*[\\w.]+(?:<[^>]*>)?(?:\\[\\])*\\s+(\\w+)\\s*\\("
                    + "([^;{}]*?)\\)\\s*;", Pattern.DOTALL);
    private static final Pattern NAME_AT_END = Pattern.compile("(\\w+)\\s*$");
    private static final Pattern DOCUMENTED_TYPE = Pattern.compile(
            "(?:^|[\\s:*])((?:const\\s+)?void\\s*\\*|u?int(?:8|16|32|64)_t|float|double)(?:\\[\\])?\\s*,\\s*default");

    private final String library;
    private final String source;
    private final Map<String, List<List<String>>> functions;
    private volatile Map<String, Integer> constants;

    private PresetDeclarations(String library, String source) {
        this.library = library;
        this.source = source;
        this.functions = parse(source);
    }

    /**
     * The declarations of {@code org.bytedeco.cuda.global.<library>}, e.g. {@code "cublas"}, {@code "curand"},
     * {@code "cufft"}, {@code "cusolver"}, {@code "cudart"}.
     *
     * @throws IllegalStateException when the preset's sources jar is not on the class path
     */
    public static PresetDeclarations of(String library) {
        return LOADED.computeIfAbsent(library, l -> new PresetDeclarations(l, read(l)));
    }

    /** Declarations parsed from {@code source} (the text of a generated preset class), for tests of this class. */
    static PresetDeclarations parsed(String library, String source) {
        return new PresetDeclarations(library, source);
    }

    /** The library's name, as given to {@link #of}. */
    public String library() {
        return library;
    }

    /** Whether the library declares a function of this name. */
    public boolean declares(String function) {
        return functions.containsKey(function);
    }

    /**
     * The C parameter names of {@code function}, in order (JavaCPP overloads differ in Java types only and must
     * agree, except that overloads for defaulted trailing parameters, as in {@code cudaMemcpyAsync}'s stream,
     * stop early).
     *
     * @throws IllegalArgumentException when the library declares no such function, or overloads disagree
     */
    public List<String> parameters(String function) {
        List<List<String>> overloads = functions.get(function);
        if (overloads == null) {
            throw new IllegalArgumentException(library + " declares no function " + function);
        }
        // The longest overload is the C declaration; JavaCPP adds shorter ones for defaulted trailing parameters.
        List<String> full = overloads.get(0);
        for (List<String> o : overloads) {
            full = o.size() > full.size() ? o : full;
        }
        for (List<String> o : overloads) {
            if (!full.subList(0, o.size()).equals(o)) {
                throw new IllegalArgumentException(library + "'s overloads of " + function + " name their parameters differently: "
                        + overloads);
            }
        }
        return full;
    }

    /** Every {@code static final int} constant of the preset class (its enumerators and macros), by name. */
    public Map<String, Integer> constants() {
        Map<String, Integer> c = constants;
        if (c == null) {
            c = ClassFileConstants.intConstants("org.bytedeco.cuda.global." + library);
            constants = c;
        }
        return c;
    }

    /** The value of enumerator {@code name}, or empty when the library has none of that name. */
    public Optional<Integer> constant(String name) {
        return Optional.ofNullable(constants().get(name));
    }

    /**
     * The C type the documentation of enumerator {@code name} states (the comment just before its definition,
     * as in cuBLASLt's "uint64_t, default: 0"), e.g. {@code "int32_t"} or {@code "void *"}; empty when none.
     */
    public Optional<String> documentedType(String name) {
        Matcher definition = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=").matcher(source);
        if (!definition.find()) {
            return Optional.empty();
        }
        int commentEnd = source.lastIndexOf("*/", definition.start());
        int commentStart = commentEnd < 0 ? -1 : source.lastIndexOf("/**", commentEnd);
        if (commentStart < 0 || !source.substring(commentEnd + 2, definition.start()).isBlank()) {
            return Optional.empty();
        }
        Matcher type = DOCUMENTED_TYPE.matcher(source.substring(commentStart, commentEnd));
        return type.find() ? Optional.of(type.group(1).replaceAll("\\s+", " ").replaceAll("void\\s*\\*", "void *")
                .replace("const ", "")) : Optional.empty();
    }

    private static String read(String library) {
        String resource = "org/bytedeco/cuda/global/" + library + ".java";
        try (InputStream in = PresetDeclarations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: add the preset's sources jar"
                        + " (org.bytedeco:cuda, classifier sources) as a test dependency");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<List<String>>> parse(String source) {
        String code = withoutComments(source);
        Map<String, List<List<String>>> found = new LinkedHashMap<>();
        Matcher m = FUNCTION.matcher(code);
        while (m.find()) {
            List<String> names = new ArrayList<>();
            for (String parameter : splitTopLevel(m.group(2))) {
                if (parameter.isBlank()) {
                    continue;
                }
                Matcher name = NAME_AT_END.matcher(parameter.strip());
                if (!name.find()) {
                    throw new IllegalStateException("cannot read a parameter name in " + m.group(1) + ": " + parameter);
                }
                names.add(name.group(1));
            }
            List<List<String>> overloads = found.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            if (!overloads.contains(names)) {
                overloads.add(List.copyOf(names));
            }
        }
        return found;
    }

    /** Commas outside parentheses and string literals separate parameters (annotations carry both). */
    private static List<String> splitTopLevel(String parameters) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            if (c == '"' && (i == 0 || parameters.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    /** The source with block and line comments blanked (string literals kept), so that declarations in documentation do not count. */
    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != '"') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(s, i, Math.min(s.length(), end + 1));
                i = end + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                out.append(" ".repeat(end - i));
                i = end;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
