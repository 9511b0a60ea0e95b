package org.fusemath.fft.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the FFTW call table once per JVM, after {@link FftwLibrary} found FFTW. This Java 17 version always
 * takes JavaCPP with aligned off-heap staging; the multi-release jar's Java 22 version takes FFM downcalls.
 */
final class FftwCalls {
    private static final Logger LOG = LoggerFactory.getLogger(FftwCalls.class);

    private FftwCalls() {
    }

    private static final class Selected {
        static final NativeFftw TABLE;
        static final String REASON = "Java " + Runtime.version().feature() + " runs the Java 17 classes of the"
                + " multi-release jar (FFM needs Java 22+)";

        static {
            TABLE = new JavacppFftw();
            LOG.info("fusemath FFTW call path: javacpp (aligned off-heap staging reused per thread); {}", REASON);
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
