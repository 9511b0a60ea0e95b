package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public static method of EJML's {@code DecompositionFactory_DDRM}, {@code _FDRM} and {@code _ZDRM} exists in
 * the fusemath class of the same name with the same type parameters, generic parameter types, generic return type
 * and declared exceptions, so that code compiled against EJML's compiles against ours with the import swapped.
 */
class DecompositionFactorySignaturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"DecompositionFactory_DDRM", "DecompositionFactory_FDRM", "DecompositionFactory_ZDRM"})
    void everyEjmlMethodHasItsTwin(String name) throws ClassNotFoundException {
        Class<?> ejml = Class.forName("org.ejml.dense.row.factory." + name);
        Class<?> ours = Class.forName("org.fusemath.ejml." + name);
        int checked = 0;
        for (Method m : ejml.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method twin;
            try {
                twin = ours.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(name + " lacks " + m.toGenericString(), e);
            }
            assertTrue(Modifier.isPublic(twin.getModifiers()) && Modifier.isStatic(twin.getModifiers()),
                    twin + " is public static");
            assertEquals(signature(m), signature(twin), "generic signature of " + m.getName());
            checked++;
        }
        assertTrue(checked >= 4, "EJML's " + name + " has its factory methods (" + checked + " checked)");
    }

    private static String signature(Method m) {
        String typeParameters = Arrays.stream(m.getTypeParameters())
                .map(t -> t.getName() + " extends " + Arrays.toString(t.getBounds())).collect(Collectors.joining(", "));
        String parameters = Arrays.stream(m.getGenericParameterTypes()).map(t -> t.getTypeName())
                .collect(Collectors.joining(", "));
        return "<" + typeParameters + "> " + m.getGenericReturnType().getTypeName() + " " + m.getName() + "("
                + parameters + ") throws " + Arrays.toString(m.getGenericExceptionTypes());
    }
}
