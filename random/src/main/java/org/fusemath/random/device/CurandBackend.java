package org.fusemath.random.device;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;
import org.fusemath.cuda.CudaProbe;

/** cuRAND on the device, as {@code fusemath info} lists it; its availability is the device probe's for cuRAND. */
public final class CurandBackend implements Backend {
    @Override
    public String name() {
        return "curand";
    }

    @Override
    public String domain() {
        return "random";
    }

    @Override
    public Space space() {
        return Space.DEVICE;
    }

    @Override
    public Availability availability() {
        return CurandDeviceGenerator.probe();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("devices", Integer.toString(CudaProbe.get().devices().size()));
        int version = CurandDeviceGenerator.curandVersion();
        d.put("curand", version == 0 ? "not loaded" : Integer.toString(version));
        return d;
    }
}
