package org.fusemath.random.device;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/** cuRAND on the device, as {@code fusemath info} lists it; its availability comes from {@link CurandProbe}. */
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
        CurandProbe.Result r = CurandProbe.result();
        d.put("devices", Integer.toString(r.devices()));
        d.put("curand", r.curandVersion() == 0 ? "not loaded" : Integer.toString(r.curandVersion()));
        return d;
    }
}
