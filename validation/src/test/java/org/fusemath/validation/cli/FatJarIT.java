package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
        return javaWith(javaHome, List.of(), args);
    }

    private static Run javaWith(Path javaHome, List<String> jvmOptions, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
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

    /** The JDK running Maven, the JDK this test runs on (the one >= 22 chosen for the second run) and an explicit one. */
    private static List<Path> jdks() {
        Set<Path> jdks = new LinkedHashSet<>();
        for (String home : new String[] {System.getProperty("fusemath.build.java.home", ""), System.getProperty("java.home"),
                System.getProperty("fusemath.jdk22.home", "")}) {
            if (!home.isEmpty() && !home.startsWith("${")) {
                Path p = Path.of(home);
                try {
                    jdks.add(p.toRealPath());
                } catch (IOException e) {
                    jdks.add(p);
                }
            }
        }
        return new ArrayList<>(jdks);
    }

    /** The feature release of the JDK at {@code home}, from its {@code release} file (JAVA_VERSION="25.0.1"). */
    private static int feature(Path home) throws IOException {
        Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
        assertTrue(m.find(), home + "/release has no JAVA_VERSION");
        return Integer.parseInt(m.group(1));
    }

    private static boolean java17Only() {
        return System.getProperty("fusemath.java.releases", "17,22").equals("17");
    }

    @Test
    void manifestNamesTheMainClassAndKeepsTheJarMultiRelease() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest m = jar.getManifest();
            assertEquals(FusemathCli.class.getName(), m.getMainAttributes().getValue("Main-Class"));
            assertEquals("true", m.getMainAttributes().getValue("Multi-Release"));
            assertEquals(System.getProperty("fusemath.java.releases", "17,22"), m.getMainAttributes().getValue(JarLayout.RELEASES_ATTRIBUTE));
            // The Java 22 classes are there unless the build was asked for a Java 17-only jar.
            assertEquals(!java17Only(), jar.getEntry(JarLayout.JAVA22_ENTRY) != null);
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/org.fusemath.api.spi.ExecOperation"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(services.contains("CopyOperation") && services.contains("TransposeOperation"), services);
            assertTrue(jar.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")), "no signature files");
        }
    }

    /** Dependencies' licence files share names; the jar keeps each distinct text instead of dropping them. */
    @Test
    void keepsTheDependenciesLicenceTexts() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String txt = entry(jar, "META-INF/LICENSE.txt");
            assertTrue(txt.contains("QOS.ch") && txt.contains("Permission is hereby granted"),
                    "slf4j's MIT licence: " + txt);
            // commons-math3 (Apache 2.0) came with JTransforms 3.1's JLargeArrays; JTransforms 3.2 (JLargeArrays 1.7,
            // BSD-2-Clause like JTransforms) no longer depends on it, so its LICENSE.txt and NOTICE are gone.
            String jackson = entry(jar, "META-INF/LICENSE");
            assertTrue(jackson.contains("Apache License"), jackson);
            String notice = entry(jar, "META-INF/NOTICE");
            assertTrue(notice.contains("Jackson"), "NOTICE kept: " + notice);
        }
    }

    private static String entry(JarFile jar, String name) throws IOException {
        assertTrue(jar.getEntry(name) != null, name + " is missing");
        return new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
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
            // JDK 17-21 (and a Java 17-only jar) the netlib JNI shims, which must have been shaded in with their natives.
            boolean ffm = feature >= 22 && !java17Only();
            assertTrue(info.out().contains("Host calls " + (ffm ? "ffm" : "netlib")), jdk + "\n" + info.out());
            if (feature >= 22 && java17Only()) {
                assertTrue(info.out().contains("Java 17-only build"), info.out());
            }
            assertFalse(info.err().contains("WARNING"), "no restricted-method warnings: " + info.err());
            assertTrue(info.out().contains("jtransforms"), info.out());
            // Inside the shaded jar, JTransforms' version must come from its own metadata, not fusemath's manifest.
            assertTrue(Pattern.compile("jtransforms[^\\n]*\\n\\s+version: 3\\.2\\n").matcher(info.out()).find(), info.out());

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

    /** The threaded LU of a 1000×1000 matrix needs ~3 MB of native stack; the JVM's threads here have 256 KB. */
    @Test
    void solveInvAndDetAtN1000RunInAJvmWithA256KbStack(@TempDir Path dir) throws Exception {
        int n = 1000;
        java.util.Random r = new java.util.Random(7);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian() / Math.sqrt(n);
        }
        double[] b = new double[n];
        java.util.Arrays.fill(b, 1);
        Path fa = dir.resolve("a.npy");
        Path fb = dir.resolve("b.npy");
        NpyWriter.write(fa, HostTensor.of(DType.F64, new long[] {n, n}, a));
        NpyWriter.write(fb, HostTensor.of(DType.F64, new long[] {n}, b));
        for (Path jdk : jdks()) {
            List<String> small = List.of("-Xss256k");
            Run solve = javaWith(jdk, small, "exec", "solve", "--in", fa.toString(), fb.toString(), "--out",
                    dir.resolve("x.npy").toString());
            assertEquals(0, solve.exit(), jdk + " -Xss256k exec solve\n" + solve);
            double[] x = (double[]) NpyReader.read(dir.resolve("x.npy")).array();
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double s = -b[i];
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * x[j];
                }
                worst = Math.max(worst, Math.abs(s));
            }
            assertTrue(worst < 1e-8, jdk + ": |Ax - b| = " + worst);
            Run inv = javaWith(jdk, small, "exec", "inv", "--in", fa.toString(), "--out", dir.resolve("i.npy").toString());
            assertEquals(0, inv.exit(), jdk + " -Xss256k exec inv\n" + inv);
            Run det = javaWith(jdk, small, "exec", "det", "--in", fa.toString(), "--out", dir.resolve("d.npy").toString());
            assertEquals(0, det.exit(), jdk + " -Xss256k exec det\n" + det);
            assertTrue(Double.isFinite(((double[]) NpyReader.read(dir.resolve("d.npy")).array())[0]), jdk + " det");
        }
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    @Test
    void jdksUnderTest() throws IOException {
        List<Path> jdks = jdks();
        StringBuilder line = new StringBuilder("[fusemath] fat jar runs on:");
        int newest = 0;
        for (Path jdk : jdks) {
            assertTrue(Files.isExecutable(jdk.resolve("bin/java")), jdk + " has no bin/java");
            int feature = feature(jdk);
            newest = Math.max(newest, feature);
            line.append(" Java ").append(feature).append(" (").append(jdk).append(')');
        }
        System.out.println(line);
        assertFalse(jdks.isEmpty());
        // A normal build always finds (or fails for want of) a JDK >= 22; only a Java 17-only build may lack one.
        if (!java17Only()) {
            assertTrue(newest >= 22, "no JDK >= 22 among " + jdks);
        }
    }
}
