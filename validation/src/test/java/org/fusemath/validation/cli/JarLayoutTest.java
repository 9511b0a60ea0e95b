package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarLayoutTest {
    private static Path jar(Path dir, String releases, boolean java22) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
        if (releases != null) {
            m.getMainAttributes().put(new Attributes.Name(JarLayout.RELEASES_ATTRIBUTE), releases);
        }
        Path file = dir.resolve("fusemath-" + releases + "-" + java22 + ".jar");
        try (OutputStream os = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(os, m)) {
            out.putNextEntry(new JarEntry("org/fusemath/api/spi/RuntimeFeatures.class"));
            out.closeEntry();
            if (java22) {
                out.putNextEntry(new JarEntry(JarLayout.JAVA22_ENTRY));
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aJava17OnlyJarOnJava22SaysItWasBuiltThatWay(@TempDir Path dir) throws IOException {
        JarLayout layout = JarLayout.of(jar(dir, "17", false));
        assertTrue(layout.jar());
        assertTrue(layout.java17Only());
        assertEquals("17", layout.javaReleases());
        assertFalse(layout.java22Classes());
        String reason = layout.ffmNotInUseReason(25, false);
        assertTrue(reason.contains("Java 17-only build") && reason.contains("-Dfusemath.java17only=true")
                && reason.contains("META-INF/versions/22"), reason);
    }

    @Test
    void aJarThatLostItsJava22ClassesSaysSoAndHowToRebuild(@TempDir Path dir) throws IOException {
        // A jar from before the manifest attribute existed, or repackaged without the versioned entries.
        JarLayout layout = JarLayout.of(jar(dir, null, false));
        assertEquals("", layout.javaReleases());
        String reason = layout.ffmNotInUseReason(22, false);
        assertTrue(reason.contains("has no Java 22 classes (META-INF/versions/22)") && reason.contains("JDK 22+"), reason);
    }

    @Test
    void aFullJarReportsItsReleasesAndOnlyOldJdksLackTheFfmPath(@TempDir Path dir) throws IOException {
        JarLayout layout = JarLayout.of(jar(dir, "17,22", true));
        assertEquals("17,22", layout.javaReleases());
        assertTrue(layout.java22Classes());
        assertFalse(layout.java17Only());
        assertEquals("", layout.ffmNotInUseReason(25, true));
        assertEquals("it needs Java 22 or later", layout.ffmNotInUseReason(17, false));
        assertTrue(layout.ffmNotInUseReason(25, false).contains("not selected"), layout.ffmNotInUseReason(25, false));
    }

    @Test
    void aClassDirectoryIsNamedAsTheReason(@TempDir Path dir) {
        JarLayout layout = JarLayout.of(dir);
        assertFalse(layout.jar());
        assertTrue(layout.ffmNotInUseReason(25, false).contains("directory " + dir), layout.ffmNotInUseReason(25, false));
    }

    @Test
    void theRunningCodeIsFoundAndMatchesTheCallPathInUse() {
        // Surefire loads target/classes (a directory); the second run loads the packaged jar, which the
        // build writes with the Java 22 classes unless -Dfusemath.java17only=true.
        JarLayout layout = JarLayout.ofRunningCode();
        assertFalse(layout.location().equals("unknown"), layout.toString());
        if (layout.jar()) {
            String releases = System.getProperty("fusemath.java.releases", layout.javaReleases());
            assertEquals(releases, layout.javaReleases(), layout.toString());
            assertEquals(releases.contains("22"), layout.java22Classes(), layout.toString());
        }
    }
}
