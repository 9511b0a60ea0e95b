package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each facade has exactly EJML's public static methods: same names, type parameters with their bounds, generic
 * parameter and return types, varargs, declared exceptions and deprecation, so code compiles against either
 * class with only the import changed; and it is instantiable exactly when EJML's class is.
 */
class FacadeSignatureTest {
    static Iterable<String> facades() {
        return CommonOpsFacadeGenerator.FACADES;
    }

    /** A method's generic signature without its declaring class, e.g. {@code public static <T extends ...> T mult(T,T,T)}. */
    static String signature(Method m) {
        String s = m.toGenericString().replace(m.getDeclaringClass().getName() + ".", "");
        return s + (m.isVarArgs() ? " varargs" : "") + (m.isAnnotationPresent(Deprecated.class) ? " deprecated" : "");
    }

    static Set<String> publicStatic(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                out.add(signature(m));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("facades")
    void theFacadeHasExactlyEjmlsPublicStaticMethods(String facade) throws ClassNotFoundException {
        Class<?> ejml = Class.forName("org.ejml.dense.row." + facade);
        Class<?> ours = Class.forName("org.fusemath.ejml." + facade);
        Set<String> want = publicStatic(ejml);
        Set<String> got = publicStatic(ours);
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(got);
        Set<String> extra = new TreeSet<>(got);
        extra.removeAll(want);
        assertEquals("[]", missing.toString(), facade + ": EJML methods missing or with another signature");
        assertEquals("[]", extra.toString(), facade + ": methods EJML does not have");
        assertTrue(want.size() >= 20, facade + ": EJML's class has its methods (" + want.size() + ")");
        assertTrue(Modifier.isPublic(ours.getModifiers()) && Modifier.isFinal(ours.getModifiers()), "public final");
    }

    @ParameterizedTest
    @MethodSource("facades")
    void theFacadeIsInstantiableExactlyWhenEjmlsIs(String facade) throws ClassNotFoundException {
        Class<?> ejml = Class.forName("org.ejml.dense.row." + facade);
        Class<?> ours = Class.forName("org.fusemath.ejml." + facade);
        assertEquals(publicConstructors(ejml), publicConstructors(ours), facade + ": public constructors");
    }

    private static String publicConstructors(Class<?> c) {
        return Arrays.toString(Arrays.stream(c.getDeclaredConstructors()).filter(k -> Modifier.isPublic(k.getModifiers()))
                .map(Constructor::getParameterCount).toArray());
    }
}
