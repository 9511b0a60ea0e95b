package org.fusemath.validation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The fusemath version, recorded in a resource at build time; also picocli's {@code --version} provider. */
public final class BuildInfo implements CommandLine.IVersionProvider {
    private static final String VERSION = load();

    /** The fusemath version, or {@code unknown} when the build resource is missing. */
    public static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"fusemath " + VERSION};
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }
}
