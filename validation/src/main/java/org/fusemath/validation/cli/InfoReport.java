package org.fusemath.validation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.fusemath.api.spi.RuntimeFeatures;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.validation.harness.DeviceStatus;

/** What {@code fusemath info} reports: the JVM, OS and CPU, the host call path, every backend and the device. */
record InfoReport(String fusemath, JavaInfo java, OsInfo os, CpuInfo cpu, String nativeCallPath,
                  boolean foreignFunctions, DeviceStatus device, List<BackendInfo> backends,
                  List<String> providerErrors, JarLayout jar) {

    /** The running JVM. */
    record JavaInfo(String version, String vendor, String vm, String home) {
    }

    /** The operating system. */
    record OsInfo(String name, String version, String arch) {
    }

    /** The processor model (from /proc/cpuinfo where present) and the processors the JVM may use. */
    record CpuInfo(String model, int cores) {
    }

    /** One backend as it describes itself; a backend that throws is shown unusable with the exception. */
    record BackendInfo(String name, String domain, String space, boolean usable, String reason, String remedy,
                       Map<String, String> details) {
        static BackendInfo of(Backend b) {
            String name = safe(b::name, b.getClass().getName());
            String domain = safe(b::domain, "?");
            String space = safe(() -> b.space().name().toLowerCase(Locale.ROOT), "?");
            Availability a;
            try {
                a = b.availability();
            } catch (RuntimeException | LinkageError e) {
                a = Availability.unusable("its availability check threw " + e, "");
            }
            Map<String, String> details;
            try {
                details = new LinkedHashMap<>(b.details());
            } catch (RuntimeException | LinkageError e) {
                details = Map.of("error", e.toString());
            }
            return new BackendInfo(name, domain, space, a.usable(), a.reason(), a.remedy(), details);
        }
    }

    private interface Getter {
        String get();
    }

    private static String safe(Getter g, String fallback) {
        try {
            String v = g.get();
            return v == null ? fallback : v;
        } catch (RuntimeException | LinkageError e) {
            return fallback;
        }
    }

    /** Gathers the report; never throws for a misbehaving backend. */
    static InfoReport collect(Providers providers) {
        List<Backend> backends = providers.backends();
        List<BackendInfo> infos = new ArrayList<>();
        for (Backend b : backends) {
            infos.add(BackendInfo.of(b));
        }
        infos.sort(Comparator.comparing(BackendInfo::domain).thenComparing(BackendInfo::space).thenComparing(BackendInfo::name));
        return new InfoReport(BuildInfo.version(),
                new JavaInfo(System.getProperty("java.runtime.version", System.getProperty("java.version")),
                        System.getProperty("java.vendor"), System.getProperty("java.vm.name"), System.getProperty("java.home")),
                new OsInfo(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")),
                new CpuInfo(cpuModel(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors()),
                hostCallPath(), RuntimeFeatures.foreignFunctions(),
                DeviceStatus.from(backends), infos, providers.loadErrors(), JarLayout.ofRunningCode());
    }

    /**
     * The host call path the blas module selected ({@code ffm}, {@code netlib} or {@code javacpp}); the JDK's
     * preferred one when OpenBLAS cannot load at all (then every host backend reports why).
     */
    static String hostCallPath() {
        try {
            return NativeCalls.callPath();
        } catch (RuntimeException | LinkageError e) {
            return RuntimeFeatures.nativeCallPath();
        }
    }

    /** The first "model name" (x86) or "Hardware"/"Model" (ARM) line of a cpuinfo file, else os.arch. */
    static String cpuModel(Path cpuinfo) {
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String key : List.of("model name", "Hardware", "Model", "cpu model")) {
                    for (String line : Files.readAllLines(cpuinfo)) {
                        int colon = line.indexOf(':');
                        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                            String v = line.substring(colon + 1).trim();
                            if (!v.isEmpty()) {
                                return v;
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the architecture name
        }
        return "unknown " + System.getProperty("os.arch") + " processor";
    }
}
