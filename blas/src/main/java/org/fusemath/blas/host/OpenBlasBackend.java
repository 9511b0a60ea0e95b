package org.fusemath.blas.host;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Availability;
import org.fusemath.api.spi.Backend;

/** The host BLAS backend as {@code fusemath info} lists it: OpenBLAS, its configuration, threads and call path. */
public final class OpenBlasBackend implements Backend {
    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public String domain() {
        return "blas";
    }

    @Override
    public Space space() {
        return Space.HOST;
    }

    @Override
    public Availability availability() {
        try {
            NativeCalls.blas();
            return Availability.ok();
        } catch (Throwable e) {
            return Availability.unusable("OpenBLAS could not be loaded: " + e,
                    "put org.bytedeco:openblas:" + "0.3.31-1.5.13 with the classifier of this platform on the class path");
        }
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        try {
            NativeBlas blas = NativeCalls.blas();
            d.put("version", blas.config());
            d.put("core", blas.coreName());
            int threads = blas.threads();
            d.put("threads", threads > 0 ? Integer.toString(threads)
                    : "OpenBLAS default (OPENBLAS_NUM_THREADS or the core count) until an operation sets the context's");
            d.put("call path", blas.callPath());
            d.put("call path reason", NativeCalls.reason());
            if (!blas.callPath().equals("javacpp")) {
                long limit = CriticalCalls.limit();
                d.put("critical calls up to", limit == Long.MAX_VALUE ? "any size (-D" + CriticalCalls.PROPERTY
                        + " bounds the GC pause a long call can cause)" : limit + " multiply-adds, larger ones staged");
            }
            d.put("preset", OpenBlasLibrary.presetVersion());
            d.put("java kernel up to m·n·k", JavaGemm.crossover(blas.callPath(), false) + " (complex: "
                    + JavaGemm.crossover(blas.callPath(), true) + ")");
        } catch (Throwable e) {
            d.put("error", e.toString());
        }
        return d;
    }
}
