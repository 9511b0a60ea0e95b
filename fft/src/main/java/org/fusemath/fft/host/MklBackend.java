package org.fusemath.fft.host;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/**
 * The opt-in MKL host provider as {@code fusemath info} lists it: whether MKL's FFTW3 interface is reachable here
 * (org.bytedeco:mkl on the class path, Java 22+), and if not what to add; its call path when it is. Never throws.
 * Thread-safe.
 */
public final class MklBackend implements Backend {
    @Override
    public String name() {
        return "mkl";
    }

    @Override
    public String domain() {
        return "fft";
    }

    @Override
    public Space space() {
        return Space.HOST;
    }

    @Override
    public Availability availability() {
        return MklFftw.availability();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("interface", "MKL's FFTW3 wrappers in libmkl_rt, through FFM (Java 22+)");
        if (availability().usable()) {
            try {
                details.put("call path", MklFftw.table().callPath());
                details.put("preset", MklFftw.PRESET_VERSION);
            } catch (RuntimeException e) {
                details.put("error", e.toString());
            }
        }
        return details;
    }
}
