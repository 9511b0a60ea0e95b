package org.fusemath.fft.host;

import org.fusemath.api.FusemathException;

/**
 * Opens a {@link NativeFftw} table on any library exporting FFTW 3's C API by symbol name alone (FFM downcalls,
 * no JavaCPP binding): libfftw3/libfftw3f, or Intel MKL's FFTW3 interface in {@code libmkl_rt}. This Java 17 version
 * cannot (FFM needs Java 22+) and says so; the multi-release jar's Java 22 version opens the table.
 */
final class Fftw3Api {
    private Fftw3Api() {
    }

    /** Whether this runtime can open such a table. */
    static boolean supported() {
        return false;
    }

    /**
     * The table over the library files {@code doubles} ({@code fftw_} symbols) and {@code singles} ({@code fftwf_};
     * the same file for MKL), named {@code name} in logs; throws naming why it cannot be opened.
     */
    static NativeFftw open(String name, String doubles, String singles) {
        throw new FusemathException("the FFTW3-API table over " + name + " needs Java 22+ (FFM downcalls); this is Java "
                + Runtime.version().feature());
    }
}
