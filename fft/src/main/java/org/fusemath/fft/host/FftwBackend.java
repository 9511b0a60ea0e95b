package org.fusemath.fft.host;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/**
 * The opt-in FFTW host provider as {@code fusemath info} lists it: whether FFTW is on the class path (and if not
 * what to add), its version, the preset's and the call path. Never throws. Thread-safe.
 */
public final class FftwBackend implements Backend {
    @Override
    public String name() {
        return "fftw";
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
        return Fftw.availability();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        if (!availability().usable()) {
            details.put("licence", "GPL-2.0-or-later (optional: the application adds it)");
            return details;
        }
        try {
            details.put("version", Fftw.version());
            details.put("preset", FftwLibrary.presetVersion());
            details.put("call path", Fftw.callPath());
            details.put("planner effort", FftwProvider.effortFromProperty().name());
        } catch (RuntimeException e) {
            details.put("error", e.toString());
        }
        return details;
    }
}
