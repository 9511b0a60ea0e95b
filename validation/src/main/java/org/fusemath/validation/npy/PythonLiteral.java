package org.fusemath.validation.npy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Python literal in a .npy header ({@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }})
 * the way Python's {@code ast.literal_eval} would, for the subset such headers use: dicts, tuples, lists,
 * strings, integers, floats, {@code True}, {@code False} and {@code None}.
 *
 * <p>Values come back as {@link Map} (insertion-ordered; a repeated key keeps its last value, as in Python),
 * {@link Tuple}, {@link List}, {@link String}, {@link Long} (or {@link BigInteger} when too large),
 * {@link Double}, {@link Boolean} and {@code null} for None. Nesting is limited so that a hostile header
 * cannot exhaust the stack.
 */
final class PythonLiteral {
    /** A Python tuple, kept apart from lists because NumPy requires the shape to be a tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    private static final int MAX_DEPTH = 32;
    /**
     * Longer integer literals are refused before conversion, as Python 3.11+ refuses them
     * ({@code sys.int_info.default_max_str_digits}); BigInteger's conversion is quadratic in the digits.
     */
    static final int MAX_INTEGER_DIGITS = 4300;

    private final String text;
    private final String source;
    private final boolean allowLongSuffix;
    private int pos;

    private PythonLiteral(String text, String source, boolean allowLongSuffix) {
        this.text = text;
        this.source = source;
        this.allowLongSuffix = allowLongSuffix;
    }

    /**
     * Parses {@code text}, which must hold exactly one literal surrounded by optional whitespace.
     * {@code allowLongSuffix} accepts Python 2's {@code 3L} integers (NumPy does for format 1.0 and 2.0).
     */
    static Object parse(String text, String source, boolean allowLongSuffix) {
        PythonLiteral p = new PythonLiteral(text, source, allowLongSuffix);
        p.skipSpace();
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the literal");
        }
        return value;
    }

    /** The Python type name of a parsed value, for messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof Tuple) {
            return "tuple";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        return "float";
    }

    /** The value as Python's repr would print it, for messages. */
    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(repr(t.items().get(i)));
            }
            return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("literal nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("the literal ends early");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return parenthesized(depth);
            case '[':
                return list(depth);
            case '\'':
            case '"':
                return string(false);
            default:
                break;
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return nameOrPrefixedString();
        }
        throw error("unexpected character '" + c + "'");
    }

    private Map<Object, Object> dict(int depth) {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        skipSpace();
        while (!peek('}')) {
            Object key = value(depth + 1);
            if (key instanceof Map || key instanceof List) {
                throw error("unhashable dict key of type " + typeName(key));
            }
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth + 1));
            skipSpace();
            if (!peek('}')) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return map;
    }

    private Object parenthesized(int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        skipSpace();
        while (!peek(')')) {
            items.add(value(depth + 1));
            skipSpace();
            if (!peek(')')) {
                expect(',');
                sawComma = true;
                skipSpace();
            }
        }
        pos++;
        // "(x)" is x in parentheses; "(x,)", "()" and "(x, y)" are tuples.
        if (items.size() == 1 && !sawComma) {
            return items.get(0);
        }
        return new Tuple(items);
    }

    private List<Object> list(int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        while (!peek(']')) {
            items.add(value(depth + 1));
            skipSpace();
            if (!peek(']')) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return items;
    }

    private Object nameOrPrefixedString() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
            String prefix = name.toLowerCase(Locale.ROOT);
            if (prefix.equals("u") || prefix.equals("b")) {
                return string(false);
            }
            if (prefix.equals("r") || prefix.equals("br") || prefix.equals("rb")) {
                return string(true);
            }
        }
        switch (name) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                pos = start;
                throw error("unknown name '" + name + "' (only True, False and None are literals)");
        }
    }

    private String string(boolean raw) {
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return sb.toString();
            }
            if (c == '\n' && !triple) {
                throw error("line break inside a string");
            }
            if (c == '\\' && pos + 1 < text.length()) {
                if (raw) {
                    sb.append(c).append(text.charAt(pos + 1));
                    pos += 2;
                } else {
                    escape(sb);
                }
                continue;
            }
            sb.append(c);
            pos++;
        }
    }

    private void escape(StringBuilder sb) {
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\n' -> { }
            case '\\' -> sb.append('\\');
            case '\'' -> sb.append('\'');
            case '"' -> sb.append('"');
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000b');
            case 'x' -> sb.appendCodePoint(hex(2));
            case 'u' -> sb.appendCodePoint(hex(4));
            case 'U' -> sb.appendCodePoint(hex(8));
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
                        v = v * 8 + (text.charAt(pos++) - '0');
                    }
                    sb.append((char) v);
                } else {
                    // Python keeps unknown escapes verbatim.
                    sb.append('\\').append(e);
                }
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw error("truncated escape sequence");
        }
        try {
            int cp = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw error("escape outside the Unicode range");
            }
            pos += digits;
            return cp;
        } catch (NumberFormatException e) {
            throw error("malformed escape sequence");
        }
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
            skipSpace();
        }
        int digitsStart = pos;
        boolean isFloat = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c) || c == '_') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                isFloat = true;
                pos++;
                if ((c == 'e' || c == 'E') && pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                    pos++;
                }
            } else {
                break;
            }
        }
        String sign = text.charAt(start) == '-' ? "-" : "";
        String digits = text.substring(digitsStart, pos).replace("_", "");
        if (digits.isEmpty() || digits.equals(".")) {
            pos = start;
            throw error("malformed number");
        }
        if (digits.length() > MAX_INTEGER_DIGITS) {
            pos = start;
            throw error("a number of " + digits.length() + " digits (at most " + MAX_INTEGER_DIGITS + ", Python's limit)");
        }
        try {
            if (isFloat) {
                return Double.parseDouble(sign + digits);
            }
            if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
                if (!allowLongSuffix) {
                    throw error("Python 2 long suffix 'L' (accepted in format 1.0 and 2.0 only)");
                }
                pos++;
            }
            if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(ch -> ch == '0')) {
                pos = start;
                throw error("integer with leading zeros");
            }
            BigInteger big = new BigInteger(sign + digits);
            return big.bitLength() < 64 ? (Object) big.longValueExact() : big;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number");
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        if (pos >= text.length()) {
            throw error("the literal ends early (missing '" + c + "')");
        }
        return text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private NpyFormatException error(String problem) {
        String shown = text.strip();
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return new NpyFormatException(source, "header", "\"" + shown + "\"",
                "a Python dict literal such as {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }; "
                        + problem + " at character " + pos);
    }
}
