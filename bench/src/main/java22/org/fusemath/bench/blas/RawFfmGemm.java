package org.fusemath.bench.blas;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The raw FFM baseline: {@code cblas_dgemm}/{@code cblas_sgemm} downcalls (critical, heap arrays passed in
 * place) into the same OpenBLAS copy JavaCPP and fusemath use, with no argument checks at all.
 */
@SuppressWarnings("restricted")
public final class RawFfmGemm {
    private static final MethodHandle DGEMM;
    private static final MethodHandle SGEMM;

    static {
        Loader.load(openblas_nolapack.class);
        String path = Loader.getLoadedLibraries().get("openblas_nolapack@.0");
        SymbolLookup lib = SymbolLookup.libraryLookup(Path.of(path), Arena.global());
        Linker linker = Linker.nativeLinker();
        ValueLayout i = ValueLayout.JAVA_INT;
        ValueLayout p = ValueLayout.ADDRESS;
        ValueLayout d = ValueLayout.JAVA_DOUBLE;
        ValueLayout f = ValueLayout.JAVA_FLOAT;
        DGEMM = linker.downcallHandle(lib.find("cblas_dgemm").orElseThrow(),
                FunctionDescriptor.ofVoid(i, i, i, i, i, i, d, p, i, p, i, d, p, i), Linker.Option.critical(true));
        SGEMM = linker.downcallHandle(lib.find("cblas_sgemm").orElseThrow(),
                FunctionDescriptor.ofVoid(i, i, i, i, i, i, f, p, i, p, i, f, p, i), Linker.Option.critical(true));
    }

    private RawFfmGemm() {
    }

    /** Whether this JDK runs the FFM version. */
    public static boolean available() {
        return true;
    }

    /** Row-major C = A·B (n×n). */
    public static void dgemm(int n, double[] a, double[] b, double[] c) {
        try {
            DGEMM.invokeExact(101, 111, 111, n, n, n, 1.0, MemorySegment.ofArray(a), n, MemorySegment.ofArray(b), n, 0.0,
                    MemorySegment.ofArray(c), n);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row-major C = A·B (n×n). */
    public static void sgemm(int n, float[] a, float[] b, float[] c) {
        try {
            SGEMM.invokeExact(101, 111, 111, n, n, n, 1.0f, MemorySegment.ofArray(a), n, MemorySegment.ofArray(b), n, 0.0f,
                    MemorySegment.ofArray(c), n);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
