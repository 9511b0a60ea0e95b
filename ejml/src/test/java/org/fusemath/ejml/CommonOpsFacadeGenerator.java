package org.fusemath.ejml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the source of a facade {@code org.fusemath.ejml.CommonOps_*} from EJML's class of the same name: every
 * public static method with EJML's generic signature, bound to a method of an acceleration class of this package
 * with the same name and erased parameter types when one exists, else delegating to EJML with a coverage count.
 * Parameter names and each method's first Javadoc sentence come from EJML's sources (on the test class path via
 * the {@code sources} jars); where a declaration cannot be matched, names are derived from the parameter types.
 */
final class CommonOpsFacadeGenerator {
    /** The EJML classes that get a facade, by simple name; all live in {@code org.ejml.dense.row}. */
    static final List<String> FACADES = List.of("CommonOps_DDRM", "CommonOps_FDRM", "CommonOps_ZDRM",
            "CommonOps_CDRM", "CommonOps_MT_DDRM", "CommonOps_MT_FDRM");

    /** The acceleration class prefixes searched, in this order, for a method to bind. */
    static final List<String> ACCELERATIONS = List.of("MultAcceleration_", "SolveAcceleration_", "ElementAcceleration_",
            "PowerAcceleration_");

    static final String EJML_PACKAGE = "org.ejml.dense.row";
    static final String PACKAGE = "org.fusemath.ejml";

    static final String REGENERATE = "./mvnw -B -o -q -pl ejml -am test -Dtest=CommonOpsFacadeGeneratorTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dfusemath.regenerate=true";

    private CommonOpsFacadeGenerator() {
    }

    /** EJML's class for a facade name. */
    static Class<?> ejmlClass(String simpleName) {
        try {
            return Class.forName(EJML_PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("EJML class missing from the test class path: " + simpleName, e);
        }
    }

    /** The public static methods of EJML's class that the facade mirrors, in EJML's source order. */
    static List<Method> mirroredMethods(Class<?> ejml, List<SourceDecl> decls) {
        List<Method> methods = new ArrayList<>();
        for (Method m : ejml.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                    && !m.isBridge()) {
                methods.add(m);
            }
        }
        Map<Method, Integer> position = new HashMap<>();
        for (Method m : methods) {
            SourceDecl d = match(m, decls);
            position.put(m, d == null ? Integer.MAX_VALUE : d.position);
        }
        methods.sort(Comparator.<Method>comparingInt(position::get).thenComparing(CommonOpsFacadeGenerator::key));
        return methods;
    }

    /** The coverage key of a method: facade simple name, method name, erased parameter simple names. */
    static String key(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }

    /** The acceleration method bound to {@code m} for the facade {@code facade}, or null. */
    static Method binding(String facade, Method m) {
        String suffix = facade.substring("CommonOps_".length());
        for (String prefix : ACCELERATIONS) {
            Class<?> c;
            try {
                c = Class.forName(PACKAGE + "." + prefix + suffix);
            } catch (ClassNotFoundException e) {
                continue; // that engineer's class has not landed: those methods delegate
            }
            try {
                Method a = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (Modifier.isStatic(a.getModifiers()) && !Modifier.isPrivate(a.getModifiers())) {
                    return a;
                }
            } catch (NoSuchMethodException e) {
                // not accelerated by this class
            }
        }
        return null;
    }

    /** The facade's Java source. */
    static String generate(String facade) throws IOException {
        Class<?> ejml = ejmlClass(facade);
        String source = ejmlSource(facade);
        List<SourceDecl> decls = source == null ? List.of() : parse(source);
        List<Method> methods = mirroredMethods(ejml, decls);

        // First pass collects the types used, so that imports can be chosen without clashes.
        Names names = new Names(facade);
        for (Method m : methods) {
            renderMethod(facade, m, decls, names, new StringBuilder());
        }
        names.freeze();
        StringBuilder body = new StringBuilder();
        for (Method m : methods) {
            renderMethod(facade, m, decls, names, body);
        }

        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        for (String imp : names.imports()) {
            out.append("import ").append(imp).append(";\n");
        }
        if (!names.imports().isEmpty()) {
            out.append('\n');
        }
        out.append("// Generated by CommonOpsFacadeGenerator (ejml/src/test) from EJML ").append(ejmlVersion())
                .append("'s ").append(EJML_PACKAGE).append('.').append(facade).append(" and the\n")
                .append("// acceleration classes of this package. Do not edit by hand; regenerate with\n")
                .append("// ").append(REGENERATE).append("\n\n");
        out.append("/** The drop-in for EJML's {@link ").append(EJML_PACKAGE).append('.').append(facade)
                .append("}: the same static methods, accelerated where fusemath's providers pay. */\n");
        out.append("public final class ").append(facade).append(" {\n");
        out.append("    private ").append(facade).append("() {\n    }\n");
        out.append(body);
        out.append("}\n");
        return out.toString();
    }

