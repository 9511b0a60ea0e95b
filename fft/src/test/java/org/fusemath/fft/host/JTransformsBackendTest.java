package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Backend;
import org.junit.jupiter.api.Test;

class JTransformsBackendTest {
    @Test
    void registeredAsTheUsableHostFftBackend() {
        List<Backend> found = ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("jtransforms")).collect(Collectors.toList());
        assertEquals(1, found.size(), "one jtransforms backend in META-INF/services");
        Backend b = found.get(0);
        assertEquals("fft", b.domain());
        assertEquals(Space.HOST, b.space());
        assertTrue(b.availability().usable(), b.availability().toString());
    }

    @Test
    void reportsTheVersionOfTheJarOnTheClassPathWhichIsTheDeclaredOne() {
        Map<String, String> details = new JTransformsBackend().details();
        String declared = JTransformsBackend.declaredVersion();
        assertTrue(declared.matches("\\d+(\\.\\d+)+"), "the filtered resource holds a version, not " + declared);
        // Two independent sources: the jar's own Maven metadata and the version the build declares.
        assertEquals("jar pom.properties", details.get("version source"));
        assertEquals(declared, details.get("version"));
        assertTrue(Integer.parseInt(details.get("threads")) >= 1, details.toString());
    }
}
