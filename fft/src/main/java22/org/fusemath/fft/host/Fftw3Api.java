package org.fusemath.fft.host;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;

/**
 * Opens a {@link NativeFftw} table on any library exporting FFTW 3's C API by symbol name alone: this Java 22+
 * version binds {@link Fftw3ApiTable}'s FFM downcalls (libfftw3/libfftw3f, or Intel MKL's {@code libmkl_rt}).
 */
final class Fftw3Api {
    private Fftw3Api() {
    }

    /** Whether this runtime can open such a table. */
    static boolean supported() {
        return true;
    }

    /**
     * The table over the library files {@code doubles} ({@code fftw_} symbols) and {@code singles} ({@code fftwf_};
     * the same file for MKL), named {@code name} in logs; throws naming the first missing symbol.
     */
    static NativeFftw open(String name, String doubles, String singles) {
        SymbolLookup d = SymbolLookup.libraryLookup(Path.of(doubles), Arena.global());
        SymbolLookup f = doubles.equals(singles) ? d : SymbolLookup.libraryLookup(Path.of(singles), Arena.global());
        return new Fftw3ApiTable(name, d, f);
    }
}
