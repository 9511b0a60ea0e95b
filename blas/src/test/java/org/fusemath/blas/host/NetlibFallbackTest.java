package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the netlib shims cannot be used, the call table falls back to staging with the reason, never a LinkageError. */
class NetlibFallbackTest {
    @Test
    void aShimPropertyNamingAnotherLibraryIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("libblas.so.3"), "not OpenBLAS");
        String before = System.getProperty(NetlibShims.BLAS_PATH);
        System.setProperty(NetlibShims.BLAS_PATH, other.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, NetlibShims::load);
            assertTrue(e.getMessage().contains(NetlibShims.BLAS_PATH) && e.getMessage().contains(other.toString()),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(NetlibShims.BLAS_PATH);
            } else {
                System.setProperty(NetlibShims.BLAS_PATH, before);
            }
        }
    }

    /**
     * A JVM whose class path lacks org.netlib.util (the shims' JNI_OnLoad would fail, so the shim library cannot
     * load) still selects a working table: javacpp on JDK 17–21, with the reason (ffm on 22+), and computes
     * correctly.
     */
    @Test
    void aShimThatCannotLoadFallsBackToStagingInAFreshJvm() throws Exception {
        List<String> path = testClassPath();
        List<String> withoutF2j = path.stream().filter(p -> !p.contains("arpack_combined_all"))
                .collect(Collectors.toList());
        assertTrue(withoutF2j.size() < path.size(), "the test class path should hold arpack_combined_all: " + path);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, withoutF2j)));
        if (Runtime.version().feature() >= 22) {
            // As the suite's own JVM on 22+: JavaCPP's and the FFM table's native access, without the JDK's warning.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add(Probe.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // The probe's own output holds the fallback's WARN line; the build log gets only the outcome.
        String pathLine = out.lines().filter(l -> l.startsWith("path=")).findFirst().orElse("(no path line)");
        System.out.println("[fusemath] probe JVM without org.netlib.util: " + pathLine);
        assertEquals(0, p.exitValue(), out);
        if (NativeCalls.callPath().equals("ffm")) {
            // JDK 22+ on the multi-release jar: FFM is chosen whatever the shims can do.
            assertTrue(out.contains("path=ffm"), out);
        } else {
            assertTrue(out.contains("path=javacpp"), out);
            assertTrue(out.contains("JNI shims are unusable (org.netlib.util"), out);
        }
        assertTrue(out.contains("gemm=19.0,22.0,43.0,50.0 info=0"), out);
    }

    /** The module's test class path: surefire's and failsafe's property, else the JVM's own. */
    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    /** Run in the fresh JVM: prints the selected path, its reason and a small product and LU through it. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("path=" + NativeCalls.callPath() + " reason=" + NativeCalls.reason());
            double[] c = new double[4];
            NativeCalls.blas().gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N, 2, 2, 2, 1, 0,
                    new double[] {1, 2, 3, 4}, 0, 2, new double[] {5, 6, 7, 8}, 0, 2, 0, 0, c, 0, 2);
            int info = NativeCalls.lapack().getrf(DType.F64, 2, 2, new double[] {4, 3, 6, 3}, 0, 2, new int[2], 0);
            System.out.println("gemm=" + c[0] + "," + c[1] + "," + c[2] + "," + c[3] + " info=" + info);
        }
    }
}
