package org.fusemath.fft;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.api.FusemathException;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.spi.FftProvider;

/**
 * The one place an FFT chooses where it runs: {@link #select} sends DEVICE to cuFFT (after asking the CUDA probe,
 * whose {@link org.fusemath.api.DeviceUnavailableException} names why there is no device) and HOST/AUTO to the host
 * provider of that name, found once through {@link ServiceLoader}.
 */
final class Providers {
    private static volatile Map<String, FftProvider> byName;
    /** Availability does not change while the JVM runs; asked once per provider (it loads classes to answer). */
    private static final Map<String, Availability> AVAILABILITY = new java.util.concurrent.ConcurrentHashMap<>();

    private Providers() {
    }

    /**
     * The provider for {@code execution}: cuFFT on its device for DEVICE (a DeviceUnavailableException with the probe's
     * reason when that device or cuFFT is not usable), else the usable host provider {@code name}. AUTO runs on the
     * host: heap operands would pay two copies over the bus, so the device is used only when asked for.
     */
    static FftProvider select(String name, Execution execution) {
        if (execution.kind() == Execution.Kind.DEVICE) {
            FuseContext context = FuseContext.builder().execution(execution).build();
            CudaDevices.require(context.deviceId(), CudaLibrary.CUFFT);
            return new CufftProvider(context);
        }
        return host(name, execution);
    }

    /** The usable host provider {@code name}, or an exception naming what is wrong. */
    static FftProvider host(String name, Execution execution) {
        if (execution.kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("execution", execution, "host or auto for a host provider");
        }
        Usable last = lastUsable;
        if (last != null && last.name.equals(name)) {
            // The function forms' hot path: the same provider call after call, no map lookups.
            return last.provider;
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
        lastUsable = new Usable(name, p);
        return p;
    }

    /** The host provider found usable last, with its name (one immutable pair, so readers see both or neither). */
    private record Usable(String name, FftProvider provider) {
    }

    private static volatile Usable lastUsable;

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
