package org.fusemath.fft;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.fusemath.api.Execution;
import org.fusemath.api.FusemathException;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.spi.FftProvider;

/** The host FFT providers on the class path, by name, found once through {@link ServiceLoader}. */
final class Providers {
    private static volatile Map<String, FftProvider> byName;
    /** Availability does not change while the JVM runs; asked once per provider (it loads classes to answer). */
    private static final Map<String, Availability> AVAILABILITY = new java.util.concurrent.ConcurrentHashMap<>();

    private Providers() {
    }

    /** The usable host provider {@code name} for {@code execution}, or an exception naming what is wrong. */
    static FftProvider host(String name, Execution execution) {
        if (execution.kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("execution", execution,
                    "host or auto: no device FFT provider is registered in this build (cuFFT plans are described but not"
                            + " executed here)");
        }
        FftProvider p = all().get(name);
        if (p == null) {
            throw new InvalidArgumentException("provider", "'" + name + "'", "one of " + all().keySet()
                    + " (the FFT providers on the class path)");
        }
        Availability a = AVAILABILITY.computeIfAbsent(name, k -> p.availability());
        if (!a.usable()) {
            throw new FusemathException("FFT provider " + name + " is not usable: " + a);
        }
        return p;
    }

    static Map<String, FftProvider> all() {
        Map<String, FftProvider> m = byName;
        if (m == null) {
            synchronized (Providers.class) {
                m = byName;
                if (m == null) {
                    m = new TreeMap<>();
                    for (FftProvider p : ServiceLoader.load(FftProvider.class, Providers.class.getClassLoader())) {
                        m.putIfAbsent(p.name(), p);
                    }
                    byName = m;
                }
            }
        }
        return m;
    }
}
