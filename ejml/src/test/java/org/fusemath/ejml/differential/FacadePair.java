package org.fusemath.ejml.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * One EJML class and the facade that must behave like it. The facade's package is named by the system property
 * {@value #PACKAGE_PROPERTY} (default {@code org.fusemath.ejml}); where that package has no class of the EJML class's
 * simple name, the pair is EJML against itself, so the harness runs (and checks itself) before a facade exists.
 */
record FacadePair(Class<?> ejml, Class<?> facade) {

    static final String PACKAGE_PROPERTY = "fusemath.ejml.differential.package";

    /** EJML's dense row-major CommonOps classes that have a facade of the same simple name. */
    static final List<String> COMMON_OPS = List.of(
            "org.ejml.dense.row.CommonOps_DDRM", "org.ejml.dense.row.CommonOps_FDRM",
            "org.ejml.dense.row.CommonOps_ZDRM", "org.ejml.dense.row.CommonOps_CDRM",
            "org.ejml.dense.row.CommonOps_MT_DDRM", "org.ejml.dense.row.CommonOps_MT_FDRM");

    /** Whether this pair compares EJML with itself (no facade found). */
    boolean self() {
        return ejml == facade;
    }

    String label() {
        return ejml.getSimpleName() + (self() ? " (EJML vs EJML: no facade in " + facadePackage() + ")" : "");
    }

    static String facadePackage() {
        return System.getProperty(PACKAGE_PROPERTY, "org.fusemath.ejml");
    }

    static List<FacadePair> of(List<String> ejmlClassNames) {
        List<FacadePair> pairs = new ArrayList<>();
        for (String name : ejmlClassNames) {
            Class<?> ejml = load(name);
            Class<?> facade;
            try {
                facade = Class.forName(facadePackage() + "." + ejml.getSimpleName());
            } catch (ClassNotFoundException e) {
                facade = ejml;
            }
            pairs.add(new FacadePair(ejml, facade));
        }
        return pairs;
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("EJML class " + name + " is not on the test class path", e);
        }
    }
}
