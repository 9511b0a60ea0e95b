package org.fusemath.blas.host;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.FuseContext;
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
            String preset = OpenBlasLibrary.presetVersion();
            String config = blas.config();
            boolean reported = blas.callPath().equals("ffm");
            // The preset's version is <OpenBLAS version>-<JavaCPP version>; the library's own string wins where reachable.
            String[] words = config.split(" ");
            d.put("version", reported && words.length > 1 ? words[1]
                    : preset.split("-")[0] + " (the version the JavaCPP preset bundles)");
            d.put("build", reported ? config : "not reported on this call path (openblas_get_config is not bound by JavaCPP)");
            d.put("JavaCPP preset", "org.bytedeco:openblas " + preset
                    + (preset.contains("-") ? " (JavaCPP " + preset.substring(preset.indexOf('-') + 1) + ")" : ""));
            d.put("core", blas.coreName());
            int threads = blas.threads();
            d.put("threads", "OpenBLAS " + (threads > 0 ? threads + " in force now"
                    : "default (OPENBLAS_NUM_THREADS or the core count) for now")
                    + " (each call runs with its context's count); context default " + FuseContext.defaults().threads()
                    + "; available processors " + Runtime.getRuntime().availableProcessors() + " (the cap)");
            d.put("native-call threads", (NativeCallThreads.stackSize() >> 20) + " MB stack (-D" + NativeCallThreads.PROPERTY
                    + "), for the threaded LU and the spectral drivers (on Java 22+ a caller with as deep a stack runs them"
                    + " itself); other calls run on the caller's thread");
            d.put("call path", blas.callPath());
            d.put("call path reason", NativeCalls.reason());
            if (!blas.callPath().equals("javacpp")) {
                long limit = CriticalCalls.limit();
                d.put("critical calls up to", limit == Long.MAX_VALUE ? "any size (-D" + CriticalCalls.PROPERTY
                        + " bounds the GC pause a long call can cause)" : limit + " multiply-adds (-D" + CriticalCalls.PROPERTY
                        + "), larger ones staged");
            } else {
                d.put("critical calls up to", "not applicable: on this call path calls are staged through off-heap"
                        + " buffers, never critical calls (-D" + CriticalCalls.PROPERTY + " applies to the FFM and netlib paths)");
            }
            d.put("java kernel up to m·n·k", JavaGemm.crossover(blas.callPath(), false) + " (complex: "
                    + JavaGemm.crossover(blas.callPath(), true) + ")");
        } catch (Throwable e) {
            d.put("error", e.toString());
        }
        return d;
    }
}
