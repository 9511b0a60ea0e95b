package org.fusemath.cuda.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * Finds the test classes of a module that carry the {@code gpu} tag themselves instead of through
 * {@link GpuTest}: those would skip or fail on their own terms and ignore {@value GpuAvailableCondition#REQUIRE_PROPERTY}.
 * A module's guard test asserts that {@link #bypassingGpuTest} is empty. Stateless.
 */
public final class GpuTagged {
    private GpuTagged() {
    }

    /**
     * Every class (or {@code Class#method}) in the class-path root that holds {@code anyTestClass} which is
     * tagged {@code gpu} directly; classes are loaded without being initialised.
     */
    public static List<String> bypassingGpuTest(Class<?> anyTestClass) {
        Path root;
        try {
            root = Path.of(anyTestClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> c;
                try {
                    c = Class.forName(name, false, anyTestClass.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (c == GpuTest.class) {
                    continue;
                }
                if (taggedGpu(c)) {
                    found.add(c.getName());
                }
                Method[] methods;
                try {
                    methods = c.getDeclaredMethods();
                } catch (LinkageError e) {
                    continue;
                }
                for (Method m : methods) {
                    if (taggedGpu(m)) {
                        found.add(c.getName() + "#" + m.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean taggedGpu(AnnotatedElement e) {
        for (Tag t : e.getDeclaredAnnotationsByType(Tag.class)) {
            if (t.value().equals("gpu")) {
                return true;
            }
        }
        return false;
    }
}
