package org.fusemath.api.spi;

/**
 * What the running JDK offers the host call paths. This Java 17 version reports no Foreign Function
 * &amp; Memory API; the multi-release jar carries a Java 22 version that reports it.
 */
public final class RuntimeFeatures {
    private RuntimeFeatures() {
    }

    /** Whether the FFM API (finalized in Java 22) is available to this class's release of the jar. */
    public static boolean foreignFunctions() {
        return false;
    }

    /** The host native call path the multi-release jar selected: {@code javacpp} or {@code ffm}. */
    public static String nativeCallPath() {
        return "javacpp";
    }
}
