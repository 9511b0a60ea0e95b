package org.fusemath.fft.host;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/**
 * JTransforms, the host FFT provider, as {@code fusemath info} lists it: its version and thread count.
 * Stateless and thread-safe.
 */
public final class JTransformsBackend implements Backend {
    static final String FFT_CLASS = "org.jtransforms.fft.DoubleFFT_1D";
    static final String JAR_POM_PROPERTIES = "META-INF/maven/com.github.wendykierp/JTransforms/pom.properties";
    static final String DECLARED_VERSION_RESOURCE = "jtransforms.properties";

    @Override
    public String name() {
        return "jtransforms";
    }

    @Override
    public String domain() {
        return "fft";
    }

    @Override
    public Space space() {
        return Space.HOST;
    }

    @Override
    public Availability availability() {
        return fftClass() != null ? Availability.ok()
                : Availability.unusable("JTransforms is not on the class path",
                        "add com.github.wendykierp:JTransforms:" + declaredVersion());
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        Class<?> fft = fftClass();
        String manifest = fft == null ? null : fft.getPackage().getImplementationVersion();
        String jar = fft == null ? null : jarPomVersion(fft.getClassLoader());
        // JTransforms' manifest has no version, but its jar carries Maven's pom.properties under its own
        // coordinates. That file is asked first: inside a shaded jar the package's manifest is fusemath's.
        if (jar != null) {
            details.put("version", jar);
            details.put("version source", "jar pom.properties");
        } else if (manifest != null) {
            details.put("version", manifest);
            details.put("version source", "jar manifest");
        } else {
            details.put("version", declaredVersion());
            details.put("version source", "declared dependency");
        }
        try {
            details.put("threads", Integer.toString(org.visnow.jlargearrays.ConcurrencyUtils.getNumberOfThreads()));
        } catch (LinkageError e) {
            details.put("threads", "unknown (" + e + ")");
        }
        return details;
    }

    /** The JTransforms version this module was built against, from a resource Maven fills in. */
    static String declaredVersion() {
        return property(JTransformsBackend.class.getResourceAsStream(DECLARED_VERSION_RESOURCE), "version", "unknown");
    }

    static String jarPomVersion(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        return property(loader.getResourceAsStream(JAR_POM_PROPERTIES), "version", null);
    }

    private static Class<?> fftClass() {
        try {
            return Class.forName(FFT_CLASS, false, JTransformsBackend.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String property(InputStream in, String key, String fallback) {
        if (in == null) {
            return fallback;
        }
        try (in) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, fallback);
        } catch (IOException e) {
            return fallback;
        }
    }
}
