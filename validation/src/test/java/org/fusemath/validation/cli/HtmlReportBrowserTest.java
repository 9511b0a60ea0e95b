package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code validate --html} page of a real quick run opens in headless Chromium: the page logs nothing but its own
 * readiness line (no error, warning or uncaught exception), the browser decodes every plot, and a screenshot is
 * written to {@code target/validate-report/}. Skipped, saying why, where no Chromium can be started
 * ({@code -Dfusemath.chromium=/path/to/chromium} names one).
 */
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of("target", "validate-report");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE(?::|\\()\\d+\\)?\\] \"(.*)\", source: (\\S+)");

    private record Run(int exit, String stdout, String stderr) {
    }

    private static String chromium() {
        String named = System.getProperty("fusemath.chromium");
        if (named != null && !named.isBlank()) {
            return named;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    private static Run browse(String chromium, Path profile, Path page, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile(profile, "out", ".txt");
        Path stderr = Files.createTempFile(profile, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "", "chromium did not finish within 90 s");
        }
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void theReportOpensInHeadlessChromiumWithEveryPlotAndNoConsoleMessage(@TempDir Path profile) throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium on PATH (Debian: apt-get install chromium; or -Dfusemath.chromium=PATH)");
        Files.createDirectories(OUT);
        Path page = OUT.resolve("report.html").toAbsolutePath();
        Cli r = Cli.run("validate", "--quick", "--space", "all", "--html", page.toString(), "--progress", "none");
        assertEquals(0, r.exit(), r.toString());

        Run dom = browse(chromium, profile, page, "--dump-dom");
        assumeTrue(dom.exit() == 0 && dom.stdout().contains("<body"), "chromium could not be started (" + chromium + ", exit "
                + dom.exit() + "): " + dom.stderr().lines().limit(5).toList());
        Matcher plots = Pattern.compile("<body data-plots=\"(\\d+)\" data-plots-loaded=\"(\\d+)\"").matcher(dom.stdout());
        assertTrue(plots.find(), "the page's body carries its plot counts: " + dom.stdout().lines().limit(20).toList());
        int expected = Integer.parseInt(plots.group(1));
        assertTrue(expected >= 4, "error and time plots for the shipped domains: " + expected);
        assertEquals(expected, Integer.parseInt(plots.group(2)), "every plot decoded by the browser (naturalWidth > 0)");
        assertEquals(expected, dom.stdout().split("<figure class=\"plot\"", -1).length - 1, "one figure per plot");

        // Chromium logs each console message (any level) and each uncaught exception as one CONSOLE line: the page may
        // log only its own readiness line.
        List<String> messages = new ArrayList<>();
        Matcher console = CONSOLE.matcher(dom.stderr());
        while (console.find()) {
            messages.add(console.group(1));
        }
        assertEquals(List.of("fusemath report: " + expected + " of " + expected + " plots loaded"), messages, dom.stderr());

        Path screenshot = OUT.resolve("screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Run shot = browse(chromium, profile, page, "--screenshot=" + screenshot, "--window-size=1280,2400",
                "--hide-scrollbars");
        assertEquals(0, shot.exit(), shot.stderr());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1280, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "the screenshot shows the page, not a blank window: " + colours.size() + " colours");
        System.out.println("[fusemath] validate --html report and its Chromium screenshot: " + page + ", " + screenshot);
    }
}
