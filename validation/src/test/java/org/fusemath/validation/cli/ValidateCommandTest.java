package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.fusemath.api.Execution;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.validation.cli.Fakes.FakeCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static Providers providers(List<Backend> backends, ValidationSuite... suites) {
        return Providers.of(backends, List.of(), List.of(suites));
    }

    @Test
    void theShippedCasesAllPassQuickAndFull() {
        Cli quick = Cli.run("validate", "--quick");
        assertEquals(0, quick.exit(), quick.toString());
        assertTrue(quick.out().matches("(?s).*op +dtype +shape +space +error +bound +status +time.*"), quick.out());
        assertTrue(quick.out().contains("npy-roundtrip") && quick.out().contains("transpose") && quick.out().contains("copy")
                && quick.out().contains("fortran-to-c"), quick.out());
        assertTrue(quick.out().contains(" 0 failed"), quick.out());
        Cli full = Cli.run("validate", "--space", "host");
        assertEquals(0, full.exit(), full.toString());
        assertTrue(full.out().contains("64x33x17"), "the full run includes the larger shapes");
    }

    @Test
    void aFailingCaseFailsTheRun() {
        FakeCase bad = new FakeCase("matmul", Space.HOST, true, c -> new ValidationResult(3e-10, 1e-12, "max relative"));
        Cli r = Cli.run(providers(List.of(), Fakes.suite("blas", Fakes.passing("axpy", Space.HOST, true), bad)), "validate");
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*matmul +F64 +2x2 +host +3\\.000e-10 +1\\.000e-12 +FAIL .*"), r.out());
        assertTrue(r.out().contains("the error exceeds the bound"), r.out());
        assertTrue(r.out().matches("(?s).*axpy .* PASS .*"), r.out());
        assertTrue(r.out().contains("2 cases: 1 passed, 1 failed, 0 skipped"), r.out());
    }

    @Test
    void anExceptionOrNanInsideACaseIsAFailWithTheMessage() {
        FakeCase throwing = new FakeCase("qr", Space.HOST, true, c -> {
            throw new IllegalStateException("workspace too small");
        });
        FakeCase nan = new FakeCase("svd", Space.HOST, true, c -> new ValidationResult(Double.NaN, 1, "max abs"));
        FakeCase nothing = new FakeCase("lu", Space.HOST, true, c -> null);
        Cli r = Cli.run(providers(List.of(), Fakes.suite("solver", throwing, nan, nothing)), "validate");
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.out().contains("FAIL: IllegalStateException: workspace too small"), r.out());
        assertTrue(r.out().contains("FAIL: the error is NaN"), r.out());
        assertTrue(r.out().contains("FAIL: the case returned no result"), r.out());
        assertTrue(r.out().contains("3 cases: 0 passed, 3 failed"), r.out());
    }

    @Test
    void aSuiteThatCannotListItsCasesIsAFailRow() {
        ValidationSuite broken = new ValidationSuite() {
            @Override
            public String domain() {
                return "fft";
            }

            @Override
            public List<org.fusemath.api.spi.ValidationCase> cases() {
                throw new NoClassDefFoundError("org/jtransforms/fft/DoubleFFT_1D");
            }
        };
        Cli r = Cli.run(providers(List.of(), broken), "validate");
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.out().contains("(suite fft)") && r.out().contains("NoClassDefFoundError"), r.out());
    }

    @Test
    void deviceCasesAreSkippedWithTheRuntimeBackendsReason() {
        FakeCase device = Fakes.passing("matmul", Space.DEVICE, true);
        FakeCase host = Fakes.passing("matmul", Space.HOST, true);
        Cli none = Cli.run(providers(List.of(), Fakes.suite("blas", host, device)), "validate");
        assertEquals(0, none.exit(), none.toString());
        assertTrue(none.out().matches("(?s).*matmul +F64 +2x2 +device +- +- +SKIP .*"), none.out());
        assertTrue(none.out().contains("device cases skipped: no device backend on the class path"), none.out());
        assertEquals(0, device.runs.size());

        Backend noDriver = Fakes.deviceRuntime(Availability.unusable("libcuda.so.1 not found", "install the NVIDIA driver"));
        Cli unusable = Cli.run(providers(List.of(noDriver), Fakes.suite("blas", host, device)), "validate");
        assertEquals(0, unusable.exit());
        assertTrue(unusable.out().contains("device cases skipped: libcuda.so.1 not found (install the NVIDIA driver)"), unusable.out());
        assertEquals(0, device.runs.size());

        Cli usable = Cli.run(providers(List.of(Fakes.deviceRuntime(Availability.ok())), Fakes.suite("blas", host, device)), "validate");
        assertEquals(0, usable.exit(), usable.toString());
        assertEquals(List.of(Execution.device(0)), device.runs, "a usable device runs the case in a device context");
        assertEquals(List.of(Execution.HOST, Execution.HOST, Execution.HOST), host.runs);
    }

    @Test
    void anOperationNameSelectsEveryVariantOfIt() {
        FakeCase plain = Fakes.passing("matmul[TN]", Space.HOST, false);
        FakeCase epilogue = Fakes.passing("matmul[NN]+relu_bias beta=0", Space.HOST, false);
        FakeCase lookalike = Fakes.passing("matmulx", Space.HOST, false);
        FakeCase gemv = Fakes.passing("gemv[T]", Space.HOST, false);
        Providers p = providers(List.of(), Fakes.suite("blas", plain, epilogue, lookalike, gemv));
        assertEquals(0, Cli.run(p, "validate", "--ops", "matmul").exit());
        assertEquals(List.of(1, 1, 0, 0), List.of(plain.runs.size(), epilogue.runs.size(), lookalike.runs.size(), gemv.runs.size()));
        assertEquals(0, Cli.run(p, "validate", "--ops", "matmul[TN],gemv").exit());
        assertEquals(List.of(2, 1, 0, 1), List.of(plain.runs.size(), epilogue.runs.size(), lookalike.runs.size(), gemv.runs.size()));
        Cli unknown = Cli.run(p, "validate", "--ops", "matmal");
        assertEquals(ExitCodes.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("known operations: [gemv, matmul, matmulx] (or an exact case name such as gemv[T])"),
                unknown.err());
    }

    @Test
    void everyExecOperationNameSelectsItsRegisteredValidateCases() {
        // The names exec --list prints are the names --ops takes: each registered BLAS op has cases under its name.
        Providers real = Providers.fromClassPath();
        org.fusemath.validation.harness.ValidationRunner runner = new org.fusemath.validation.harness.ValidationRunner(
                real.suites(), org.fusemath.validation.harness.DeviceStatus.from(List.of()));
        for (String op : List.of("matmul", "gemv", "syrk", "dot", "slogdet", "lu", "eigvals", "eigvalsh")) {
            List<org.fusemath.validation.harness.ValidationRunner.Planned> planned = runner.plan(
                    new org.fusemath.validation.harness.CaseSelection(java.util.EnumSet.allOf(Space.class), java.util.Set.of(op), false));
            assertFalse(planned.isEmpty(), op);
            for (var c : planned) {
                assertEquals(op, org.fusemath.validation.harness.CaseSelection.family(c.validationCase().op()), c.toString());
            }
        }
        long matmulCases = runner.plan(org.fusemath.validation.harness.CaseSelection.all()).stream()
                .filter(c -> c.validationCase() != null && c.validationCase().op().startsWith("matmul[")).count();
        assertTrue(matmulCases > 100, "every matmul variant: " + matmulCases);
        assertEquals(matmulCases, runner.plan(new org.fusemath.validation.harness.CaseSelection(java.util.EnumSet.allOf(Space.class),
                java.util.Set.of("matmul"), false)).size());
    }

    @Test
    void filtersSelectBySpaceOpAndQuick() {
        FakeCase hostQuick = Fakes.passing("gemm", Space.HOST, true);
        FakeCase hostFull = Fakes.passing("gemm", Space.HOST, false);
        FakeCase other = Fakes.passing("axpy", Space.HOST, true);
        FakeCase device = Fakes.passing("gemm", Space.DEVICE, true);
        Providers p = providers(List.of(Fakes.deviceRuntime(Availability.ok())), Fakes.suite("blas", hostQuick, hostFull, other, device));

        assertEquals(0, Cli.run(p, "validate", "--quick", "--ops", "gemm", "--space", "host").exit());
        assertEquals(1, hostQuick.runs.size());
        assertEquals(0, hostFull.runs.size() + other.runs.size() + device.runs.size());

        assertEquals(0, Cli.run(p, "validate", "--space", "device").exit());
        assertEquals(1, device.runs.size());
        assertEquals(1, hostQuick.runs.size());
        assertEquals(0, hostFull.runs.size() + other.runs.size());

        assertEquals(0, Cli.run(p, "validate", "--ops", "axpy,gemm").exit());
        assertEquals(2, hostQuick.runs.size());
        assertEquals(1, hostFull.runs.size());
        assertEquals(1, other.runs.size());
        assertEquals(2, device.runs.size());

        Cli unknown = Cli.run(p, "validate", "--ops", "gemv");
        assertEquals(ExitCodes.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("--ops names no registered case: [gemv]; known operations: [axpy, gemm]"), unknown.err());
        Cli badSpace = Cli.run(p, "validate", "--space", "gpu");
        assertEquals(ExitCodes.FAILURE, badSpace.exit());
        assertTrue(badSpace.err().contains("--space = 'gpu': expected host, device or all"), badSpace.err());
    }

    @Test
    void jsonReportParsesBackWithTheSameRows(@TempDir Path dir) throws Exception {
        FakeCase bad = new FakeCase("gemm", Space.HOST, true, c -> new ValidationResult(2, 1, "ulps"));
        FakeCase nan = new FakeCase("nrm2", Space.HOST, true, c -> new ValidationResult(Double.NaN, 1, "ulps"));
        Providers p = providers(List.of(), Fakes.suite("blas", Fakes.passing("axpy", Space.HOST, true), bad, nan,
                Fakes.passing("gemm", Space.DEVICE, true)));
        Path json = dir.resolve("report.json");
        Cli r = Cli.run(p, "validate", "--json", json.toString());
        assertEquals(ExitCodes.FAILURE, r.exit());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, root.get("summary").get("total").asInt());
        assertEquals(1, root.get("summary").get("passed").asInt());
        assertEquals(2, root.get("summary").get("failed").asInt());
        assertEquals(1, root.get("summary").get("skipped").asInt());
        assertEquals("no device backend on the class path", root.get("device").get("reason").asText());
        JsonNode rows = root.get("cases");
        assertEquals(4, rows.size());
        assertEquals("axpy", rows.get(0).get("op").asText());
        assertEquals("PASS", rows.get(0).get("status").asText());
        assertEquals(1e-17, rows.get(0).get("error").asDouble());
        assertEquals("max relative", rows.get(0).get("metric").asText());
        assertEquals("FAIL", rows.get(1).get("status").asText());
        assertEquals(2.0, rows.get(1).get("error").asDouble());
        assertEquals("NaN", rows.get(2).get("error").asText(), "non-finite errors stay valid JSON");
        assertEquals("SKIP", rows.get(3).get("status").asText());
        assertTrue(rows.get(3).get("error").isNull());
        assertEquals("host", rows.get(0).get("space").asText());
        assertEquals("F64", rows.get(0).get("dtype").asText());
        assertEquals("2x2", rows.get(0).get("shape").asText());
        assertTrue(rows.get(0).get("millis").asDouble() >= 0);

        Cli stdout = Cli.run(p, "validate", "--json", "-");
        JsonNode fromStdout = new ObjectMapper().readTree(stdout.out());
        assertEquals(4, fromStdout.get("cases").size());
        assertTrue(stdout.err().contains("status"), "the table goes to stderr when JSON takes stdout");
    }
}
