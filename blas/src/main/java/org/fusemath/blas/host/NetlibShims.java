package org.fusemath.blas.host;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * Loads dev.ludovic.netlib's JNI shims (the BLAS/LAPACK layer Apache Spark ships) pointed at the OpenBLAS
 * file JavaCPP loaded, and proves that every Fortran symbol the shims will call resolves into that file.
 *
 * <p>The shims pin the caller's heap arrays ({@code GetPrimitiveArrayCritical}) and call OpenBLAS's Fortran
 * entry points on them, so there is no copy. They find their symbols with a process-wide {@code dlsym}: a
 * symbol OpenBLAS lacks would be called through a null pointer (a JVM crash), and another BLAS loaded into
 * the process first would silently take the calls (another thread pool, another thread count). Both are ruled
 * out here before the shims are used; any failure is an {@link IllegalStateException} whose message is the
 * reason the caller logs, never an {@link UnsatisfiedLinkError}.
 */
final class NetlibShims {
    static final String BLAS_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    static final String LAPACK_PATH = "dev.ludovic.netlib.lapack.nativeLibPath";

    /** The Fortran symbols NetlibBlas and NetlibLapack call, both precisions. */
    private static final String[] SYMBOLS = {
        "gemm_", "symm_", "syrk_", "trmm_", "trsm_", "gemv_", "ger_", "trsv_", "dot_", "axpy_", "scal_", "nrm2_",
        "asum_", "amax_", "getrf_", "getrs_", "potrf_", "potrs_", "geqrf_",
        "gesdd_", "gesvd_", "syevd_", "geev_",
        "gecon_", "orgqr_", "gelsd_",
    };

    private final NativeBLAS blas;
    private final NativeLAPACK lapack;
    private final String library;

    private NetlibShims(NativeBLAS blas, NativeLAPACK lapack, String library) {
        this.blas = blas;
        this.lapack = lapack;
        this.library = library;
    }

    NativeBLAS blas() {
        return blas;
    }

    NativeLAPACK lapack() {
        return lapack;
    }

    /** The OpenBLAS file the shims call. */
    String library() {
        return library;
    }

    /**
     * Whether the column-major view of an operand ({@code cols} columns of {@code ld} slots from {@code from}) lies
     * wholly in its array. The shims' own checks demand that ({@code from + cols·ld - 1} must be an index) where
     * BLAS needs only the last column's rows; a call that fails it must take the staging table.
     */
    static boolean whole(Object array, int from, int cols, int ld) {
        int length = array instanceof double[] d ? d.length : ((float[]) array).length;
        return from + (long) cols * ld <= length;
    }

    /** Loads and verifies the shims; throws {@link IllegalStateException} with the reason when they are unusable. */
    static NetlibShims load() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        String resource = "resources/native/" + os + "-" + arch + "/libnetlibblasjni.so";
        if (NativeBLAS.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("dev.ludovic.netlib ships no JNI shim for " + os + "-" + arch);
        }
        try {
            // The shims' JNI_OnLoad looks these holder classes up; without them the shim library refuses to load.
            Class.forName("org.netlib.util.intW", false, NativeBLAS.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("org.netlib.util (net.sourceforge.f2j:arpack_combined_all, which"
                    + " dev.ludovic.netlib depends on) is not on the class path");
        }
        String openblas = OpenBlasLibrary.loadForSymbols();
        OpenBlasLibrary.loadWithLapack();
        pointAt(BLAS_PATH, openblas);
        pointAt(LAPACK_PATH, openblas);
        NativeBLAS blas;
        NativeLAPACK lapack;
        // Its instance builder also probes its pure-Java fallbacks and logs a warning (through
        // java.util.logging) for each one this JDK lacks; those are not used here, so the probe stays quiet.
        List<Logger> quiet = quieten("dev.ludovic.netlib.blas.InstanceBuilder",
                "dev.ludovic.netlib.lapack.InstanceBuilder");
        try {
            blas = NativeBLAS.getInstance();
            lapack = NativeLAPACK.getInstance();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("dev.ludovic.netlib could not load its JNI shim for " + os + "-" + arch
                    + " against " + openblas + " (" + e.getMessage() + ")", e);
        } finally {
            for (Logger l : quiet) {
                l.setLevel(null);
            }
        }
        verifySymbols(openblas);
        return new NetlibShims(blas, lapack, openblas);
    }

    /** Sets a shim's library property unless the user set it; a user's value must name the same file. */
    private static void pointAt(String property, String openblas) {
        String set = System.getProperty(property);
        if (set == null || set.isBlank()) {
            System.setProperty(property, openblas);
        } else if (!sameFile(set, openblas)) {
            throw new IllegalStateException("-D" + property + "=" + set + " names another library than the OpenBLAS"
                    + " fusemath loads (" + openblas + "); the shims would call a second BLAS instance");
        }
    }

    private static boolean sameFile(String a, String b) {
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<Logger> quieten(String... names) {
        List<Logger> quiet = new ArrayList<>();
        for (String name : names) {
            Logger l = Logger.getLogger(name);
            if (l.getLevel() == null) {
                l.setLevel(Level.SEVERE);
                quiet.add(l); // held strongly until the level is restored
            }
        }
        return quiet;
    }

    /**
     * Checks that each symbol the shims call resolves, through the process-wide lookup they use, to code mapped
     * from {@code openblas}. The shims resolved their pointers the same way when they loaded, so a symbol found
     * here is the one they call.
     */
    private static void verifySymbols(String openblas) {
        List<long[]> ranges = mappedRanges(openblas);
        if (ranges.isEmpty()) {
            throw new IllegalStateException("cannot find " + openblas + " in /proc/self/maps to verify the shims'"
                    + " symbols");
        }
        for (String base : SYMBOLS) {
            for (String prefix : new String[] {"d", "s"}) {
                // i?amax puts the type letter second.
                String symbol = base.equals("amax_") ? "i" + prefix + base : prefix + base;
                Pointer p = Loader.addressof(symbol);
                long address = p == null ? 0 : p.address();
                if (address == 0) {
                    throw new IllegalStateException("the netlib shims would call " + symbol + ", which no loaded"
                            + " library defines");
                }
                if (!inside(ranges, address)) {
                    throw new IllegalStateException("the netlib shims would call " + symbol + " of another library"
                            + " than " + openblas + " (a second BLAS is loaded globally)");
                }
            }
        }
    }

    private static boolean inside(List<long[]> ranges, long address) {
        for (long[] r : ranges) {
            if (address >= r[0] && address < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** The address ranges mapped from {@code file} (Linux: /proc/self/maps), empty where that cannot be read. */
    static List<long[]> mappedRanges(String file) {
        List<long[]> ranges = new ArrayList<>();
        Path target;
        try {
            target = Path.of(file).toRealPath();
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0 || !Path.of(line.substring(slash).trim()).equals(target)) {
                    continue;
                }
                int dash = line.indexOf('-');
                int space = line.indexOf(' ');
                ranges.add(new long[] {Long.parseUnsignedLong(line.substring(0, dash), 16),
                    Long.parseUnsignedLong(line.substring(dash + 1, space), 16)});
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return ranges;
    }
}
