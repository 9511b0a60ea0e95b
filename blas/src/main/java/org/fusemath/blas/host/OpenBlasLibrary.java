package org.fusemath.blas.host;

import java.io.IOException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Finds the OpenBLAS shared library that JavaCPP extracts and loads, so that both call paths use one OpenBLAS
 * instance (one thread pool, one thread-count setting).
 *
 * <p>The preset ships {@code libopenblas_nolapack.so.0} and {@code libopenblas.so.0} as two identical files
 * with the same soname; JavaCPP loads the nolapack copy first and every JNI binding (BLAS and LAPACKE) then
 * resolves to it, while the other copy stays loaded but unused. The FFM path therefore looks its symbols up
 * in the nolapack copy too.
 */
final class OpenBlasLibrary {
    private OpenBlasLibrary() {
    }

    /** Loads BLAS and LAPACKE bindings (the JavaCPP path needs both). */
    static void loadWithLapack() {
        Loader.load(openblas.class);
    }

    /** Loads the BLAS library without the LAPACK JNI bindings and returns the file JNI calls resolve to. */
    static String loadForSymbols() {
        Loader.load(openblas_nolapack.class);
        String path = Loader.getLoadedLibraries().get("openblas_nolapack@.0");
        if (path == null) {
            path = Loader.getLoadedLibraries().get("openblas@.0");
        }
        if (path == null) {
            throw new IllegalStateException("JavaCPP loaded OpenBLAS but reports no library file; loaded: "
                    + Loader.getLoadedLibraries().keySet());
        }
        return path;
    }

    /** The OpenBLAS preset's Maven version, e.g. {@code 0.3.31-1.5.13}. */
    static String presetVersion() {
        try {
            String v = Loader.getVersion("org.bytedeco", "openblas");
            return v == null ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
