package org.fusemath.ejml.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Source compatibility with EJML: every public static method of each EJML CommonOps and factory class has a public static twin in the
 * facade with the same name, type parameters, generic parameter and return types, varargs flag and declared
 * exceptions, so code compiled against EJML compiles unchanged against the facade with the import swapped.
 */
class FacadeSignatureTest {

    @TestFactory
    Stream<DynamicTest> everyEjmlMethodHasAnIdenticalFacadeSignature() {
        List<String> classes = new ArrayList<>(FacadePair.COMMON_OPS);
        classes.addAll(FactoryDifferentialTest.FACTORIES);
        classes.add("org.ejml.dense.row.factory.DecompositionFactory_ZDRM");
        return FacadePair.of(classes).stream().map(pair -> DynamicTest.dynamicTest(pair.label(), () -> {
            assertFalse(pair.self(), "no facade " + pair.ejml().getSimpleName() + " in " + FacadePair.facadePackage());
            assertTrue(Modifier.isPublic(pair.facade().getModifiers()), pair.facade() + " is not public");
            int checked = 0;
            for (Method e : FacadeDifferentialTest.publicStatics(pair.ejml())) {
                Method f = pair.facade().getMethod(e.getName(), e.getParameterTypes());
                String where = pair.facade().getSimpleName() + "." + FacadeDifferentialTest.signature(e);
                assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()), where + " not public static");
                assertEquals(generic(e, pair.ejml()), generic(f, pair.facade()), where);
                assertEquals(e.isVarArgs(), f.isVarArgs(), where + " varargs");
                assertEquals(Arrays.asList(e.getGenericExceptionTypes()), Arrays.asList(f.getGenericExceptionTypes()), where + " throws");
                checked++;
            }
            assertTrue(checked > 0, "no public static methods in " + pair.ejml());
        }));
    }

    /** The generic signature without the declaring class and modifiers: type parameters, return type, parameters. */
    private static String generic(Method m, Class<?> owner) {
        String s = m.toGenericString();
        String name = owner.getName() + "." + m.getName() + "(";
        int at = s.indexOf(name);
        String head = s.substring(0, at).replace("public ", "").replace("static ", "").replace("final ", "");
        return head + m.getName() + s.substring(at + name.length() - 1);
    }
}
