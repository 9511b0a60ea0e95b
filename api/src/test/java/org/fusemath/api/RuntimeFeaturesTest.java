package org.fusemath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fusemath.api.spi.RuntimeFeatures;
import org.junit.jupiter.api.Test;

class RuntimeFeaturesTest {
    @Test
    void multiReleaseJarSelectsTheCallPathOfTheRunningJdk() {
        int feature = Runtime.version().feature();
        String run = System.getProperty("fusemath.test.jdk", "default");
        System.out.println("[fusemath] tests on Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home")
                + "), run '" + run + "', host call path " + RuntimeFeatures.nativeCallPath());
        // The jdk22 run executes against the packaged multi-release jar, which must pick the FFM class;
        // the default run uses target/classes, which only holds the Java 17 version.
        boolean expectFfm = feature >= 22 && run.equals("jdk22");
        assertEquals(expectFfm ? "ffm" : "javacpp", RuntimeFeatures.nativeCallPath());
        assertEquals(expectFfm, RuntimeFeatures.foreignFunctions());
    }
}
