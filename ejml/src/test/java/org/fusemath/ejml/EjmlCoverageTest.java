package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.fusemath.ejml.EjmlExecution.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coverage counts, their text report, and the summary printed at exit with -Dfusemath.ejml.report=coverage. */
class EjmlCoverageTest {
    @AfterEach
    void restore() {
        EjmlCoverage.disable();
        EjmlCoverage.reset();
        EjmlExecution.reset();
    }

    @Test
    void offCountsNothing() {
        EjmlCoverage.disable();
        EjmlCoverage.reset();
        CommonOps_DDRM.transpose(new DMatrixRMaj(2, 3), null);
        assertTrue(EjmlCoverage.snapshot().isEmpty());
        assertTrue(EjmlCoverage.report().contains("counting is off"), EjmlCoverage.report());
    }

    @Test
    void countsBothPathsPerMethodAndReportsThem() {
        EjmlCoverage.reset();
        EjmlCoverage.enable();
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        EjmlExecution.setThreshold(Family.MULT, 0);
        CommonOps_DDRM.mult(a, a, null);
        CommonOps_DDRM.mult(a, a, null);
        EjmlExecution.setThreshold(Family.MULT, Long.MAX_VALUE);
        CommonOps_DDRM.mult(a, a, null);
        CommonOps_DDRM.transpose(a, null);
        Map<String, EjmlCoverage.Counts> s = EjmlCoverage.snapshot();
        assertEquals(new EjmlCoverage.Counts(2, 1), s.get("CommonOps_DDRM.mult(DMatrix1Row,DMatrix1Row,DMatrix1Row)"));
        assertEquals(new EjmlCoverage.Counts(0, 1), s.get("CommonOps_DDRM.transpose(DMatrixRMaj,DMatrixRMaj)"));
        assertEquals(2, s.size());

        String report = EjmlCoverage.report();
        List<String> lines = report.lines().toList();
        assertEquals("fusemath EJML coverage: 4 calls to 2 methods, 2 accelerated (50.0%), 2 delegated to EJML",
                lines.get(0));
        assertTrue(lines.get(1).trim().startsWith("method"), report);
        // Most called first.
        assertTrue(lines.get(2).contains("CommonOps_DDRM.mult(DMatrix1Row,DMatrix1Row,DMatrix1Row)")
                && lines.get(2).matches(".*\\s2\\s+1$"), report);
        assertTrue(lines.get(3).contains("CommonOps_DDRM.transpose(DMatrixRMaj,DMatrixRMaj)")
                && lines.get(3).matches(".*\\s0\\s+1$"), report);

        EjmlCoverage.reset();
        assertNull(EjmlCoverage.snapshot().get("CommonOps_DDRM.transpose(DMatrixRMaj,DMatrixRMaj)"));
        assertTrue(EjmlCoverage.report().contains("no facade method was called"));
    }

    @Test
    void snapshotsAreCopies() {
        EjmlCoverage.reset();
        EjmlCoverage.enable();
        EjmlCoverage.delegated("X.y()");
        Map<String, EjmlCoverage.Counts> before = EjmlCoverage.snapshot();
        EjmlCoverage.delegated("X.y()");
        assertEquals(1, before.get("X.y()").delegated());
        assertEquals(2, EjmlCoverage.snapshot().get("X.y()").delegated());
    }

    /** A program for the child JVM: a few facade calls, then a normal exit. */
    public static final class AtExitMain {
        public static void main(String[] args) {
            DMatrixRMaj a = new DMatrixRMaj(3, 3);
            CommonOps_DDRM.mult(a, a, null);
            CommonOps_DDRM.transpose(a, null);
            CommonOps_DDRM.transpose(a, null);
            System.out.println("done");
        }
    }

    @Test
    void theReportPropertyPrintsTheSummaryAtExit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dfusemath.ejml.report=coverage", AtExitMain.class.getName()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM exits");
        assertEquals(0, p.exitValue(), err);
        assertEquals("done", out.trim());
        assertTrue(err.contains("fusemath EJML coverage: 3 calls to 2 methods"), err);
        assertTrue(err.contains("CommonOps_DDRM.transpose(DMatrixRMaj,DMatrixRMaj)"), err);
    }

    @Test
    void withoutThePropertyNothingIsPrintedAtExit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AtExitMain.class.getName())
                .start();
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(!err.contains("fusemath EJML coverage"), err);
    }

    @Test
    void aMalformedSettingIsIgnoredWithAWarningAndTheFacadesStillLoad() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dfusemath.ejml.mode=fast", "-Dfusemath.ejml.report=coverage", AtExitMain.class.getName()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM exits");
        assertEquals(0, p.exitValue(), err);
        assertEquals("done", out.trim());
        assertTrue(err.contains("fusemath.ejml.mode") && err.contains("fast"), "the warning names the setting: " + err);
    }
}
