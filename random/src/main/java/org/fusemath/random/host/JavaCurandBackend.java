package org.fusemath.random.host;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/** The pure-Java cuRAND-compatible host generators, as {@code fusemath info} lists them. */
public final class JavaCurandBackend implements Backend {
    @Override
    public String name() {
        return "java-curand";
    }

    @Override
    public String domain() {
        return "random";
    }

    @Override
    public Space space() {
        return Space.HOST;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("generators", "PHILOX4_32_10, XORWOW, MRG32K3A");
        d.put("ordering", "CURAND_ORDERING_PSEUDO_DEFAULT");
        d.put("bit-exact", "uint32, uniform, normal (float, double); log-normal by construction; Poisson statistical");
        d.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return d;
    }
}
