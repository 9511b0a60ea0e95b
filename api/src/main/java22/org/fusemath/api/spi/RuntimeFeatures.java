package org.fusemath.api.spi;

import java.lang.foreign.Linker;

/**
 * What the running JDK offers the host call paths: this is the Java 22+ release of the class,
 * selected from {@code META-INF/versions/22} of the multi-release jar.
 */
public final class RuntimeFeatures {
    private static final boolean LINKER = probeLinker();

    private RuntimeFeatures() {
    }

    /** Whether the FFM API can link native functions here. */
    public static boolean foreignFunctions() {
        return LINKER;
    }

    /** The host native call path the multi-release jar selected: {@code javacpp} or {@code ffm}. */
    public static String nativeCallPath() {
        return LINKER ? "ffm" : "javacpp";
    }

    private static boolean probeLinker() {
        try {
            return Linker.nativeLinker() != null;
        } catch (UnsupportedOperationException e) {
            // A platform without a native linker (rare ports) keeps the JavaCPP path.
            return false;
        }
    }
}
