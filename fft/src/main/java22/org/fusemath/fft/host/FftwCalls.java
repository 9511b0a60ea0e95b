package org.fusemath.fft.host;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the FFTW call table once per JVM, after {@link FftwLibrary} found FFTW. This Java 22+ version takes FFM
 * critical downcalls on heap arrays for large transforms ({@link FfmFftw}) and falls back to JavaCPP staging,
 * logging why, when the downcalls cannot be set up; {@code -Dfusemath.host.callPath=javacpp} forces JavaCPP (for
 * comparisons), as for BLAS.
 */
final class FftwCalls {
    private static final Logger LOG = LoggerFactory.getLogger(FftwCalls.class);

    private FftwCalls() {
    }

    private static final class Selected {
        static final NativeFftw TABLE;
        static final String REASON;

        static {
            String forced = System.getProperty("fusemath.host.callPath", "").trim().toLowerCase(Locale.ROOT);
            NativeFftw table = null;
            String reason;
            if (forced.equals("javacpp")) {
                reason = "forced by -Dfusemath.host.callPath=javacpp";
            } else {
                try {
                    table = new FfmFftw();
                    reason = "Java " + Runtime.version().feature() + " offers critical FFM downcalls on heap arrays";
                } catch (Throwable e) {
                    reason = "FFM downcalls could not be set up (" + e + "); falling back to JavaCPP";
                }
            }
            if (table == null) {
                table = new JavacppFftw();
                LOG.info("fusemath FFTW call path: javacpp (aligned off-heap staging reused per thread); {}", reason);
            } else {
                LOG.info("fusemath FFTW call path: ffm (critical downcalls on heap arrays{}); {}; {}", HeapAlignment.GUARANTEED
                        ? " with SIMD plans" : " from " + ((FfmFftw) table).heapThreshold() + " elements, aligned staging below",
                        HeapAlignment.REASON, reason);
            }
            TABLE = table;
            REASON = reason;
        }
    }

    /** The call table; throws naming the reason when FFTW is unavailable. */
    static NativeFftw table() {
        // Checked before the holder class initialises, so an absent FFTW never leaves it half-initialised.
        FftwLibrary.require();
        return Selected.TABLE;
    }

    /** Why this call path was chosen. */
    static String reason() {
        return Selected.REASON;
    }
}
