package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.validation.cli.Fakes.FakeCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --sizes}, the progress lines, the legend and the {@code --html} page (its content, not a browser). */
class ValidateReportTest {
    private static final Pattern PLOT = Pattern.compile("<img alt=\"([^\"]*)\" width=\"560\" height=\"320\" src=\"data:image/png;base64,([^\"]+)\">");

    private static FakeCase sized(String op, String shape, double error) {
        return new FakeCase(op, Space.HOST, true, shape, c -> new ValidationResult(error, 1, "max |error| / GEMM forward bound"));
    }

    @Test
    void sizesSelectByTheLargestDimension() {
        FakeCase small = sized("matmul", "7x5x3", 0.1);
        FakeCase large = sized("matmul", "257x3x2", 0.1);
        FakeCase vector = sized("axpy", "n=33", 0.1);
        Providers p = Providers.of(List.of(), List.of(), List.of(Fakes.suite("blas", small, large, vector)));
        assertEquals(0, Cli.run(p, "validate", "--sizes", "-33", "--progress", "none").exit());
        assertEquals(List.of(1, 0, 1), List.of(small.runs.size(), large.runs.size(), vector.runs.size()));
        assertEquals(0, Cli.run(p, "validate", "--sizes", "7,100-", "--progress", "none").exit());
        assertEquals(List.of(2, 1, 1), List.of(small.runs.size(), large.runs.size(), vector.runs.size()));
        Cli bad = Cli.run(p, "validate", "--sizes", "9-3");
        assertNotEquals(0, bad.exit());
        assertTrue(bad.err().contains("--sizes = '9-3'"), bad.toString());
    }

    @Test
    void progressLinesGoToStderrAndTheLegendExplainsTheErrorColumn() {
        FakeCase[] cases = new FakeCase[20];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = sized("matmul", (i + 1) + "x4x4", 0.01 * i);
        }
        Cli r = Cli.run(Providers.of(List.of(), List.of(), List.of(Fakes.suite("blas", cases))), "validate", "--progress", "lines");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("validate: 2/20 cases (10%), 0 failed"), r.err());
        assertTrue(r.err().contains("validate: 20/20 cases (100%), 0 failed"), r.err());
        assertTrue(r.out().contains("error: what each case measured beside its bound, PASS when error <= bound"), r.out());
        assertTrue(r.out().contains("  max |error| / GEMM forward bound (each element's error in units of its own error bound"),
                r.out());
        Cli quiet = Cli.run(Providers.of(List.of(), List.of(), List.of(Fakes.suite("blas", cases))), "validate", "--progress", "none");
        assertFalse(quiet.err().contains("validate: "), quiet.err());
    }

    @Test
    void theHtmlPageHoldsTheSummaryEveryCaseAndANonEmptyPlotPerOperationAndDomain(@TempDir Path dir) throws Exception {
        FakeCase fail = new FakeCase("gemv[T]", Space.HOST, true, "37x29 row-major",
                c -> new ValidationResult(3, 1, "max |error| / gemv forward bound"));
        FakeCase device = new FakeCase("matmul[NN]", Space.DEVICE, true, "7x5x3", c -> new ValidationResult(0.5, 1, "x"));
        Providers p = Providers.of(List.of(Fakes.deviceRuntime(Availability.unusable("libcuda.so.1 not found", "install the driver"))),
                List.of(), List.of(Fakes.suite("blas", sized("matmul[NN]", "7x5x3", 0.2), sized("matmul[TN]", "31x29x37", 0.05),
                        sized("matmul[NN]", "64x64x64", 0), fail, device), Fakes.suite("solver", sized("solve", "7x7", 0.3))));
        Path html = dir.resolve("report.html");
        Cli r = Cli.run(p, "validate", "--space", "all", "--html", html.toString(), "--progress", "none");
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
        assertTrue(page.contains("6 (3 passed, 1 failed, 1 skipped)") || page.contains("6 (4 passed, 1 failed, 1 skipped)"), page);
        assertTrue(page.contains("not usable: libcuda.so.1 not found (install the driver)"), "device verdict");
        assertTrue(page.contains("<th>JDK</th><td>" + System.getProperty("java.runtime.version")), "JDK");
        assertTrue(page.contains("<details open class=\"op\" data-op=\"gemv\">"), "a failing operation's table is open");
        assertTrue(page.contains("<tr class=\"skip\">"), "the device case is listed as skipped");
        assertFalse(page.contains("src=\"http") || page.contains("href=\"http") || page.contains("<script src"),
                "self-contained: nothing loaded from elsewhere");

        Matcher m = PLOT.matcher(page);
        Set<String> titles = new HashSet<>();
        while (m.find()) {
            titles.add(m.group(1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
            assertEquals(List.of(560, 320), List.of(image.getWidth(), image.getHeight()), m.group(1));
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 10, m.group(1) + " is drawn, not blank: " + colours.size() + " colours");
        }
        assertEquals(Set.of("matmul: error relative to its bound", "gemv: error relative to its bound",
                "solve: error relative to its bound", "blas: time against problem size", "solver: time against problem size"),
                titles);
        assertTrue(page.contains("data-plots=\"5\""), "the page states how many plots it carries");
    }
}
