package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    @Test
    void withoutADeviceBackendItSaysSoAndExitsZero() {
        Cli r = Cli.run(Providers.of(List.of(), List.of(), List.of()), "info");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Java       " + System.getProperty("java.runtime.version")), r.out());
        assertTrue(r.out().contains("Java home  " + System.getProperty("java.home")), r.out());
        assertTrue(r.out().contains("cores available"), r.out());
        assertTrue(r.out().contains("Host calls " + InfoReport.hostCallPath()), r.out());
        assertTrue(r.out().contains("Device     none: no device backend on the class path"), r.out());
        assertTrue(r.out().contains("Backends: none registered"), r.out());
    }

    @Test
    void listsTheClassPathBackends() {
        Cli r = Cli.run("info");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*jtransforms +fft +host +usable.*version: \\d+\\.\\d+.*"), r.out());
    }

    private static Providers fakes() {
        Backend cuda = Fakes.deviceRuntime(Availability.unusable("no NVIDIA driver library (libcuda.so.1)",
                "install the NVIDIA driver"));
        Backend blas = new Fakes.FakeBackend("openblas", "blas", Space.HOST, Availability.ok(),
                Map.of("version", "0.3.31", "threads", "2"));
        Backend throwing = new Backend() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public String domain() {
                return "fft";
            }

            @Override
            public Space space() {
                return Space.DEVICE;
            }

            @Override
            public Availability availability() {
                throw new IllegalStateException("probe exploded");
            }

            @Override
            public Map<String, String> details() {
                return Map.of();
            }
        };
        return Providers.of(List.of(throwing, blas, cuda), List.of(), List.of());
    }

    @Test
    void showsEachBackendWithReasonRemedyAndDetails() {
        Cli r = Cli.run(fakes(), "info");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Device     not usable: no NVIDIA driver library (libcuda.so.1) (install the NVIDIA driver)"), r.out());
        assertTrue(r.out().matches("(?s).*openblas +blas +host +usable\n +version: 0\\.3\\.31\n +threads: 2\n.*")
                || r.out().matches("(?s).*openblas +blas +host +usable\n +threads: 2\n +version: 0\\.3\\.31\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*cuda +runtime +device +not usable: no NVIDIA driver library \\(libcuda.so.1\\)\n +remedy: install the NVIDIA driver.*"), r.out());
        assertTrue(r.out().contains("flaky        fft      device not usable: its availability check threw java.lang.IllegalStateException: probe exploded"), r.out());
        // Sorted by domain: blas, fft, runtime.
        assertTrue(r.out().indexOf("openblas") < r.out().indexOf("flaky") && r.out().indexOf("flaky") < r.out().indexOf("cuda "), r.out());
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        Cli r = Cli.run(fakes(), "info", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(System.getProperty("java.home"), root.get("java").get("home").asText());
        assertEquals(System.getProperty("java.vendor"), root.get("java").get("vendor").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), root.get("cpu").get("cores").asInt());
        assertEquals(InfoReport.hostCallPath(), root.get("nativeCallPath").asText());
        assertFalse(root.get("device").get("usable").asBoolean());
        assertEquals("no NVIDIA driver library (libcuda.so.1) (install the NVIDIA driver)", root.get("device").get("reason").asText());
        JsonNode backends = root.get("backends");
        assertEquals(3, backends.size());
        JsonNode cuda = backends.get(2);
        assertEquals("cuda", cuda.get("name").asText());
        assertEquals("runtime", cuda.get("domain").asText());
        assertEquals("device", cuda.get("space").asText());
        assertFalse(cuda.get("usable").asBoolean());
        assertEquals("install the NVIDIA driver", cuda.get("remedy").asText());
        assertEquals("none", cuda.get("details").get("driver").asText());
        assertEquals("0.3.31", backends.get(0).get("details").get("version").asText());
    }

    @Test
    void cpuModelComesFromCpuinfo(@TempDir Path dir) throws Exception {
        Path x86 = Files.writeString(dir.resolve("x86"), "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9B14\nflags\t\t: fpu\n");
        assertEquals("AMD EPYC 9B14", InfoReport.cpuModel(x86));
        Path arm = Files.writeString(dir.resolve("arm"), "processor\t: 0\nBogoMIPS\t: 50.00\n\nHardware\t: BCM2835\n");
        assertEquals("BCM2835", InfoReport.cpuModel(arm));
        assertTrue(InfoReport.cpuModel(dir.resolve("missing")).contains(System.getProperty("os.arch")));
    }
}
