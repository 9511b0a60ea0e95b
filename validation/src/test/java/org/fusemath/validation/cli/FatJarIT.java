package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.validation.npy.NpyReader;
import org.fusemath.validation.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged validation/target/fusemath.jar with java -jar, on the build JDK and on the JDK >= 22. */
class FatJarIT {
    private static final Path JAR = Path.of(System.getProperty("fusemath.jar", "target/fusemath.jar"));

    private record Run(int exit, String out, String err) {
    }

    private static Run java(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("fusemath-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
            return new Run(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static List<Path> jdks() {
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        String jdk22 = System.getProperty("fusemath.jdk22.home", "");
        if (!jdk22.isEmpty() && !jdk22.startsWith("${") && Files.isExecutable(Path.of(jdk22, "bin/java"))) {
            jdks.add(Path.of(jdk22));
        }
        return jdks;
    }

    @Test
    void manifestNamesTheMainClassAndKeepsTheJarMultiRelease() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest m = jar.getManifest();
            assertEquals(FusemathCli.class.getName(), m.getMainAttributes().getValue("Main-Class"));
            assertEquals("true", m.getMainAttributes().getValue("Multi-Release"));
            assertTrue(jar.getEntry("META-INF/versions/22/org/fusemath/api/spi/RuntimeFeatures.class") != null);
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/org.fusemath.api.spi.ExecOperation"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(services.contains("CopyOperation") && services.contains("TransposeOperation"), services);
            assertTrue(jar.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")), "no signature files");
        }
    }

    @Test
    void carriesNativesForTheBuildPlatformOnly() throws IOException {
        String platform = System.getProperty("javacpp.platform", "linux-x86_64");
        Pattern nativeDir = Pattern.compile("org/bytedeco/[^/]+/((?:linux|macosx|windows|android|ios)-[^/]+)/.*");
        Set<String> platforms = new TreeSet<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().forEach(e -> {
                Matcher m = nativeDir.matcher(e.getName());
                if (m.matches()) {
                    platforms.add(m.group(1));
                }
            });
        }
        assertEquals(Set.of(platform), platforms, "native directories in the fat jar");
    }

    @Test
    void keepsTheCudaWrappersFusemathCallsAndDropsTheRest() throws IOException {
        String platform = System.getProperty("javacpp.platform", "linux-x86_64");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String lib : List.of("cudart", "cublas", "cusparse", "cusolver", "cufft", "curand", "nvrtc")) {
                assertTrue(jar.getEntry("org/bytedeco/cuda/" + platform + "/libjni" + lib + ".so") != null, lib);
            }
            for (String lib : List.of("nppc", "nppif", "nvjpeg", "cudnn", "nccl", "cupti")) {
                assertEquals(null, jar.getEntry("org/bytedeco/cuda/" + platform + "/libjni" + lib + ".so"), lib);
            }
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("META-INF/native-image/")));
        }
    }

    @Test
    void infoAndQuickValidationRunOnEveryJdk() throws Exception {
        for (Path jdk : jdks()) {
            int feature = Runtime.version().feature();
            Run info = java(jdk, "info");
            assertEquals(0, info.exit(), jdk + "\n" + info);
            Matcher version = Pattern.compile("Java +(\\d+)").matcher(info.out());
            assertTrue(version.find(), info.out());
            feature = Integer.parseInt(version.group(1));
            // The multi-release entries must be honoured: JDK 22+ takes the FFM call path from META-INF/versions/22;
            // JDK 17-21 the netlib JNI shims, which must have been shaded in with their native libraries.
            assertTrue(info.out().contains("Host calls " + (feature >= 22 ? "ffm" : "netlib")), jdk + "\n" + info.out());
            assertFalse(info.err().contains("WARNING"), "no restricted-method warnings: " + info.err());
            assertTrue(info.out().contains("jtransforms"), info.out());
            // Inside the shaded jar, JTransforms' version must come from its own metadata, not fusemath's manifest.
            assertTrue(Pattern.compile("jtransforms[^\\n]*\\n\\s+version: 3\\.1\\n").matcher(info.out()).find(), info.out());

            Run validate = java(jdk, "validate", "--quick");
            assertEquals(0, validate.exit(), jdk + "\n" + validate);
            assertTrue(validate.out().contains(" 0 failed"), validate.out());
            System.out.println("[fusemath] fat jar ran info and validate --quick on " + jdk);
        }
    }

    @Test
    void execAndVerboseLoggingThroughTheJar(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("a.npy");
        NpyWriter.write(in, HostTensor.of(DType.C128, new long[] {2, 3}, new double[] {1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0}));
        Path out = dir.resolve("t.npy");
        Run quiet = java(jdks().get(0), "exec", "transpose", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, quiet.exit(), quiet.toString());
        assertFalse(quiet.err().contains("DEBUG"), quiet.err());
        assertArrayEquals(new double[] {1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6, 0}, (double[]) NpyReader.read(out).array());

        Run verbose = java(jdks().get(0), "--verbose", "exec", "transpose", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, verbose.exit(), verbose.toString());
        assertTrue(verbose.err().contains("DEBUG org.fusemath.validation.cli.ExecCommand - exec transpose"), verbose.err());
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    @Test
    void jdksUnderTest() {
        assumeTrue(!jdks().isEmpty());
        System.out.println("[fusemath] fat jar JDKs: " + jdks());
    }
}
