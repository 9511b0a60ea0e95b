package org.fusemath.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first {@code ```java} block of the repository's README.md, and the one that checks a result with
 * {@code org.fusemath.verify}, compile as written against the library and their {@code main} prints what the README
 * says, so that the examples a newcomer copies stay true.
 */
class ReadmeExampleTest {
    private static final Path README = Path.of(System.getProperty("fusemath.readme", "../README.md"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)\\n```");

    /** The class path entries of this JVM, with the Class-Path of surefire's manifest-only jar expanded. */
    private static List<String> classPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(e);
            if (e.endsWith(".jar") && Files.isRegularFile(Path.of(e))) {
                try (JarFile jar = new JarFile(e)) {
                    Manifest m = jar.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                    if (cp != null && e.contains("surefire")) {
                        for (String url : cp.trim().split("\\s+")) {
                            entries.add(Path.of(java.net.URI.create(url).getPath()).toString());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(entries);
    }

    /** Compiles {@code source} (a whole public class) with -Werror against the test class path and returns what its main prints. */
    private static String compileAndRun(String source, Path dir) throws Exception {
        Matcher name = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)").matcher(source);
        assertTrue(name.find(), "the README example is a whole public class:\n" + source);
        Path file = dir.resolve(name.group(1) + ".java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK, which has javac");
        StringWriter diagnostics = new StringWriter();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", String.join(File.pathSeparator, classPath()), "-d", classes.toString(),
                        "-Xlint:all", "-Xlint:-path", "-Werror"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
                .call();
        assertTrue(compiled, "README example compiles without warnings:\n" + diagnostics);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        stdout.print(out);
        return out;
    }

    @Test
    void theFirstJavaBlockCompilesAndPrintsTheDocumentedResult(@TempDir Path dir) throws Exception {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        assertTrue(block.find(), "README.md has a ```java block");
        String out = compileAndRun(block.group(1), dir);

        // What the README shows the example printing: the result's header, its summarized values, one element.
        assertTrue(out.startsWith("HostMatrix[F64 512x128 ROW_MAJOR ld=128]\n[["), out);
        assertTrue(out.contains(" ... "), "512x128 is summarized: " + out);
        Matcher element = Pattern.compile("c\\[0, 2\\] = (\\S+)").matcher(out);
        assertTrue(element.find(), out);
        double printed = Double.parseDouble(element.group(1));

        // The same element from the same draws, by a plain loop: relu(a[0,:]·b[:,2] + 0), within the GEMM bound
        // eps·k·sum|a||b| (a·b accumulates k products, each rounding once).
        double[] a = new double[512 * 256];
        double[] b = new double[256 * 128];
        Generator rng = Generator.create(RngType.PHILOX4_32_10, 1234);
        rng.generateNormalDouble(a, 0.0, 1.0);
        rng.generateNormalDouble(b, 0.0, 1.0);
        double dot = 0;
        double magnitude = 0;
        for (int p = 0; p < 256; p++) {
            dot += a[p] * b[p * 128 + 2];
            magnitude += Math.abs(a[p] * b[p * 128 + 2]);
        }
        double expected = Math.max(0, dot);
        assertTrue(expected > 0, "the README prints an element that ReLU keeps: " + dot);
        assertEquals(expected, printed, 256 * Math.ulp(1.0) * magnitude, out);
    }

    @Test
    void theValidationExampleCompilesAndReportsTheWorstElement(@TempDir Path dir) throws Exception {
        String readme = Files.readString(README);
        Matcher block = JAVA_BLOCK.matcher(readme);
        String source = null;
        while (block.find()) {
            if (block.group(1).contains("import org.fusemath.verify.")) {
                source = block.group(1);
            }
        }
        assertNotNull(source, "README.md has a ```java block using org.fusemath.verify");
        String out = compileAndRun(source, dir);
        Matcher verdict = Pattern.compile("^passed: true, worst error / bound (\\S+)\n").matcher(out);
        assertTrue(verdict.find(), out);
        double ratio = Double.parseDouble(verdict.group(1));
        assertTrue(ratio > 0 && ratio <= 1, "a float GEMM is within its bound, and not exactly: " + out);
        for (String line : new String[] {"gemm bound exceeded (F32, u = 5.960e-08)",
            "  bound: gemm: |error(i,j)| <= c*gamma(k+2)*(|A|*|B|)(i,j), k = 300 (c = 2.000)", "  worst element [7, 3]: actual "}) {
            assertTrue(out.contains(line), line + "\n" + out);
            assertTrue(readme.contains(line), "README shows what the example prints: " + line);
        }
        Matcher exceeded = Pattern.compile("max \\|error\\|/bound = (\\S+) > bound 1\\.000e\\+00").matcher(out);
        assertTrue(exceeded.find(), out);
        assertTrue(Double.parseDouble(exceeded.group(1)) > 1, out);
    }
}
