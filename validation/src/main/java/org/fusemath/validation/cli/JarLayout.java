package org.fusemath.validation.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.fusemath.api.spi.RuntimeFeatures;

/**
 * Where the host call path's classes were loaded from and which Java releases that jar carries, so that
 * {@code fusemath info} can say why the FFM path is not in use on a JDK that could run it.
 *
 * @param location     the jar or directory holding {@link RuntimeFeatures}, or {@code unknown}
 * @param jar          whether that location is a jar file (a class directory never selects versioned classes)
 * @param javaReleases the jar manifest's {@value #RELEASES_ATTRIBUTE} ({@code 17,22}, or {@code 17} for a jar built
 *                     with {@code -Dfusemath.java17only=true}); empty when there is no jar or no such attribute
 * @param java22Classes whether the jar holds the Java 22 classes under {@value #JAVA22_ENTRY}
 */
record JarLayout(String location, boolean jar, String javaReleases, boolean java22Classes) {
    /** The manifest attribute the build writes into every fusemath jar. */
    static final String RELEASES_ATTRIBUTE = "Fusemath-Java-Releases";
    /** The multi-release entry that carries the FFM call path. */
    static final String JAVA22_ENTRY = "META-INF/versions/22/org/fusemath/api/spi/RuntimeFeatures.class";

    /** The layout of the jar (or directory) that {@link RuntimeFeatures} came from. */
    static JarLayout ofRunningCode() {
        try {
            CodeSource source = RuntimeFeatures.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return new JarLayout("unknown", false, "", false);
            }
            return of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return new JarLayout("unknown", false, "", false);
        }
    }

    /** The layout of one jar file or class directory. */
    static JarLayout of(Path location) {
        if (!Files.isRegularFile(location)) {
            return new JarLayout(location.toString(), false, "", false);
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            String releases = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(new Attributes.Name(RELEASES_ATTRIBUTE));
            return new JarLayout(location.toString(), true, releases == null ? "" : releases.trim(),
                    jar.getEntry(JAVA22_ENTRY) != null);
        } catch (IOException e) {
            return new JarLayout(location.toString(), true, "", false);
        }
    }

    /** Whether the jar was built without the Java 22 classes on purpose ({@code -Dfusemath.java17only=true}). */
    boolean java17Only() {
        return javaReleases.equals("17");
    }

    /**
     * Why the FFM call path is not in use on a JDK of this feature release, or empty when it is in use.
     * The sentence names what to do about it.
     */
    String ffmNotInUseReason(int feature, boolean ffmInUse) {
        if (ffmInUse) {
            return "";
        }
        if (feature < 22) {
            return "it needs Java 22 or later";
        }
        if (!jar) {
            return "the classes come from the directory " + location
                    + ", where the multi-release Java 22 classes are not selected; run the packaged jar";
        }
        if (java17Only()) {
            return "this is a Java 17-only build (-Dfusemath.java17only=true) without the Java 22 classes"
                    + " (META-INF/versions/22); rebuild without that option for the FFM path";
        }
        if (!java22Classes) {
            return "the jar " + location + " has no Java 22 classes (META-INF/versions/22); rebuild it with a JDK 22+";
        }
        return "the Java 22 classes are present but were not selected (is the Multi-Release manifest attribute lost?)";
    }
}