    static String ejmlVersion() {
        Package p = org.ejml.UtilEjml.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.46.1" : v;
    }

    private static void renderMethod(String facade, Method m, List<SourceDecl> decls, Names names, StringBuilder sb) {
        SourceDecl decl = match(m, decls);
        Method bound = binding(facade, m);
        Type[] params = m.getGenericParameterTypes();
        String[] paramNames = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            paramNames[i] = decl != null ? decl.paramNames.get(i) : derivedName(m.getParameterTypes()[i], i);
        }

        sb.append("\n    /**\n");
        String sentence = decl == null ? null : decl.firstSentence;
        if (sentence == null || sentence.isEmpty()) {
            sentence = "EJML's {@code " + m.getName() + "}.";
        }
        for (String line : wrap(sentence, 110)) {
            sb.append("     * ").append(line).append('\n');
        }
        sb.append("     *\n");
        if (bound == null) {
            sb.append("     * <p>Delegates to EJML: bit-identical.\n");
        } else {
            sb.append("     * <p>Runs on fusemath's path above its measured threshold ({@code ")
                    .append(bound.getDeclaringClass().getSimpleName()).append('.').append(m.getName())
                    .append("}, which states\n     * the result bound), on EJML's below it.\n");
        }
        sb.append("     */\n");
        if (m.isAnnotationPresent(Deprecated.class)) {
            sb.append("    @Deprecated\n");
        }
        sb.append("    public static ");
        TypeVariable<Method>[] tvs = m.getTypeParameters();
        if (tvs.length > 0) {
            sb.append('<');
            for (int i = 0; i < tvs.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(tvs[i].getName());
                List<Type> bounds = Arrays.stream(tvs[i].getBounds()).filter(b -> b != Object.class)
                        .collect(Collectors.toList());
                if (!bounds.isEmpty()) {
                    sb.append(" extends ").append(bounds.stream().map(b -> render(b, names))
                            .collect(Collectors.joining(" & ")));
                }
            }
            sb.append("> ");
        }
        sb.append(render(m.getGenericReturnType(), names)).append(' ').append(m.getName()).append('(');
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String t = render(params[i], names);
            if (m.isVarArgs() && i == params.length - 1) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            sb.append(t).append(' ').append(paramNames[i]);
        }
        sb.append(')');
        Type[] exceptions = m.getGenericExceptionTypes();
        if (exceptions.length > 0) {
            sb.append(" throws ").append(Arrays.stream(exceptions).map(e -> render(e, names))
                    .collect(Collectors.joining(", ")));
        }
        sb.append(" {\n");
        String args = String.join(", ", paramNames);
        String ret = m.getReturnType() == void.class ? "" : "return ";
        if (bound == null) {
            sb.append("        EjmlCoverage.delegated(\"").append(key(m).replace(m.getDeclaringClass().getSimpleName(), facade))
                    .append("\");\n");
            sb.append("        ").append(ret).append(EJML_PACKAGE).append('.').append(facade).append('.')
                    .append(m.getName()).append('(').append(args).append(");\n");
        } else {
            sb.append("        ").append(ret).append(bound.getDeclaringClass().getSimpleName()).append('.')
                    .append(m.getName()).append('(').append(args).append(");\n");
        }
        sb.append("    }\n");
    }

    /** A Java source rendering of a (generic) type, using imports where {@code names} allows. */
    static String render(Type t, Names names) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                return render(c.getComponentType(), names) + "[]";
            }
            return names.use(c);
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        if (t instanceof GenericArrayType g) {
            return render(g.getGenericComponentType(), names) + "[]";
        }
        if (t instanceof ParameterizedType p) {
            return render(p.getRawType(), names) + "<" + Arrays.stream(p.getActualTypeArguments())
                    .map(a -> render(a, names)).collect(Collectors.joining(", ")) + ">";
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + render(w.getLowerBounds()[0], names);
            }
            Type[] ub = w.getUpperBounds();
            return ub.length == 0 || ub[0] == Object.class ? "?" : "? extends " + render(ub[0], names);
        }
        throw new IllegalArgumentException("unsupported type " + t);
    }

    /** A parameter name derived from its type, for declarations the source parser could not match. */
    static String derivedName(Class<?> type, int index) {
        String base = type.isArray() ? type.getComponentType().getSimpleName() + "s" : type.getSimpleName();
        base = base.replaceAll("[^A-Za-z0-9]", "");
        return Character.toLowerCase(base.charAt(0)) + base.substring(1) + index;
    }

    /** Picks simple names for imported types and qualified names where simple ones would clash. */
    static final class Names {
        private final String facade;
        private final Map<String, Set<String>> bySimple = new HashMap<>();
        private boolean frozen;

        Names(String facade) {
            this.facade = facade;
        }

        String use(Class<?> c) {
            if (c.isPrimitive()) {
                return c.getName();
            }
            String canonical = c.getCanonicalName();
            String simple = c.getSimpleName();
            if (!frozen) {
                bySimple.computeIfAbsent(simple, k -> new TreeSet<>()).add(canonical);
                return canonical;
            }
            return importable(simple) ? simple : canonical;
        }

        void freeze() {
            frozen = true;
        }

        private boolean importable(String simple) {
            Set<String> all = bySimple.get(simple);
            // The facade's own simple name, a clash between packages, or a name java.lang also has stays qualified.
            return all != null && all.size() == 1 && !simple.equals(facade)
                    && (all.iterator().next().startsWith("java.lang.") || !javaLangHas(simple));
        }

        private static boolean javaLangHas(String simple) {
            try {
                Class.forName("java.lang." + simple);
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        List<String> imports() {
            Set<String> out = new TreeSet<>();
            for (Map.Entry<String, Set<String>> e : bySimple.entrySet()) {
                String canonical = e.getValue().iterator().next();
                String pkg = canonical.substring(0, Math.max(0, canonical.lastIndexOf('.')));
                if (importable(e.getKey()) && !pkg.equals("java.lang") && !pkg.equals(PACKAGE)) {
                    out.add(canonical);
                }
            }
            return new ArrayList<>(out);
        }
    }

    // ---- EJML's sources ----------------------------------------------------------------------------------------

    /** One {@code public static} declaration found in EJML's source. */
    static final class SourceDecl {
        final int position;
        final String name;
        final List<String> paramTypes; // simple, erased of type arguments, varargs as []
        final List<String> paramNames;
        final String firstSentence;

        SourceDecl(int position, String name, List<String> paramTypes, List<String> paramNames, String firstSentence) {
            this.position = position;
            this.name = name;
            this.paramTypes = paramTypes;
            this.paramNames = paramNames;
            this.firstSentence = firstSentence;
        }
    }

    /** EJML's source of a class from its sources jar on the class path, or null when absent. */
    static String ejmlSource(String simpleName) throws IOException {
        String resource = EJML_PACKAGE.replace('.', '/') + "/" + simpleName + ".java";
        try (InputStream in = CommonOpsFacadeGenerator.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final Pattern DECL = Pattern.compile("public\\s+static\\s+");
    private static final Pattern ANNOTATIONS = Pattern.compile("@[\\w.]+(\\([^)]*\\))?");
    private static final Pattern GAP = Pattern.compile("(\\s|@[\\w.]+(\\([^)]*\\))?)*");

    /** The public static method declarations of a source file. */
    static List<SourceDecl> parse(String src) {
        String code = blankComments(src);
        List<SourceDecl> out = new ArrayList<>();
        Matcher m = DECL.matcher(code);
        while (m.find()) {
            int open = code.indexOf('(', m.end());
            int brace = code.indexOf('{', m.end());
            int semi = code.indexOf(';', m.end());
            int eq = code.indexOf('=', m.end());
            if (open < 0 || (brace >= 0 && brace < open) || (semi >= 0 && semi < open) || (eq >= 0 && eq < open)) {
                continue; // a field or nested type, not a method
            }
            String head = code.substring(m.end(), open).trim();
            Matcher id = Pattern.compile("(\\w+)$").matcher(head);
            if (!id.find()) {
                continue;
            }
            String name = id.group(1);
            int close = matching(code, open);
            if (close < 0) {
                continue;
            }
            List<String> types = new ArrayList<>();
            List<String> pnames = new ArrayList<>();
            String plist = code.substring(open + 1, close);
            boolean ok = true;
            for (String p : splitTopLevel(plist)) {
                String q = ANNOTATIONS.matcher(p).replaceAll(" ").replaceAll("\\bfinal\\b", " ").trim();
                if (q.isEmpty()) {
                    continue;
                }
                Matcher pn = Pattern.compile("^(.*?)\\s*\\b(\\w+)$", Pattern.DOTALL).matcher(q);
                if (!pn.find() || pn.group(1).isEmpty()) {
                    ok = false;
                    break;
                }
                pnames.add(pn.group(2));
                types.add(simpleType(pn.group(1)));
            }
            if (!ok) {
                continue;
            }
            out.add(new SourceDecl(m.start(), name, types, pnames, firstSentence(src, m.start())));
        }
        return out;
    }

    /** The source's text with comments and string contents blanked (same length), so positions stay valid. */
    private static String blankComments(String s) {
        char[] c = s.toCharArray();
        int i = 0;
        while (i < c.length) {
            if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? c.length : end + 2;
                for (int j = i; j < end; j++) {
                    if (c[j] != '\n') {
                        c[j] = ' ';
                    }
                }
                i = end;
            } else if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n') {
                    c[i++] = ' ';
                }
            } else if (c[i] == '"') {
                i++;
                while (i < c.length && c[i] != '"') {
                    if (c[i] == '\\') {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                i++;
            } else if (c[i] == '\'') {
                i++;
                while (i < c.length && c[i] != '\'') {
                    if (c[i] == '\\') {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(c);
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '<' || ch == '(') {
                depth++;
            } else if (ch == '>' || ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** A source type as the simple name reflection gives: type arguments dropped, qualifiers dropped, ... as []. */
    static String simpleType(String t) {
        String s = t;
        String prev;
        do {
            prev = s;
            s = s.replaceAll("<[^<>]*>", "");
        } while (!s.equals(prev));
        s = s.replace("...", "[]").replaceAll("\\s+", "");
        int bracket = s.indexOf('[');
        String base = bracket < 0 ? s : s.substring(0, bracket);
        String dims = bracket < 0 ? "" : s.substring(bracket);
        return base.substring(base.lastIndexOf('.') + 1) + dims;
    }

    /** The reflection-side simple name of a parameter type, comparable to {@link #simpleType}. */
    static String simpleName(Type t) {
        if (t instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        if (t instanceof GenericArrayType g) {
            return simpleName(g.getGenericComponentType()) + "[]";
        }
        if (t instanceof ParameterizedType p) {
            return simpleName(p.getRawType());
        }
        return t.getTypeName();
    }

    /** The declaration of {@code m} among {@code decls}, or null when none matches name and parameter types. */
    static SourceDecl match(Method m, List<SourceDecl> decls) {
        Type[] params = m.getGenericParameterTypes();
        outer:
        for (SourceDecl d : decls) {
            if (!d.name.equals(m.getName()) || d.paramTypes.size() != params.length) {
                continue;
            }
            for (int i = 0; i < params.length; i++) {
                if (!d.paramTypes.get(i).equals(simpleName(params[i]))) {
                    continue outer;
                }
            }
            return d;
        }
        return null;
    }

    private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+([^}\\s]+)(?:\\s+([^}]*))?}");

    /** The first sentence of the Javadoc comment right before {@code declStart}, or null when there is none. */
    static String firstSentence(String src, int declStart) {
        int end = src.lastIndexOf("*/", declStart);
        if (end < 0 || !GAP.matcher(src.substring(end + 2, declStart)).matches()) {
            return null;
        }
        int start = src.lastIndexOf("/**", end);
        if (start < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String line : src.substring(start + 3, end).split("\n")) {
            String l = line.trim();
            if (l.startsWith("*")) {
                l = l.substring(1).trim();
            }
            if (l.startsWith("@")) {
                break; // the block tags follow the description
            }
            text.append(l).append(' ');
        }
        Matcher link = LINK.matcher(text.toString());
        StringBuilder sb = new StringBuilder();
        while (link.find()) {
            String target = link.group(1);
            String label = link.group(2) != null && !link.group(2).isBlank() ? link.group(2).trim()
                    : "{@code " + (target.startsWith("#") ? target.substring(1) : target) + "}";
            link.appendReplacement(sb, Matcher.quoteReplacement(label));
        }
        link.appendTail(sb);
        String s = sb.toString().replaceAll("</?[a-zA-Z][^>]*>", " ").replaceAll("\\s+", " ").trim();
        int dot = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                dot = i;
                break;
            }
        }
        s = dot < 0 ? s : s.substring(0, dot + 1);
        if (s.isEmpty()) {
            return null;
        }
        if (!s.endsWith(".")) {
            s = s + (s.endsWith(":") ? " see EJML's documentation." : ".");
        }
        // Unbalanced braces would be read as a broken inline tag.
        long opens = s.chars().filter(ch -> ch == '{').count();
        long closes = s.chars().filter(ch -> ch == '}').count();
        if (opens != closes) {
            s = s.replace("{", "&#123;").replace("}", "&#125;").replace("&#123;@code", "{@code");
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The names of the methods of an EJML class missing from {@code parse}'s matches, for the test's report. */
    static Set<String> unmatched(String facade) throws IOException {
        Class<?> ejml = ejmlClass(facade);
        String source = ejmlSource(facade);
        List<SourceDecl> decls = source == null ? List.of() : parse(source);
        Set<String> out = new LinkedHashSet<>();
        for (Method m : mirroredMethods(ejml, decls)) {
            if (match(m, decls) == null) {
                out.add(key(m));
            }
        }
        return out;
    }
}
